"""Region names written on a map: each region's short name at a point inside it.

:func:`analysis.charts.maps.plot_choropleth` adds :func:`label_traces` when asked to name
regions. The short name is the region's bare alias (临夏回族自治州 → 临夏), from the naming
rules of the alias file; the point is inside the region even where it is a crescent.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from shapely.geometry import shape

from analysis.paths import data_path, read_config_text
from analysis.places.alias_file import ALIASES_FILE
from analysis.places.aliases import LEVELS

LABEL_FONT_PX = 11


def label_traces(
    frame: pd.DataFrame, geojson: dict, *, most: int | None, dark_from: tuple[float, bool],
    smallest_first: bool = False, pale: set[str] = frozenset(), zoom: float | None = None,
) -> list[go.Scattermap]:
    """The regions' short names at a point inside each (text only; no hover, no clicks).

    With ``most``, only the regions with the largest values are named (a county map of
    86 names would be unreadable), or the smallest for a "how soon" map; regions with no
    value come last. Names on dark fills
    are white, in a trace of their own (a map trace takes one text colour); ``pale``
    regions (washed-out fills) keep dark names. At the map's ``zoom``, a name that would
    overlap one ranked before it is left out (:func:`apart`): the map hides one of two
    overlapping names by an order of its own, which wrote 澳门 on Guangdong's coast and
    left 广东 out.
    """
    ranked = frame.sort_values("value", ascending=smallest_first, na_position="last", kind="stable")
    ranked = ranked.head(most if most is not None else len(ranked))
    threshold, below = dark_from
    value = ranked["value"].fillna(threshold if below else -1.0)
    on_dark_fill = (value < threshold) if below else (value >= threshold)
    dark = set(ranked.loc[on_dark_fill, "adcode"].astype(str)) - pale
    points = region_points(geojson).set_index("adcode", drop=False)
    points = points.loc[[code for code in ranked["adcode"].astype(str) if code in points.index]]
    points = points if zoom is None else apart(points, zoom)
    traces, on_dark = [], points["adcode"].isin(dark)
    for colour, members in (("#1f2a36", ~on_dark), ("#ffffff", on_dark)):
        if members.any():
            chosen = points[members]
            traces.append(go.Scattermap(
                lon=chosen["lon"], lat=chosen["lat"], text=chosen["short_name"], mode="text",
                textfont={"size": LABEL_FONT_PX, "color": colour}, hoverinfo="skip", showlegend=False,
                name="labels",
            ))
    return traces


def apart(points: pd.DataFrame, zoom: float, *, pad_px: float = 2.0) -> pd.DataFrame:
    """The points whose names, written at ``zoom``, overlap no name of a point kept before them.

    Args:
        points: ``short_name, lon, lat``, most important first.
        zoom: the map's zoom (a world 512 · 2^zoom pixels wide).
        pad_px: room kept around each name, as the map keeps it.

    Returns:
        The rows of ``points`` kept, in their order.
    """
    scale = 512 * 2**zoom
    x = ((points["lon"] + 180) / 360 * scale).to_numpy()
    mercator = np.log(np.tan(np.pi / 4 + np.radians(points["lat"].to_numpy()) / 2))
    y = (1 - mercator / np.pi) / 2 * scale
    half_width = points["short_name"].str.len().to_numpy() * LABEL_FONT_PX / 2 + pad_px
    half_height = LABEL_FONT_PX * 1.2 / 2 + pad_px
    kept: list[int] = []
    for i in range(len(points)):
        if all(abs(x[i] - x[j]) >= half_width[i] + half_width[j] or abs(y[i] - y[j]) >= 2 * half_height
               for j in kept):
            kept.append(i)
    return points.iloc[kept]


def region_points(geojson: dict) -> pd.DataFrame:
    """``adcode, short_name, lon, lat``: each region's short name at a point inside it.

    The point is shapely's representative point (always inside, unlike the centroid of a
    crescent); the short name drops the level word and the peoples of an autonomous unit
    (临夏回族自治州 → 临夏, 阿克塞哈萨克族自治县 → 阿克塞, 肃州区 → 肃州).
    """
    rows = []
    for feature in geojson["features"]:
        point = shape(feature["geometry"]).representative_point()
        name = feature["properties"]["name"]
        rows.append((feature["id"], short_region_name(name, level=feature["properties"].get("level")),
                     point.x, point.y))
    return pd.DataFrame(rows, columns=["adcode", "short_name", "lon", "lat"])


def short_region_name(name: str, *, level: str | None = None) -> str:
    """The bare name of a region (its ``bare`` alias), or the full name when it has none."""
    from analysis.places.aliases import name_forms

    forms = name_forms(name, level=level if level in LEVELS else "county", ethnic_groups=_ethnic_groups())
    return next((form for form, kind in forms.items() if kind == "bare"), name)


@lru_cache(maxsize=1)
def _ethnic_groups() -> tuple[str, ...]:
    """The ethnic group names of the alias file's ``[name_rules]``."""
    raw = tomllib.loads(read_config_text(data_path(ALIASES_FILE), "alias file"))
    return tuple(raw.get("name_rules", {}).get("ethnic_groups", ()))
