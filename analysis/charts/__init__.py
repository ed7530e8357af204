"""Plotly figures for the dashboard: one chart per function, each returning a ``Figure``.

Every chart is titled, labels its axes in Chinese with units (``lang="en"`` switches to
English), and shows the numbers behind each mark on hover. Pass :func:`chart_config` as
the plotly config so the toolbar's camera button saves a PNG.
"""

from analysis.charts.keywords import plot_keyness, plot_slogans, plot_top_terms
from analysis.charts.labels import LABELS, Lang, label
from analysis.charts.maps import plot_article_map, plot_choropleth
from analysis.charts.network import plot_cooccurrence_network, spring_layout
from analysis.charts.overview import plot_articles_by_locality, plot_articles_over_time
from analysis.charts.slogans import plot_slogan_spread
from analysis.charts.style import chart_config, theme_colours
from analysis.charts.theme_heatmap import plot_theme_heatmap
from analysis.charts.theme_mix import plot_theme_mix
from analysis.charts.theme_parts import FEW_ARTICLES
from analysis.charts.theme_trends import plot_theme_trends

__all__ = [
    "FEW_ARTICLES",
    "LABELS",
    "Lang",
    "chart_config",
    "label",
    "plot_article_map",
    "plot_articles_by_locality",
    "plot_articles_over_time",
    "plot_choropleth",
    "plot_cooccurrence_network",
    "plot_keyness",
    "plot_slogan_spread",
    "plot_slogans",
    "plot_theme_heatmap",
    "plot_theme_mix",
    "plot_theme_trends",
    "plot_top_terms",
    "spring_layout",
    "theme_colours",
]
