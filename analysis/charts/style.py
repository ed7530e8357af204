"""Shared look of every chart: fonts that render Chinese, margins, and the PNG button.

The font stack names the CJK faces found on analysts' machines (Noto/Source Han on
Linux, PingFang on macOS, Microsoft YaHei on Windows) before the generic fallback, so
the browser never falls back to a Latin-only face and draws boxes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.labels import Lang
from analysis.charts.period_axis import AXIS_DATE_FORMAT
from analysis.charts.plotly_locale import PLOTLY_ZH_CN
from analysis.periods import AVERAGE_PERIOD_DAYS

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

THEME_PALETTE = (
    *PALETTE,
    "#7800B4",
    "#005A3C",
    "#783C4B",
    "#5A4B00",
    "#B4B4FF",
    "#962D00",
    "#96871E",
    "#00B4FF",
    "#E100FF",
    "#4B4B78",
    "#FF96FF",
    "#96D200",
    "#E10078",
    "#2D8778",
    "#007800",
    "#9678E1",
    "#00D296",
    "#B4B478",
    "#4B4BFF",
    "#965A00",
)
"""29 colours, one per theme of ``data/themes.toml`` in its order: :data:`PALETTE` first,
then each colour the farthest (CIEDE2000) from all taken before, among those readable
on white and neither greyish (grey means "others") nor near black
(:func:`analysis.charts.palette.distinct_colours`). No two are closer than 15 ΔE₀₀, so
the eight lines of a trend chart or the nine bars of a theme mix can be told apart
whichever themes they are (plotly's palettes mixed by hand had pairs at 7: 改革 and
体育 both purple, 党的建设 and 医疗卫生 both blue)."""

OTHERS_COLOUR = "#BAB0AC"
"""Grey for "others" (folded groups or themes)."""

NOTE_COLOUR = "#777777"
"""Grey for footnotes and subtitles."""

SEQUENTIAL = "Blues"
"""Colour scale for counts and shares."""

ROW_HEIGHT = 24
"""Pixels per bar in horizontal bar charts, so long lists of Chinese labels never overlap."""


def theme_colours(theme_ids: Iterable[str]) -> dict[str, str]:
    """One fixed colour per theme: the theme's position in ``theme_ids`` picks it.

    Give every theme of the dictionary in its order (not only those drawn), so that a
    theme keeps its colour in every chart and under every filter. Past
    :data:`THEME_PALETTE`'s length colours repeat.

    Returns:
        ``{theme id: "#RRGGBB"}``.
    """
    return {theme: THEME_PALETTE[i % len(THEME_PALETTE)] for i, theme in enumerate(dict.fromkeys(theme_ids))}


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


PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}
"""Length of each calendar period in months (weeks and days are fixed lengths)."""
PERIOD_DAYS = {"day": 1, "week": 7}
DAY_MS = 86_400_000
MAX_TIME_TICKS = 12
"""At most this many labelled ticks on a time axis; beyond, every k-th period is labelled."""


def period_time_axis(fig: go.Figure, starts: pd.Series, *, period: str, lang: Lang = "zh") -> go.Figure:
    """Put each bar or point in the middle of its period and label whole periods only.

    Left to itself, plotly centres a monthly bar on the 1st (so half of January's bar sits
    in December) and, over a short range, ticks every half month, which a ``%Y-%m`` format
    prints twice. Here each trace spans its period (``xperiod``), ticks fall on period
    starts, one every ``k`` periods so that at most :data:`MAX_TIME_TICKS` are labelled, and
    labels sit under the period they name (``ticklabelmode="period"``).

    Args:
        fig: the figure whose traces have period starts as x (modified and returned).
        starts: the period starts plotted (for the span of the axis).
        period: ``day``, ``week``, ``month``, ``quarter`` or ``year``.
        lang: ``zh`` labels ticks numerically (:data:`AXIS_DATE_FORMAT`, no English month
            names); ``en`` leaves plotly's own labels, except ``2024Q2`` for quarters.

    Returns:
        ``fig``.
    """
    starts = pd.to_datetime(pd.Series(starts)).dropna()
    if period in PERIOD_MONTHS:
        months = PERIOD_MONTHS[period]
        step = f"M{months}"
        if len(starts):
            span = (starts.max().year - starts.min().year) * 12 + starts.max().month - starts.min().month
            count = span // months + 1
        else:
            count = 1
        dtick: str | int = f"M{months * math.ceil(count / MAX_TIME_TICKS)}"
    elif period in PERIOD_DAYS:
        days = PERIOD_DAYS[period]
        step = days * DAY_MS
        count = int((starts.max() - starts.min()).days // days + 1) if len(starts) else 1
        dtick = days * DAY_MS * math.ceil(count / MAX_TIME_TICKS)
    else:
        return fig
    fig.update_traces(xperiod=step, xperiodalignment="middle")
    tick0 = starts.min() if len(starts) else None
    tickformat = AXIS_DATE_FORMAT[period] if lang == "zh" or period == "quarter" else None
    fig.update_xaxes(dtick=dtick, tick0=tick0, ticklabelmode="period", tickformat=tickformat)
    if len(starts) and count < MIN_TIME_PERIODS:
        fig.update_xaxes(range=_padded_range(starts.min(), starts.max(), period))
    if starts.nunique() == 1:  # plotly sizes bars by the gap between them: one bar is 1 ms wide
        width = AVERAGE_PERIOD_DAYS[period] * DAY_MS * LONE_BAR_SHARE
        fig.update_traces(width=width, selector={"type": "bar"})
    return fig


LONE_BAR_SHARE = 0.3
"""A lone bar covers this share of its period (bars side by side keep plotly's gap): the axis
spans three periods, so a bar as wide as its period would fill a third of the chart (a
single-day corpus's one week stood as a slab); this leaves a bar about a tenth as wide."""
MIN_TIME_PERIODS = 3
"""Below this many periods a time axis shows one empty period on each side: left alone,
plotly stretches a lone bar across the whole chart and labels no tick under it."""


def _padded_range(first: pd.Timestamp, last: pd.Timestamp, period: str) -> list[str]:
    """From the start of the period before ``first`` to the end of the period after ``last``."""
    if period in PERIOD_MONTHS:
        step: pd.DateOffset | pd.Timedelta = pd.DateOffset(months=PERIOD_MONTHS[period])
    else:
        step = pd.Timedelta(days=PERIOD_DAYS[period])
    return [str(first - step), str(last + 2 * step)]


def add_subtitle(fig: go.Figure, text: str) -> go.Figure:
    """Put a small grey note under the title (it travels with PNG exports); return ``fig``."""
    fig.update_layout(
        title_subtitle={"text": text, "font": {"size": 12, "color": NOTE_COLOUR}}, margin={"t": 80}
    )
    return fig


def add_notes(fig: go.Figure, notes: Sequence[str]) -> go.Figure:
    """Put ``notes`` under the title, one per line, with room for them all; return ``fig``.

    Like :func:`add_subtitle`, for a chart whose notes vary in number: the top margin
    grows with them so the last line does not run into the plot.
    """
    if notes:
        fig.update_layout(
            title_subtitle={"text": "<br>".join(notes), "font": {"size": 12, "color": NOTE_COLOUR}},
            margin={"t": 66 + 18 * len(notes)},
        )
    return fig


def whole_number_ticks(counts: pd.Series) -> dict:
    """Axis (or colour bar) settings that tick whole articles when the counts are small.

    With counts of 1 to 5 plotly would tick 0.2, 0.4…; above that its own ticks are whole.
    """
    largest = pd.Series(counts, dtype=float).max()
    return {"dtick": 1, "tickformat": "d"} if pd.notna(largest) and largest <= 5 else {}


def bar_height(n_bars: int, *, minimum: int = 320) -> int:
    """Return a figure height that gives each horizontal bar :data:`ROW_HEIGHT` pixels."""
    return max(minimum, 120 + ROW_HEIGHT * n_bars)


def chart_config(filename: str, lang: Lang = "zh") -> dict:
    """Return the plotly config the dashboard passes with every chart.

    The toolbar's camera button then saves a PNG at twice the screen resolution under
    ``filename`` (characters that file systems reject are replaced by ``_``). In Chinese,
    the toolbar's tooltips, the hints plotly shows and its month and day names are
    Chinese too (a ``zh-CN`` locale given with the chart, so nothing is fetched).

    Args:
        filename: download name without extension, e.g. ``"主题热力图"``.
        lang: the page's language.

    Returns:
        A dict for ``st.plotly_chart(config=...)`` or ``fig.show(config=...)``.
    """
    safe = re.sub(r'[\\/:*?"<>|\s]+', "_", filename).strip("_.") or "chart"
    config: dict = {
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        "toImageButtonOptions": {"format": "png", "filename": safe, "scale": 2},
    }
    if lang == "zh":
        config.update(locale="zh-CN", locales={"zh-CN": PLOTLY_ZH_CN})
    return config
