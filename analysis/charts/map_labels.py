"""Region names written on a map: each region's short name at a point inside it, haloed.

:func:`analysis.charts.maps.plot_choropleth` writes :func:`region_labels` through
:func:`label_style` when asked to name regions. The short name is the region's bare
alias (临夏回族自治州 → 临夏), from the naming rules of the alias file; the point is inside
the region even where it is a crescent.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape

from analysis.paths import data_path, read_config_text
from analysis.places.alias_file import ALIASES_FILE
from analysis.places.aliases import LEVELS

LABEL_FONT_PX = 11
LABEL_LAYER = "region-names"
"""The id of the style layer (and source) holding the regions' names."""

DARK_TEXT, LIGHT_HALO = "#1f2a36", "rgba(255,255,255,0.85)"
LIGHT_TEXT, DARK_HALO = "#ffffff", "rgba(8,48,107,0.8)"
"""Names on light fills, and on dark ones (the halo: the darkest blue of the colour scale)."""


def region_labels(
    frame: pd.DataFrame, geojson: dict, *, most: int | None, dark_from: tuple[float, bool],
    zoom: float, smallest_first: bool = False, pale: set[str] = frozenset(),
) -> pd.DataFrame:
    """The regions' short names to write, each at a point inside its region, and on what.

    With ``most``, only the regions with the largest values are named (a county map of
    86 names would be unreadable), or the smallest for a "how soon" map; regions with no
    value come last. At the map's ``zoom``, a name that would overlap one ranked before
    it is left out (:func:`apart`): the map hides one of two overlapping names by an
    order of its own, which wrote 澳门 on Guangdong's coast and left 广东 out.

    Args:
        frame: ``adcode, value`` of every region drawn.
        geojson: the regions.
        most: how many regions to name (None: all).
        dark_from: where the fill gets dark: (threshold, whether below it is dark).
        zoom: the map's zoom.
        smallest_first: name the smallest values first.
        pale: regions drawn washed out (their fill counts as light).

    Returns:
        ``adcode, short_name, lon, lat, on_dark``, most important first; ``on_dark``
        when most of the name's box lies on dark fills (:func:`dark_share`).
    """
    ranked = frame.sort_values("value", ascending=smallest_first, na_position="last", kind="stable")
    threshold, below = dark_from
    value = frame["value"].fillna(threshold if below else -1.0)
    dark_fill = (value < threshold) if below else (value >= threshold)
    dark = set(frame.loc[dark_fill, "adcode"].astype(str)) - set(pale)
    ranked = ranked.head(most if most is not None else len(ranked))
    points = region_points(geojson).set_index("adcode", drop=False)
    points = points.loc[[code for code in ranked["adcode"].astype(str) if code in points.index]]
    points = apart(points, zoom)
    return points.assign(on_dark=dark_share(points, geojson, dark, zoom) > 0.5).reset_index(drop=True)


def label_style(labels: pd.DataFrame) -> dict:
    """A blank map style (no tiles) whose top layer writes ``labels`` with a halo.

    A name on a light fill is dark with a white halo, one on a dark fill white with a
    dark halo, so it stays readable where it runs over a neighbour of the other shade (嘉峪关
    over 酒泉). Plotly's text traces have no halo: the names are a layer of the style,
    :data:`LABEL_LAYER`, which the region traces are drawn below (their ``below``).
    The names are Chinese characters, which the map draws in the browser's own CJK face,
    so the ``glyphs`` address (needed by the style's rules) is never fetched.

    Args:
        labels: ``short_name, lon, lat, on_dark`` (from :func:`region_labels`).

    Returns:
        The ``layout.map.style`` object.
    """
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
         "properties": {"name": name, "colour": LIGHT_TEXT if dark else DARK_TEXT,
                        "halo": DARK_HALO if dark else LIGHT_HALO}}
        for name, lon, lat, dark in zip(labels["short_name"], labels["lon"], labels["lat"], labels["on_dark"],
                                        strict=True)
    ]
    return {
        "version": 8,
        "glyphs": "/glyphs/{fontstack}/{range}.pbf",
        "sources": {
            LABEL_LAYER: {"type": "geojson", "data": {"type": "FeatureCollection", "features": features}},
        },
        "layers": [
            {"id": "white-bg", "type": "background", "paint": {"background-color": "#ffffff"}},
            {"id": LABEL_LAYER, "type": "symbol", "source": LABEL_LAYER,
             "layout": {"text-field": ["get", "name"], "text-size": LABEL_FONT_PX, "text-allow-overlap": True,
                        "text-ignore-placement": True},
             "paint": {"text-color": ["get", "colour"], "text-halo-color": ["get", "halo"],
                       "text-halo-width": 1.6}},
        ],
    }


def dark_share(points: pd.DataFrame, geojson: dict, dark: set[str], zoom: float) -> pd.Series:
    """The share of each name's box, written at ``zoom``, that lies on a dark fill.

    A name is wider than a small region: 嘉峪关 written over its city stands mostly on
    酒泉 around it, so the colour of the name follows what is under most of its box, not
    the fill of its own region (dark names on a dark 酒泉 could not be read).

    Args:
        points: ``adcode, short_name, lon, lat`` (from :func:`region_points`).
        geojson: the regions drawn.
        dark: adcodes of the regions whose fill is dark.
        zoom: the map's zoom.

    Returns:
        A share from 0 to 1 per row of ``points`` (same index).
    """
    shapes = [shape(f["geometry"]) for f in geojson["features"] if str(f["id"]) in dark]
    if not shapes or points.empty:
        return pd.Series(0.0, index=points.index)
    area = shapely.union_all(shapes)
    scale = 512 * 2**zoom
    across, down = np.meshgrid(np.linspace(-0.5, 0.5, 9), np.linspace(-0.5, 0.5, 3))
    shares = []
    for name, lon, lat in zip(points["short_name"], points["lon"], points["lat"], strict=True):
        x = _x(lon, scale) + across.ravel() * len(name) * LABEL_FONT_PX
        y = _y(lat, scale) + down.ravel() * LABEL_FONT_PX * 1.2
        shares.append(float(shapely.contains_xy(area, x / scale * 360 - 180, _lat(y, scale)).mean()))
    return pd.Series(shares, index=points.index)


def _x(lon: np.ndarray | float, scale: float) -> np.ndarray | float:
    return (np.asarray(lon) + 180) / 360 * scale


def _y(lat: np.ndarray | float, scale: float) -> np.ndarray | float:
    return (1 - np.log(np.tan(np.pi / 4 + np.radians(np.asarray(lat)) / 2)) / np.pi) / 2 * scale


def _lat(y: np.ndarray, scale: float) -> np.ndarray:
    return np.degrees(2 * np.arctan(np.exp((1 - 2 * y / scale) * np.pi)) - np.pi / 2)


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
    x, y = _x(points["lon"].to_numpy(), scale), _y(points["lat"].to_numpy(), scale)
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


PROVINCE_SUFFIXES = ("特别行政区", "省")
"""What ends a province's full name and no other place's (自治区 is read as autonomous units are)."""
MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
"""The four municipalities directly under the central government (GB/T 2260 11, 12, 31, 50)."""


def short_place_label(name: str) -> str:
    """A place's display name with autonomous units written as news writes them, for axis labels.

    临夏回族自治州 → 临夏州, 阿克塞哈萨克族自治县（酒泉市） → 阿克塞县（酒泉市）, 新疆维吾尔自治区 →
    新疆, and every province as news writes it beside them: 浙江省 → 浙江, 北京市 → 北京,
    香港特别行政区 → 香港 (新疆 and 广西 beside 浙江省 and 北京市 read as two kinds of
    place); other names, and the words around them, stay as they are (兰州市, 城关区). A
    chart keeps the full name for hover and for what a click selects: only the tick text is
    shortened.
    """
    from analysis.places.aliases import AUTONOMOUS, strip_ethnic

    def shorten(part: str) -> str:
        for suffix in PROVINCE_SUFFIXES:
            if part.endswith(suffix) and len(part) > len(suffix) + 1:
                return part.removesuffix(suffix)
        if part in MUNICIPALITIES:
            return part.removesuffix("市")
        found = AUTONOMOUS.fullmatch(part)
        if not found:
            return part
        stem = strip_ethnic(found["base"], _ethnic_groups())
        return stem if found["unit"] == "区" else f"{stem}{found['unit']}"

    head, bracket, rest = name.partition("（")
    if bracket and rest.endswith("）"):
        return f"{shorten(head)}（{shorten(rest[:-1])}）"
    return shorten(name)


@lru_cache(maxsize=1)
def _ethnic_groups() -> tuple[str, ...]:
    """The ethnic group names of the alias file's ``[name_rules]``."""
    raw = tomllib.loads(read_config_text(data_path(ALIASES_FILE), "alias file"))
    return tuple(raw.get("name_rules", {}).get("ethnic_groups", ()))
