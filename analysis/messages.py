"""Messages for the analyst in English and Chinese, from one catalog a translator can edit.

Every reason a loader gives (a file it could not read, a line it left out) and every error
the dashboard shows has a stable code (``empty_file``, ``invalid_json_line``) and the values
it names (a file, a column, the text of an exception). The words live in
``data/messages.toml``: one table per code with an ``en`` and a ``zh`` template, so they
can be improved without reading Python, and scripts can rely on the codes while the words
change. Rendering never raises: a code or template that is missing or broken falls back to
English, then to the code with its values.
"""

from __future__ import annotations

import string
import tomllib
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from analysis.paths import BUILTIN_DATA, ConfigFileError, data_path, read_config_text

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("en", "zh")
CATALOG_FILE = "messages.toml"
VALUES_TABLE = "values_zh"
"""The catalog table of parameter values shown translated in Chinese (JSON error names…)."""


@dataclass(frozen=True)
class MessageCatalog:
    """The templates of every code and what was wrong with the catalog file.

    Attributes:
        templates: ``{code: {lang: template}}`` for every template that is well formed.
        values_zh: ``{parameter: {English value: Chinese}}``: words that arrive inside a
            parameter (a JSON parser's error, a JSON type) and are shown translated.
        problems: one line per entry or template left out and why, or the file's read
            error; empty for a sound catalog.
    """

    templates: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    values_zh: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


class CodedError(Exception):
    """An error whose message is a catalog entry: ``str()`` is English, :meth:`render` any language.

    Args:
        code: the catalog code.
        **params: the values its templates name.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(render(code, params))
        self.code = code
        self.params = params

    def render(self, lang: Lang) -> str:
        """The message in ``lang``."""
        return render(self.code, self.params, lang)

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild_error, (type(self), self.code, self.params)


def _rebuild_error(cls: type[CodedError], code: str, params: dict[str, Any]) -> CodedError:
    """Unpickle a :class:`CodedError` (one raised in a worker process) with its code and values."""
    return cls(code, **params)


def placeholders(template: str) -> set[str]:
    """The names a template fills in: ``{file}`` and ``{share:.0%}`` give ``file`` and ``share``.

    Raises:
        ValueError: for unbalanced braces, positional ``{}`` or ``{0}``, or ``{a.b}``/``{a[0]}``.
    """
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"placeholder {{{name}}} must be a plain name such as {{file}}")
        names.add(name)
    return names


def read_catalog(path: Path) -> MessageCatalog:
    """Read and check a message catalog; never raises.

    Args:
        path: the TOML file: ``[code]`` tables with ``en`` and ``zh`` strings (and an
            optional ``note`` for translators), and a ``[values_zh.<parameter>]`` table.

    Returns:
        The catalog; a template that is not a string or does not parse is left out and
        named in ``problems``, as is a file that cannot be read.
    """
    try:
        document = tomllib.loads(read_config_text(path, "message catalog"))
    except tomllib.TOMLDecodeError as exc:
        return MessageCatalog(problems=(f"{path}: cannot read the message catalog: {exc}",))
    except ConfigFileError as exc:  # missing, unreadable, not UTF-8: worded without a catalog
        worded = exc.render(catalog=MessageCatalog())
        return MessageCatalog(problems=(f"cannot read the message catalog: {worded}",))
    problems: list[str] = []
    values = _read_values(document.pop(VALUES_TABLE, {}), problems)
    templates = read_entries(document, LANGS, problems, optional="note")
    return MessageCatalog(templates=templates, values_zh=values, problems=tuple(problems))


def read_entries(
    document: Mapping[str, object], langs: tuple[str, ...], problems: list[str], *,
    optional: str = "", allow_empty: bool = False,
) -> dict[str, dict[str, str]]:
    """The templates of a bilingual file's ``[key]`` tables, one string per language.

    Shared by this catalog and the dashboard's interface strings (``ui.i18n``), whose
    files have the same form.

    Args:
        document: the parsed TOML file.
        langs: the languages each table holds, in the order its messages name them.
        problems: where to note, naming the key, each table or template left out and why.
        optional: the one other key a table may have (``note``), if any.
        allow_empty: whether an empty string is a usable template.

    Returns:
        ``{key: {lang: template}}`` for every template that is well formed.
    """
    expected = " and ".join(langs) if not optional else f"{', '.join(langs)} and an optional {optional}"
    allowed = {*langs, optional} - {""}
    templates = {}
    for key, entry in document.items():
        if not isinstance(entry, dict):
            problems.append(f"{key}: expected a table [{key}] with {' and '.join(langs)}, found {entry!r}")
            continue
        unknown = sorted(set(entry) - allowed)
        if unknown:
            problems.append(f"[{key}]: unknown keys {unknown}; expected {expected}")
        templates[key] = {
            lang: entry[lang] for lang in langs
            if _template_ok(key, lang, entry.get(lang), problems, allow_empty=allow_empty)
        }
    return templates


def _template_ok(code: str, lang: str, template: object, problems: list[str], *, allow_empty: bool) -> bool:
    """True for a usable template; otherwise note in ``problems`` what is wrong with it."""
    if not isinstance(template, str) or not (allow_empty or template.strip()):
        problems.append(f"[{code}] {lang}: missing, or not a {'' if allow_empty else 'non-empty '}string")
        return False
    try:
        placeholders(template)
    except ValueError as exc:
        problems.append(f"[{code}] {lang}: {exc}")
        return False
    return True


def _read_values(table: object, problems: list[str]) -> dict[str, dict[str, str]]:
    """The ``[values_zh.<parameter>]`` tables, keeping only string-to-string entries."""
    if not isinstance(table, dict):
        problems.append(f"[{VALUES_TABLE}]: expected tables of 'English value' = 'Chinese'")
        return {}
    values: dict[str, dict[str, str]] = {}
    for param, words in table.items():
        if isinstance(words, dict) and all(isinstance(v, str) for v in words.values()):
            values[param] = words
        else:
            problems.append(f"[{VALUES_TABLE}.{param}]: expected 'English value' = 'Chinese' pairs")
    return values


@lru_cache(maxsize=4)
def _cached_catalog(path: Path) -> MessageCatalog:
    catalog = read_catalog(path)
    for problem in catalog.problems:
        warnings.warn(f"message catalog: {problem}", stacklevel=3)
    return catalog


def default_catalog() -> MessageCatalog:
    """The catalog in the configuration folder (``data/messages.toml``), read once per path."""
    return _cached_catalog(data_path(CATALOG_FILE))


def builtin_catalog() -> MessageCatalog:
    """The catalog that ships with the code, for words about the configuration folder itself."""
    return _cached_catalog(BUILTIN_DATA / CATALOG_FILE)


def render(
    code: str, params: Mapping[str, Any] | None = None, lang: Lang = "en", *,
    catalog: MessageCatalog | None = None,
) -> str:
    """The message for ``code`` in ``lang``, its placeholders filled from ``params``.

    Never raises: when the template in ``lang`` is missing or names a value the call did
    not give, the English template is used; when that fails too, the code and its values
    (``empty_file``, ``too_large (size=300 MB, limit=200 MB)``).

    A ``sheet`` among the values that the template does not name (a reason concerning one
    sheet of a workbook) is put before the message (``in_sheet``: ``sheet 6月: …``).

    Args:
        code: the catalog code.
        params: the values the templates name.
        lang: ``zh`` or ``en``.
        catalog: the catalog to use (default :func:`default_catalog`).
    """
    catalog = default_catalog() if catalog is None else catalog
    params = dict(params or {})
    for language in dict.fromkeys((lang, "en")):
        template = catalog.templates.get(code, {}).get(language)
        if template is None:
            continue
        shown = _nested(params, language, catalog)
        shown = shown if language == "en" else _translated(shown, catalog.values_zh)
        try:
            message = template.format_map(shown)
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            continue
        if "sheet" in params and code != "in_sheet" and "sheet" not in placeholders(template):
            return render("in_sheet", {"sheet": params["sheet"], "message": message}, lang, catalog=catalog)
        return message
    return fallback_text(code, params)


def _nested(params: dict[str, Any], lang: Lang, catalog: MessageCatalog) -> dict[str, Any]:
    """The parameters, each value that is itself a coded message worded in ``lang``.

    A coded message is an object with a ``code`` and ``params``, such as a ``Problem``
    that names where in a configuration file another message applies.
    """
    return {
        name: render(value.code, value.params, lang, catalog=catalog) if _is_coded(value) else value
        for name, value in params.items()
    }


def _is_coded(value: object) -> bool:
    code, params = getattr(value, "code", None), getattr(value, "params", None)
    return isinstance(code, str) and isinstance(params, Mapping)


def _translated(params: dict[str, Any], values: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    """The parameters with the values the catalog translates replaced by their translation."""
    return {
        name: values.get(name, {}).get(value, value) if isinstance(value, str) else value
        for name, value in params.items()
    }


def fallback_text(code: str, params: Mapping[str, Any]) -> str:
    """The code and its values, for when no template can be rendered."""
    shown = ", ".join(f"{name}={value}" for name, value in params.items())
    return f"{code} ({shown})" if shown else code
