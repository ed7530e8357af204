"""Shared look of every chart: fonts that render Chinese, margins, and the PNG button.

The font stack names the CJK faces found on analysts' machines (Noto/Source Han on
Linux, PingFang on macOS, Microsoft YaHei on Windows) before the generic fallback, so
the browser never falls back to a Latin-only face and draws boxes.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go

FONT_FAMILY = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)
"""CSS font stack used by every chart."""

PALETTE = (
    "#4C78A8",
    "#F58518",
    "#54A24B",
    "#E45756",
    "#72B7B2",
    "#EECA3B",
    "#B279A2",
    "#FF9DA6",
    "#9D755D",
)
"""Qualitative colours (Tableau 10 without its grey), readable on white and in print."""

OTHERS_COLOUR = "#BAB0AC"
"""Grey for "others" (folded groups or themes)."""

NOTE_COLOUR = "#777777"
"""Grey for footnotes and subtitles."""

SEQUENTIAL = "Blues"
"""Colour scale for counts and shares."""

ROW_HEIGHT = 24
"""Pixels per bar in horizontal bar charts, so long lists of Chinese labels never overlap."""


def base_layout(fig: go.Figure, *, title: str, height: int | None = None) -> go.Figure:
    """Apply the title, font, margins and white template shared by every chart.

    Args:
        fig: the figure to style (modified and returned, built by the caller).
        title: the chart title.
        height: figure height in pixels; ``None`` leaves plotly's default.

    Returns:
        ``fig``.
    """
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left", "font": {"size": 18}},
        font={"family": FONT_FAMILY, "size": 13},
        template="plotly_white",
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        hoverlabel={"font": {"family": FONT_FAMILY}},
        separators=".,",
    )
    if height is not None:
        fig.update_layout(height=height)
    return fig


def add_footnote(fig: go.Figure, text: str) -> go.Figure:
    """Put a small grey note below the plot area (it travels with PNG exports); return ``fig``."""
    fig.add_annotation(
        text=text,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        yshift=-6,
        showarrow=False,
        font={"size": 11, "color": NOTE_COLOUR},
    )
    return fig


def bar_height(n_bars: int, *, minimum: int = 320) -> int:
    """Return a figure height that gives each horizontal bar :data:`ROW_HEIGHT` pixels."""
    return max(minimum, 120 + ROW_HEIGHT * n_bars)


def chart_config(filename: str) -> dict:
    """Return the plotly config the dashboard passes with every chart.

    The toolbar's camera button then saves a PNG at twice the screen resolution under
    ``filename`` (characters that file systems reject are replaced by ``_``).

    Args:
        filename: download name without extension, e.g. ``"主题热力图"``.

    Returns:
        A dict for ``st.plotly_chart(config=...)`` or ``fig.show(config=...)``.
    """
    safe = re.sub(r'[\\/:*?"<>|\s]+', "_", filename).strip("_.") or "chart"
    return {
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        "toImageButtonOptions": {"format": "png", "filename": safe, "scale": 2},
    }
