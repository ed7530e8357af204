"""How running text joins things in each language: colons and list separators.

Chinese takes full-width marks with no space (``占比：``, ``甲、乙``) where English takes a
space after ASCII ones (``Share: ``, ``a, b``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # labels imports this module: the type only, to avoid an import cycle
    from analysis.charts.labels import Lang


def colon(lang: Lang = "zh") -> str:
    """What follows the name of a value: Chinese takes the full-width colon, with no space."""
    return "：" if lang == "zh" else ": "


def list_separator(lang: Lang = "zh") -> str:
    """What stands between the items of a list in running text: Chinese takes 、, English a comma."""
    return "、" if lang == "zh" else ", "

