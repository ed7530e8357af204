"""The heatmap's three colourings: one capped scale, each theme's column alone, or relative.

:func:`analysis.charts.theme_heatmap.plot_theme_heatmap` picks one by its ``measure``. Each
returns the ``go.Heatmap`` trace without its x and y (the chart sets those); cells always
print the true share, and hover shows the counts behind it.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from analysis.charts.labels import Lang, field, label
from analysis.charts.style import SEQUENTIAL
from analysis.charts.theme_parts import _counts_hover

RELATIVE_CAP = 4.0
"""Relative shares above this many times the overall share get the darkest red."""


def _colour_cap(shares: np.ndarray, percentile: float | None) -> float | None:
    """The colour scale's top when capped at ``percentile`` (a whole percent); None if not capped."""
    if percentile is None or not np.isfinite(shares).any():
        return None
    top = float(np.nanmax(shares))
    cap = math.ceil(float(np.nanpercentile(shares, percentile)) * 100) / 100
    return cap if 0 < cap < top else None


def _top_share(shares: np.ndarray) -> float:
    """The largest share (at least 1%: one cell alone, or all zeros, still gets a colour scale)."""
    top = float(np.nanmax(shares)) if np.isfinite(shares).any() else 0.0
    return max(top, 0.01)


def _cap_ticks(cap: float) -> tuple[list[float], list[str]]:
    """Colour bar ticks from 0 to ``cap``, the top one reading "≥ cap"."""
    step = next((s for s in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25) if cap / s <= 5), 0.25)
    values = [round(v, 4) for v in np.arange(0, cap - step / 2, step)]
    return [*values, cap], [f"{v:.0%}" for v in values] + [f"≥{cap:.0%}"]


def _share_heatmap(
    shares: np.ndarray, custom: np.ndarray, lang: Lang, known_hits: bool, *, slanted: bool,
    percentile: float | None,
) -> tuple[go.Heatmap, float | None]:
    """Cells coloured by the share on one scale; return the trace and the cap (None if none)."""
    cap = _colour_cap(shares, percentile)
    colorbar = {"title": {"text": label("share_axis", lang), "side": "right"}, "tickformat": ".0%",
                "thickness": 14}
    if cap is not None:
        tickvals, ticktext = _cap_ticks(cap)
        colorbar.update(tickmode="array", tickvals=tickvals, ticktext=ticktext)
    trace = go.Heatmap(  # in narrow cells the number alone: its unit is on the colour bar
        colorscale=SEQUENTIAL,
        zmin=0,
        zmax=cap if cap is not None else _top_share(shares),
        text=np.rint(shares * 100).astype(int) if slanted else None,
        texttemplate="%{text}" if slanted else "%{z:.0%}",
        z=shares,
        customdata=custom.tolist(),
        colorbar=colorbar,
        hovertemplate=(
            f"<b>%{{y}} · %{{x}}</b><br>{field('share', lang)}%{{z:.1%}}<br>"
            + _counts_hover(lang, first=0, hits=known_hits)
        ),
    )
    return trace, cap


def _column_heatmap(
    shares: np.ndarray, custom: np.ndarray, lang: Lang, known_hits: bool, *, slanted: bool
) -> go.Heatmap:
    """Cells coloured by the share ÷ the largest share of the same theme: each column on its own scale.

    The cells still print the true share, and hover shows it with the counts.
    """
    top = np.nanmax(shares, axis=0, initial=0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        within = np.where(top > 0, shares / top, 0.0)
    extra = np.dstack([custom, shares])
    text = np.rint(shares * 100).astype(int).astype(str) if slanted else np.vectorize("{:.0%}".format)(shares)
    return go.Heatmap(
        z=within,
        zmin=0,
        zmax=1,
        colorscale=SEQUENTIAL,
        text=text.tolist(),
        texttemplate="%{text}",
        customdata=extra.tolist(),
        colorbar={
            "title": {"text": label("column_axis", lang), "side": "right"},
            "tickmode": "array",
            "tickvals": [0, 1],
            "ticktext": ["0", label("column_max", lang)],
            "thickness": 14,
        },
        hovertemplate=(
            f"<b>%{{y}} · %{{x}}</b><br>{field('share', lang)}%{{customdata[3]:.1%}}<br>"
            + _counts_hover(lang, first=0, hits=known_hits)
        ),
    )


def _relative_heatmap(
    shares: np.ndarray, overall: np.ndarray, custom: np.ndarray, lang: Lang, known_hits: bool
) -> go.Heatmap:
    """Cells coloured by share ÷ the theme's share over all localities, white at 1.

    Plotly ignores ``zmid`` once ``zmin``/``zmax`` are set, so the colour scale itself puts
    white at 1: blue below, red above, saturating at :data:`RELATIVE_CAP`. Themes no
    locality mentions have no ratio and stay blank.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(overall > 0, shares / overall, np.nan)
    extra = np.dstack([custom, shares])
    top = float(np.nanmax(ratio)) if np.isfinite(ratio).any() else 2.0
    zmax = min(max(2.0, top), RELATIVE_CAP)
    white = 1 / zmax
    return go.Heatmap(
        z=ratio,
        customdata=extra.tolist(),
        colorscale=[
            [0, "#2166ac"],
            [white / 2, "#92c5de"],
            [white, "#f7f7f7"],
            [white + (1 - white) / 2, "#f4a582"],
            [1, "#b2182b"],
        ],
        zmin=0,
        zmax=zmax,
        text=[["" if np.isnan(v) else f"{v:.1f}×" for v in row] for row in ratio],
        texttemplate="%{text}",
        colorbar={"title": {"text": label("relative_axis", lang), "side": "right"}, "thickness": 14},
        hovertemplate=(
            f"<b>%{{y}} · %{{x}}</b><br>{field('relative', lang)}%{{z:.2f}}×<br>"
            f"{field('share', lang)}%{{customdata[3]:.1%}}<br>"
            + _counts_hover(lang, first=0, hits=known_hits)
        ),
    )
