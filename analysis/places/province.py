"""The province 省委, 省政协 and 全省 refer to: the paper's (a hint), else the article's own.

Rule 2 of :mod:`analysis.places.locality`. The paper's province comes from the user
(``--province``, the dashboard's field) and is checked here; without it, the province is
inferred from the places the article itself names (:func:`article_province`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import pandas as pd

from analysis.messages import CodedError
from analysis.places.gazetteer import Gazetteer
from analysis.places.matcher import Mention


class ProvinceHintError(CodedError, ValueError):
    """The corpus's province (``--province``, the dashboard's field) names no single province."""


def hint_province(hint: str | None, *, gazetteer: Gazetteer) -> str | None:
    """Return the adcode of the province named by ``hint`` (name, bare name or code).

    Raises:
        ProvinceHintError: if ``hint`` is given but names no single province (a user's
            mistake: the command line and the dashboard say it in the user's language).
    """
    if hint is None or (isinstance(hint, float) and pd.isna(hint)) or not str(hint).strip():
        return None
    hint = str(hint).strip()
    if hint in gazetteer and gazetteer.get(hint).level == "province":
        return hint
    codes = [p.adcode for p in gazetteer.lookup(hint) if p.level == "province"]
    if len(codes) != 1:
        raise ProvinceHintError("province_unknown", hint=hint)
    return codes[0]


def article_province(
    chains: Mapping[str, tuple[str, ...]], mentions: list[tuple[str, Mention]], dateline: tuple[str, ...]
) -> str | None:
    """The province the article's own places lie in, for 省政协 in a paper of no known province.

    The dateline's province if it has one; else that of the headline's places, if one;
    else the province of more than half of the body's unambiguous places.
    """
    provinces = {chains[code][0] for code in dateline}
    if len(provinces) == 1:
        return provinces.pop()
    named = [(zone, m.entry.codes[0]) for zone, m in mentions if len(m.entry.codes) == 1 and not m.weak]
    provinces = {chains[code][0] for zone, code in named if zone in ("title", "kicker")}
    if len(provinces) == 1:
        return provinces.pop()
    counts = Counter(chains[code][0] for _, code in named)
    if counts:
        province, count = counts.most_common(1)[0]
        if count > sum(counts.values()) / 2:
            return province
    return None
