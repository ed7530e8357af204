"""The command line's argument parser, speaking the analyst's language.

``--help`` reads in Chinese under ``--lang zh`` or ``GOVTHEMES_LANG=zh``, like every other
message of the command: each option's ``help`` is a catalog code (``help_store``) that the
formatter renders in the parser's language, and argparse's own words around them (the
``usage:`` prefix, the section titles, ``-h``'s line) come from the catalog too. A mistake
in the arguments is raised as :class:`~analysis.cli_errors.ArgumentsRefused` so the caller
can say it in that language instead of argparse printing English and exiting.
"""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

from analysis.cli_errors import ArgumentsRefused
from analysis.line_breaks import break_lines, terminal_columns
from analysis.messages import Lang, render

HELP_CODE_PREFIX = "help_"
"""Option help starting with this is a catalog code, rendered in the parser's language."""


def help_text(code: str, lang: Lang, **params: object) -> str:
    """The catalog's help text ``code`` in ``lang`` (an option's, a command's, a title)."""
    return render(code, params, lang)


def wrap_by_columns(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` terminal columns, broken where :mod:`analysis.line_breaks` allows.

    argparse wraps at spaces and counts characters, so Chinese help (no spaces, two columns
    a character) would run past the terminal's edge as one long line. A line never starts
    with closing punctuation (``，``, ``）``) when it can be avoided; the space a line
    ends on is stripped, as argparse strips its own.
    """
    return [line.rstrip() for line in break_lines(text, width=width)]


class CatalogHelpFormatter(argparse.HelpFormatter):
    """A help formatter that renders catalog codes in ``lang``, with the option's default.

    A help text that is not a code (``help_…``) is shown as argparse would.
    """

    def __init__(self, prog: str, *, lang: Lang = "en", **kwargs: Any) -> None:
        super().__init__(prog, **kwargs)
        self.lang = lang

    def _expand_help(self, action: argparse.Action) -> str:
        text = action.help or ""
        if text.startswith(HELP_CODE_PREFIX):
            return help_text(text, self.lang, default=action.default)
        return super()._expand_help(action)

    def _split_lines(self, text: str, width: int) -> list[str]:
        """Wrap by display width: a Chinese character takes two columns and may end a line."""
        if not any(terminal_columns(char) == 2 for char in text):
            return super()._split_lines(text, width)
        return wrap_by_columns(" ".join(text.split()), width)

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        """The usage line, opened by the catalog's word for ``usage:``."""
        if prefix is None:
            prefix = help_text("help_usage_prefix", self.lang)
        super().add_usage(usage, actions, groups, prefix)


class TranslatingParser(argparse.ArgumentParser):
    """An argument parser whose help and complaints are in ``lang``.

    It raises :class:`ArgumentsRefused` instead of printing and exiting on a mistake; the
    caller prints the usage line and the complaint. ``--help`` still prints and exits.
    Subcommand parsers made with ``add_parser(..., lang=lang)`` are of this class too.
    """

    def __init__(self, *args: Any, lang: Lang = "en", **kwargs: Any) -> None:
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.lang: Lang = lang
        self._positionals.title = help_text("help_title_positionals", lang)
        self._optionals.title = help_text("help_title_options", lang)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="help_help")

    def _get_formatter(self) -> argparse.HelpFormatter:
        return CatalogHelpFormatter(prog=self.prog, lang=self.lang)

    def error(self, message: str) -> NoReturn:
        """Refuse the arguments: raise :class:`ArgumentsRefused` (argparse would print and exit)."""
        raise ArgumentsRefused(self, message)
