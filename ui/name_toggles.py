"""Names in word charts: the toggles that bring them back, the caption that says which went.

Place and person names say where and by whom, not what about, so the top terms, keyness
and the co-occurrence network leave them out unless the analyst switches them back on.
"""

from __future__ import annotations

import streamlit as st

from analysis.charts.phrasing import list_separator
from ui.i18n import t
from ui.open_tab import KEEP


def name_toggles(prefix: str, lang: str) -> tuple[str, ...]:
    """Two toggles, ``{prefix}_places`` and ``{prefix}_people``, that bring names back.

    Returns:
        The kinds of names to leave out (``"place"``, ``"person"``): those whose toggle is off.
    """
    left, right = st.columns(2)
    with_places = left.toggle(t("keyness_with_places", lang), value=False, key=f"{prefix}_places",
                              help=t("keyness_with_places_help", lang), persist_state=KEEP)
    with_people = right.toggle(t("keyness_with_people", lang), value=False, key=f"{prefix}_people",
                               help=t("keyness_with_people_help", lang), persist_state=KEEP)
    return tuple(kind for kind, kept in (("place", with_places), ("person", with_people)) if not kept)


def left_out_caption(
    left_out: dict[str, list[str]], lang: str, *, examples: int = 5, key: str = "keyness_left_out"
) -> str:
    """What a chart left out: how many place and person names, with the strongest few.

    ``key`` is the string that frames the list (``terms_left_out`` for the top terms).
    """
    parts = [
        t(f"keyness_left_out_{label}", lang, n=len(terms), s="" if len(terms) == 1 else "s",
          examples=list_separator(lang).join(terms[:examples]) + ("…" if len(terms) > examples else ""))
        for kind, label in (("place", "places"), ("person", "people"))
        if (terms := left_out.get(kind))
    ]
    if not parts:
        return t("keyness_left_out_none", lang)
    return t(key, lang, what=("；" if lang == "zh" else "; ").join(parts))
