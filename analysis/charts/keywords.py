"""Keyword charts: top terms, keyness, and policy slogans.

Inputs are the keyword tables (``group, term, frequency, docfreq, rate_per_10k, tfidf,
rank``), keyness (``term, target_frequency, reference_frequency, target_total,
reference_total, g2, log_ratio, p_value, direction``) and the slogans summary
(``slogan, n_mentions, n_articles, first_date, last_date, n_groups, groups``).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.charts.labels import Lang, field, label
from analysis.charts.style import PALETTE, bar_height, base_layout, whole_number_ticks

Measure = Literal["frequency", "rate_per_10k"]


def plot_top_terms(
    keywords: pd.DataFrame,
    *,
    measure: Measure = "frequency",
    group: str | None = None,
    top: int = 20,
    title: str | None = None,
    lang: Lang = "zh",
) -> go.Figure:
    """Horizontal bar chart of the most frequent terms, largest on top.

    Args:
        keywords: the keywords table.
        measure: ``frequency`` (次) or ``rate_per_10k`` (次/万词).
        group: keep rows of this group; ``None`` keeps the ungrouped rows (group NA),
            or all rows when every row has a group.
        top: number of terms shown.
        title: chart title (default: top terms, with the group).
        lang: label language.

    Raises:
        ValueError: for an unknown measure.
    """
    if measure not in ("frequency", "rate_per_10k"):
        raise ValueError(f"measure must be 'frequency' or 'rate_per_10k', got {measure!r}")
    frame = _select_group(keywords, group)
    frame = frame.sort_values([measure, "term"], ascending=[False, True]).head(top).iloc[::-1]
    custom = frame[["frequency", "rate_per_10k", "docfreq", "rank"]].to_numpy(dtype=float)
    fig = go.Figure(
        go.Bar(
            x=frame[measure],
            y=frame["term"],
            orientation="h",
            marker_color=PALETTE[0],
            customdata=custom,
            text=frame[measure].map("{:,.0f}".format if measure == "frequency" else "{:.1f}".format),
            textposition="outside",
            cliponaxis=False,
            hovertemplate=(
                "<b>%{y}</b><br>"
                f"{field('frequency', lang)}%{{customdata[0]:,.0f}}<br>"
                f"{field('rate_per_10k', lang)}%{{customdata[1]:.2f}}<br>"
                f"{field('docfreq', lang)}%{{customdata[2]:,.0f}}<br>"
                f"{field('rank', lang)}%{{customdata[3]:.0f}}<extra></extra>"
            ),
        )
    )
    heading = title or label("top_terms", lang) + (f" · {group}" if group else "")
    base_layout(fig, title=heading, height=bar_height(len(frame)))
    counted = (whole_number_ticks(frame[measure]) or {"tickformat": ",d"}) if measure == "frequency" else {}
    fig.update_xaxes(title_text=label(f"{measure}_axis", lang), rangemode="tozero", **counted)
    fig.update_yaxes(title_text=label("term", lang), type="category", automargin=True)
    return fig


def _select_group(keywords: pd.DataFrame, group: str | None) -> pd.DataFrame:
    if group is not None:
        return keywords[keywords["group"] == group]
    ungrouped = keywords[keywords["group"].isna()]
    return ungrouped if not ungrouped.empty else keywords


def plot_keyness(
    keyness: pd.DataFrame,
    *,
    top: int = 15,
    target_name: str | None = None,
    reference_name: str | None = None,
    title: str | None = None,
    lang: Lang = "zh",
) -> go.Figure:
    """Diverging bar chart of the most distinctive terms of a target against a reference.

    Bars right of zero are terms over-used in the target (positive log ratio), left of
    zero terms over-used in the reference; bar length is G². The ``top`` terms of each
    side are shown, strongest furthest from the axis.

    Args:
        keyness: the keyness table.
        top: terms per side.
        target_name: legend name of the target corpus (default "目标语料").
        reference_name: legend name of the reference corpus (default "参照语料").
        title: chart title (default: keyness).
        lang: label language.
    """
    signed = keyness.assign(signed_g2=np.where(keyness["log_ratio"] >= 0, 1, -1) * keyness["g2"].abs())
    sides = [
        (
            signed[signed["signed_g2"] > 0].nlargest(top, "signed_g2"),
            target_name or label("target", lang),
            PALETTE[0],
        ),
        (
            signed[signed["signed_g2"] < 0].nsmallest(top, "signed_g2"),
            reference_name or label("reference", lang),
            PALETTE[1],
        ),
    ]
    order = pd.concat([sides[1][0].iloc[::-1], sides[0][0].iloc[::-1]])["term"].tolist()
    fig = go.Figure()
    for frame, name, colour in sides:
        fig.add_trace(
            go.Bar(
                x=frame["signed_g2"],
                y=frame["term"],
                orientation="h",
                name=name,
                marker_color=colour,
                customdata=frame[
                    ["g2", "log_ratio", "target_frequency", "reference_frequency", "p_value"]
                ].to_numpy(dtype=float),
                hovertemplate=_keyness_hover(name, lang),
            )
        )
    base_layout(fig, title=title or label("keyness", lang), height=bar_height(len(order)))
    fig.update_layout(
        barmode="overlay",
        margin={"t": 90},
        legend={"orientation": "h", "x": 0, "y": 1, "xanchor": "left", "yanchor": "bottom"},
    )
    fig.update_xaxes(
        title_text=label("keyness_axis", lang), zeroline=True, zerolinecolor="#444", zerolinewidth=1
    )
    fig.update_yaxes(
        title_text=label("term", lang),
        type="category",
        categoryorder="array",
        categoryarray=order,
        automargin=True,
    )
    return fig


def _keyness_hover(side: str, lang: Lang) -> str:
    return (
        f"<b>%{{y}}</b> ({side})<br>"
        f"{field('g2', lang)}%{{customdata[0]:,.1f}}<br>"
        f"{field('log_ratio', lang)}%{{customdata[1]:+.2f}}<br>"
        f"{field('target_frequency', lang)}%{{customdata[2]:,.0f}}<br>"
        f"{field('reference_frequency', lang)}%{{customdata[3]:,.0f}}<br>"
        f"{field('p_value', lang)}%{{customdata[4]:.2g}}<extra></extra>"
    )


def plot_slogans(
    slogans: pd.DataFrame,
    *,
    top: int = 20,
    title: str | None = None,
    lang: Lang = "zh",
) -> go.Figure:
    """Horizontal bar chart of the most mentioned policy slogans, with their time span.

    Args:
        slogans: the slogans summary table.
        top: number of slogans shown.
        title: chart title (default: policy slogans).
        lang: label language.
    """
    frame = slogans.sort_values(["n_mentions", "slogan"], ascending=[False, True])
    frame = frame.head(top).iloc[::-1]
    custom = (
        pd.DataFrame(
            {
                "n_articles": frame["n_articles"].astype(int),
                "first": pd.to_datetime(frame["first_date"]).dt.strftime("%Y-%m-%d"),
                "last": pd.to_datetime(frame["last_date"]).dt.strftime("%Y-%m-%d"),
                "n_groups": frame["n_groups"].astype(int),
                "groups": frame["groups"].map(_join_groups),
            }
        )
        .astype(object)
        .fillna("—")
        .to_numpy()
    )
    fig = go.Figure(
        go.Bar(
            x=frame["n_mentions"],
            y=frame["slogan"],
            orientation="h",
            marker_color=PALETTE[2],
            text=frame["n_mentions"].map("{:,}".format),
            textposition="outside",
            cliponaxis=False,
            customdata=custom,
            hovertemplate=(
                f"<b>%{{y}}</b><br>{field('mentions', lang)}%{{x:,}}<br>"
                f"{field('docfreq', lang)}%{{customdata[0]:,}}<br>"
                f"{field('first_date', lang)}%{{customdata[1]}}<br>"
                f"{field('last_date', lang)}%{{customdata[2]}}<br>"
                f"{field('n_groups', lang)}%{{customdata[3]}}（%{{customdata[4]}}）<extra></extra>"
            ),
        )
    )
    base_layout(fig, title=title or label("slogans", lang), height=bar_height(len(frame)))
    fig.update_xaxes(title_text=label("mentions_axis", lang), rangemode="tozero",  # not 0 0 0 1 1 1
                     **(whole_number_ticks(frame["n_mentions"]) or {"tickformat": ",d"}))
    fig.update_yaxes(title_text=label("slogan", lang), type="category", automargin=True)
    return fig


def _join_groups(groups: object, limit: int = 6) -> str:
    """Return a short '、'-joined list of group names from a list or a string."""
    if isinstance(groups, str):
        return groups
    if groups is None or (np.ndim(groups) == 0 and pd.isna(groups)):
        return "—"
    names = [str(g) for g in groups]
    return "、".join(names[:limit]) + ("…" if len(names) > limit else "")
