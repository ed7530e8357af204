"""Choropleth maps of one province, drawn offline.

``go.Choroplethmap`` with the ``white-bg`` style draws the GeoJSON it is given and
nothing else: no tile layer, no style URL, no access token, so it renders with no
network. (``px.choropleth`` with ``geojson=`` would fetch a world topojson from a CDN and
draw blank here.) Every map carries :data:`analysis.geo.BOUNDARY_CAPTION`. The region
names a map can carry are placed by :mod:`analysis.charts.map_labels`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.labels import Lang, colon, field, label
from analysis.charts.map_labels import (
    LABEL_LAYER,
    label_style,
    region_labels,
    region_points,
    short_region_name,
)
from analysis.charts.style import SEQUENTIAL, add_footnote, base_layout, whole_number_ticks
from analysis.geo import (
    BOUNDARY_CAPTION,
    BOUNDARY_CAPTION_EN,
    Level,
    load_boundaries,
    region_names,
)
from analysis.overview import count_articles_by_region

__all__ = [
    "FEW_OPACITY",
    "plot_article_map",
    "plot_choropleth",
    "region_points",
    "short_region_name",
]

MAP_STYLE = "white-bg"
"""The only map style used: a blank background that needs no tiles."""

NO_DATA_COLOUR = "#d9d9d9"
BORDER = {"color": "#8c8c8c", "width": 0.6}
"""Region outlines: grey, so that regions at 0 (near-white) still show their shape."""
FEW_OPACITY = 0.4
"""Opacity of regions whose value rests on too few articles: their colour, washed out."""
ASSUMED_WIDTH = 720
"""Pixel width assumed when fitting the zoom (the dashboard's main column)."""


EARLY_DARK_SCALE = [[0.0, "#08306B"], [0.5, "#2171B5"], [1.0, "#9ECAE1"]]
"""Colours for "how soon" (smallest value darkest): Blues reversed, stopping short of white."""


def plot_choropleth(
    values: pd.DataFrame,
    *,
    geojson: dict,
    title: str | None = None,
    value_label: str | None = None,
    value_format: str = ",.0f",
    missing_value: float | None = 0.0,
    hover_columns: Sequence[str] | None = None,
    height: int | None = None,
    missing_text: str | None = None,
    early_dark: bool = False,
    few: pd.Series | None = None,
    few_text: str | None = None,
    labels: int | None = 0,
    lang: Lang = "zh",
) -> go.Figure:
    """Colour the regions of a boundary collection by a value.

    Every region of ``geojson`` is drawn: regions absent from ``values`` get
    ``missing_value`` (0 for counts), or are drawn grey as "no data" when it is
    ``None``; areas that are not administrative units are always grey.

    Args:
        values: one row per region: ``adcode`` (6 digits), ``value``, and any columns
            to show in the hover. Rows for codes not on the map are ignored.
        geojson: a collection from :func:`analysis.geo.load_boundaries`.
        title: chart title (default: articles by region).
        value_label: name and unit of ``value`` for the colour bar and hover.
        value_format: d3 format of ``value`` in the hover (``".1%"`` for shares).
        missing_value: value for regions absent from ``values``; ``None`` = grey.
        hover_columns: extra columns of ``values`` to show (default: all others).
        height: figure height in pixels (default: fitted to the region, :func:`fit_height`).
        missing_text: what the hover says of a grey region (default: no data).
        early_dark: the darkest colour for the smallest value (for "how soon", where the
            first region is the one to see), instead of the largest.
        few: a boolean per row of ``values``: regions whose value rests on too few
            articles. They are drawn pale (same colours, :data:`FEW_OPACITY`) in a trace
            of their own whose hover adds ``few_text``.
        few_text: what the hover says of a pale region (default: too few articles).
        labels: write the short names of this many regions on the map, those with the
            largest values first (smallest with ``early_dark``; None: every region; 0,
            the default: none).
        lang: label language.

    Returns:
        The figure: trace 0 holds the regions with a value, then (if any) the pale
        regions and the grey ones; the names are a layer of the map's style
        (:func:`~analysis.charts.map_labels.label_style`), drawn above the regions.

    Raises:
        ValueError: when ``values`` lacks ``adcode`` or ``value``.
    """
    missing = {"adcode", "value"} - set(values.columns)
    if missing:
        raise ValueError(f"values needs columns adcode and value; missing {sorted(missing)}")
    value_label = value_label or label("articles_axis", lang)
    frame = _region_frame(values, geojson, missing_value)
    extra = (
        list(hover_columns)
        if hover_columns is not None
        else [c for c in values.columns if c not in ("adcode", "value", "name")]
    )
    filled = frame[frame["value"].notna()]
    weak = filled["adcode"].isin(
        values.loc[few.reindex(values.index).fillna(False).astype(bool), "adcode"].astype(str)
    ) if few is not None else pd.Series(False, index=filled.index)
    zmax = None if (filled["value"] > 0).any() else 1  # all zero: a 0–1 scale, not plotly's ±0.5
    zmax = float(filled["value"].max()) if zmax is None and len(filled) else zmax
    fig = go.Figure(_value_trace(filled[~weak], geojson, extra, value_label, value_format, lang, zmax=zmax))
    if weak.any():
        pale = _value_trace(filled[weak], geojson, extra, value_label, value_format, lang, zmax=zmax,
                            note=few_text or label("few_articles", lang))
        pale.update(showscale=False, marker_opacity=FEW_OPACITY, name=few_text or label("few_articles", lang))
        fig.add_trace(pale)
    if early_dark:  # dark to a light blue that still stands out from the page and the grey
        fig.update_traces(colorscale=EARLY_DARK_SCALE, selector={"type": "choroplethmap"})
    grey = _grey_trace(frame[frame["value"].isna()], geojson, lang, missing_text=missing_text)
    if grey is not None:
        fig.add_trace(grey)
    height = height or fit_height(geojson["bbox"])
    view = _map_view(geojson["bbox"], height=height - 100)  # minus t and b
    if labels != 0:
        names = region_labels(frame, geojson, most=labels, dark_from=_dark_from(zmax, early_dark),
                              smallest_first=early_dark, pale=set(filled.loc[weak, "adcode"].astype(str)),
                              zoom=view["zoom"])
        view["style"] = label_style(names)
        fig.update_traces(below=LABEL_LAYER, selector={"type": "choroplethmap"})
    base_layout(fig, title=title or label("map", lang), height=height)
    fig.update_layout(
        map=view,
        margin={"l": 10, "r": 10, "t": 60, "b": 40},
    )
    return add_footnote(fig, BOUNDARY_CAPTION if lang == "zh" else BOUNDARY_CAPTION_EN)


def plot_article_map(
    articles: pd.DataFrame,
    *,
    level: Level = "prefecture",
    province_code: str,
    title: str | None = None,
    lang: Lang = "zh",
) -> go.Figure:
    """Map the number of articles per region of one province (0 where there are none).

    Args:
        articles: the articles table (code columns are used).
        level: ``prefecture`` or ``county`` (``province`` draws one region).
        province_code: the province to draw, e.g. ``"620000"``.
        title: chart title (default: articles by region).
        lang: label language.
    """
    geojson = load_boundaries(level=level, province_code=province_code)
    counts = count_articles_by_region(articles, regions=region_names(geojson))
    values = counts.rename(columns={"n_articles": "value"})
    total = max(int(values["value"].sum()), 1)
    values[label("share_of_total", lang)] = (values["value"] / total).map("{:.1%}".format)
    return plot_choropleth(
        values, geojson=geojson, title=title, lang=lang, hover_columns=[label("share_of_total", lang)],
        labels=None if level != "county" else 20,
    )


def _region_frame(values: pd.DataFrame, geojson: dict, missing_value: float | None) -> pd.DataFrame:
    regions = region_names(geojson, kind="region")
    frame = pd.DataFrame({"adcode": list(regions), "name": list(regions.values())})
    given = values.drop(columns=["name"], errors="ignore").astype({"adcode": "string"})
    frame = frame.astype({"adcode": "string"}).merge(given, on="adcode", how="left")
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype(float)
    if missing_value is not None:
        frame["value"] = frame["value"].fillna(missing_value)
    return frame


def _subset(geojson: dict, ids: Sequence[str]) -> dict:
    wanted = set(ids)
    return {"type": "FeatureCollection", "features": [f for f in geojson["features"] if f["id"] in wanted]}


def _value_trace(
    frame: pd.DataFrame, geojson: dict, extra: list[str], value_label: str, value_format: str, lang: Lang,
    *, zmax: float | None = None, note: str | None = None,
) -> go.Choroplethmap:
    lines = [f"{col}{colon(lang)}%{{customdata[{i + 2}]}}" for i, col in enumerate(extra)]
    template = (
        "<br>".join(
            [
                "<b>%{customdata[0]}</b>",
                f"{value_label}{colon(lang)}%{{z:{value_format}}}",
                *lines,
                *([f"<i>{note}</i>"] if note else []),
                f"{field('code', lang)}%{{customdata[1]}}",
            ]
        )
        + "<extra></extra>"
    )
    return go.Choroplethmap(
        geojson=_subset(geojson, frame["adcode"].tolist()),
        locations=frame["adcode"].tolist(),
        z=frame["value"].tolist(),
        featureidkey="id",
        customdata=frame[["name", "adcode", *extra]].astype(object).values.tolist(),
        colorscale=SEQUENTIAL,
        zmin=0,
        zmax=zmax,
        marker={"line": BORDER},
        colorbar={
            "title": {"text": value_label, "side": "right"},
            "thickness": 14,
            "tickformat": ".0%" if value_format.endswith("%") else None,
            **({} if value_format.endswith("%") else whole_number_ticks(frame["value"])),
        },
        hovertemplate=template,
        name=value_label,
    )


def _grey_trace(
    no_data: pd.DataFrame, geojson: dict, lang: Lang, *, missing_text: str | None = None
) -> go.Choroplethmap | None:
    others = region_names(geojson, kind="other")
    why = missing_text or label("no_data", lang)
    rows = [(c, n, why) for c, n in zip(no_data["adcode"], no_data["name"], strict=True)]
    rows += [(c, n, label("not_a_region", lang)) for c, n in others.items()]
    if not rows:
        return None
    return go.Choroplethmap(
        geojson=_subset(geojson, [r[0] for r in rows]),
        locations=[r[0] for r in rows],
        z=[0] * len(rows),
        featureidkey="id",
        customdata=[[r[1], r[2]] for r in rows],
        showscale=False,
        colorscale=[[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]],
        marker={"line": BORDER},
        hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
        name=label("no_data", lang),
    )


def _dark_from(zmax: float | None, early_dark: bool) -> tuple[float, bool]:
    """Where the fill gets dark enough for white names: (threshold, whether below it is dark)."""
    top = zmax or 1.0
    return (0.35 * top, True) if early_dark else (0.6 * top, False)


MAP_HEIGHTS = (480, 760)
"""The smallest and largest map height in pixels (the tallest fits a screen)."""


def fit_height(bbox: Sequence[float]) -> int:
    """The figure height at which ``bbox`` fills :data:`ASSUMED_WIDTH` (within :data:`MAP_HEIGHTS`).

    A fixed height left tall regions (China with the South China Sea islands) a third of
    the chart's width, the zoom being set by their height.
    """
    west, south, east, north = bbox
    span = _mercator(north) - _mercator(south)
    wanted = ASSUMED_WIDTH * span / max(math.radians(east - west), 1e-6) + 100  # plus t and b
    return int(min(max(wanted, MAP_HEIGHTS[0]), MAP_HEIGHTS[1]))


def _mercator(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _map_view(bbox: Sequence[float], *, height: int) -> dict:
    """Return ``layout.map`` settings centred on ``bbox`` with a zoom that fits it."""
    west, south, east, north = bbox
    y_mid = (_mercator(north) + _mercator(south)) / 2
    zoom_x = math.log2(ASSUMED_WIDTH * 360 / (512 * max(east - west, 1e-6)))
    zoom_y = math.log2(height * 2 * math.pi / (512 * max(_mercator(north) - _mercator(south), 1e-6)))
    return {
        "style": MAP_STYLE,
        "center": {
            "lon": (west + east) / 2,
            "lat": math.degrees(2 * math.atan(math.exp(y_mid)) - math.pi / 2),
        },
        "zoom": round(min(zoom_x, zoom_y) - 0.1, 2),
    }
