"""The dashboard's filter state and its URL form (pure: no Streamlit here).

The current filter lives in the page URL (``st.query_params``) so that a view can be
shared: ``?from=2024-01-01&to=2024-06-30&level=prefecture&place=620900&theme=ecology``.
Values the corpus does not have (an unknown place or theme, a malformed date) are
dropped when the URL is read, never an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

Level = Literal["province", "prefecture", "county"]
LEVELS: tuple[Level, ...] = ("province", "prefecture", "county")
Lang = Literal["zh", "en"]


@dataclass(frozen=True)
class FilterState:
    """What the analyst has selected in the sidebar (and by clicking charts).

    Attributes:
        date_from, date_to: the inclusive date range, or None for open ends.
        level: the place level the place picker and the by-place charts use.
        places: selected adcodes at ``level`` (empty: all places).
        themes: selected theme ids (an article matches when it has any of them).
        outlets: selected outlets (empty: all).
        search: what the title or text must contain: a word, or a query of several
            (:mod:`analysis.search_query`: ``a b`` both, ``a|b`` either, ``-a`` not).
        lang: interface language.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    level: Level = "prefecture"
    places: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    search: str = ""
    lang: Lang = "zh"

    def cleared(self) -> FilterState:
        """The same view with every filter removed (level and language kept)."""
        return FilterState(level=self.level, lang=self.lang)

    def with_changes(self, **changes: object) -> FilterState:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Choices:
    """What the corpus offers, used to validate a URL: known places, themes, outlets."""

    places: Mapping[Level, Iterable[str]]
    themes: Iterable[str]
    outlets: Iterable[str]
    default_level: Level = "prefecture"


def default_level(
    places: Mapping[Level, Collection[str]], located: Mapping[Level, int] | None = None
) -> Level:
    """The place level a corpus opens at when the URL names none.

    Prefectures, unless they would leave most placed articles out: when fewer than half
    of the articles placed in a province are placed in a prefecture too (a national
    broadcast's stories name provinces more often than cities), or when the corpus has
    fewer distinct prefectures than provinces (31 provincial work reports), then
    provinces, since a prefecture chart would hold mostly "unknown".

    Args:
        places: the corpus's place codes by level.
        located: articles placed at each level or below (``options()["located"]``).
    """
    prefectures, provinces = len(places.get("prefecture", ())), len(places.get("province", ()))
    if provinces and prefectures < max(2, provinces):
        return "province"
    located = located or {}
    if 2 * located.get("prefecture", 0) < located.get("province", 0):
        return "province"
    return "prefecture"


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _values(params: Mapping[str, str | list[str]], key: str) -> list[str]:
    """All values of a query parameter: repeated keys or one comma-separated value."""
    raw = params.get(key, [])
    items = raw if isinstance(raw, list) else [raw]
    return [part for item in items for part in str(item).split(",") if part]


def state_from_params(params: Mapping[str, str | list[str]], choices: Choices) -> FilterState:
    """Read a filter state from URL query parameters, keeping only valid values.

    Args:
        params: ``{name: value or values}`` as ``st.query_params.to_dict()`` / ``get_all``.
        choices: what the corpus offers.

    Returns:
        The state; anything unknown or malformed is left out.
    """
    level_values = _values(params, "level")
    level: Level = level_values[0] if level_values and level_values[0] in LEVELS else choices.default_level  # type: ignore[assignment]
    known_places = set(choices.places.get(level, ()))
    known_themes, known_outlets = set(choices.themes), set(choices.outlets)
    date_from = _date(next(iter(_values(params, "from")), None))
    date_to = _date(next(iter(_values(params, "to")), None))
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    lang_values = _values(params, "lang")
    return FilterState(
        date_from=date_from,
        date_to=date_to,
        level=level,
        places=tuple(dict.fromkeys(p for p in _values(params, "place") if p in known_places)),
        themes=tuple(dict.fromkeys(t for t in _values(params, "theme") if t in known_themes)),
        outlets=tuple(dict.fromkeys(o for o in _values(params, "outlet") if o in known_outlets)),
        search=" ".join(_values(params, "q"))[:100],
        lang="en" if lang_values[:1] == ["en"] else "zh",
    )


def ignored_params(params: Mapping[str, str | list[str]], choices: Choices) -> list[str]:
    """The values of a URL that :func:`state_from_params` leaves out, as ``name=value``.

    An unknown level, place (at the URL's level), theme or outlet, or a malformed date:
    the view opens without them, and the page names them so the reader of a shared link
    knows it does not show quite what was shared.
    """
    level_values = _values(params, "level")
    level = level_values[0] if level_values and level_values[0] in LEVELS else choices.default_level
    known = {"place": set(choices.places.get(level, ())),  # type: ignore[call-overload]
             "theme": set(choices.themes), "outlet": set(choices.outlets)}
    ignored = [f"level={value}" for value in level_values[:1] if value not in LEVELS]
    ignored += [f"{key}={value}" for key in ("from", "to") for value in _values(params, key)[:1]
                if _date(value) is None]
    for key, names in known.items():
        ignored += [f"{key}={value}" for value in dict.fromkeys(_values(params, key)) if value not in names]
    return ignored


def params_from_state(state: FilterState, default: Level = "prefecture") -> dict[str, str | list[str]]:
    """The URL query parameters of a state (defaults left out, so URLs stay short).

    ``default`` is the corpus's :func:`default_level`: the level is written only when it differs.
    """
    params: dict[str, str | list[str]] = {}
    if state.date_from:
        params["from"] = state.date_from.isoformat()
    if state.date_to:
        params["to"] = state.date_to.isoformat()
    if state.level != default:
        params["level"] = state.level
    for key, values in (("place", state.places), ("theme", state.themes), ("outlet", state.outlets)):
        if values:
            params[key] = list(values)
    if state.search:
        params["q"] = state.search
    if state.lang != "zh":
        params["lang"] = state.lang
    return params
