"""How running text joins things in each language: colons, list separators, date spans.

Chinese takes full-width marks with no space (``占比：``, ``甲、乙``) where English takes a
space after ASCII ones (``Share: ``, ``a, b``); a span of one day is said as that day.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # labels imports this module: the type only, to avoid an import cycle
    from analysis.charts.labels import Lang


def colon(lang: Lang = "zh") -> str:
    """What follows the name of a value: Chinese takes the full-width colon, with no space."""
    return "：" if lang == "zh" else ": "


def list_separator(lang: Lang = "zh") -> str:
    """What stands between the items of a list in running text: Chinese takes 、, English a comma."""
    return "、" if lang == "zh" else ", "


def date_span(first: dt.date, last: dt.date, lang: Lang = "zh") -> str:
    """Two days as a span in running text: ``2024-06-01 至 2024-06-14``, ``2024-06-01 to 2024-06-14``.

    A span of one day is that day (``2024-06-14 当天``, ``on 2024-06-14``): "2024-06-14 至
    2024-06-14" reads like a typing slip. Dates (and timestamps) are shown as ``YYYY-MM-DD``.
    """
    start, end = f"{first:%Y-%m-%d}", f"{last:%Y-%m-%d}"
    if start == end:
        return f"{start} 当天" if lang == "zh" else f"on {start}"
    return f"{start} 至 {end}" if lang == "zh" else f"{start} to {end}"
