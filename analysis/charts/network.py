"""Keyword co-occurrence network: which pairs to draw, and the figure.

:func:`select_edges` picks the strongest pairs and enough more that every term is drawn in
one piece; :func:`plot_cooccurrence_network` draws them at the positions that
:mod:`analysis.charts.network_layout` computes (a spring layout, then labels kept apart).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.charts.labels import Lang, field, label
from analysis.charts.network_layout import (
    FIGURE_HEIGHT_PX,
    LABEL_FONT_PX,
    MARGIN_PX,
    PLOT_PX,
    label_components,
    separate_labels,
    spring_layout,
)
from analysis.charts.style import PALETTE, add_footnote, base_layout

__all__ = [
    "EDGE_WIDTHS",
    "LABEL_FONT_PX",
    "PLOT_PX",
    "plot_cooccurrence_network",
    "select_edges",
    "separate_labels",
    "spring_layout",
]

EDGE_WIDTHS = (1.0, 2.0, 3.5, 5.5)
"""Line widths of the edge classes, thinnest (fewest shared articles) first."""
LABEL_COLOUR = "#1f2a36"


def plot_cooccurrence_network(
    cooccurrence: pd.DataFrame,
    *,
    docfreq: Mapping[str, float] | None = None,
    top_edges: int = 60,
    rank_by: Literal["n_articles", "npmi"] = "n_articles",
    seed: int = 0,
    title: str | None = None,
    lang: Lang = "zh",
) -> go.Figure:
    """Network of the strongest keyword co-occurrences.

    Args:
        cooccurrence: ``term_a, term_b, n_articles, pmi, npmi``.
        docfreq: term → number of articles containing it, for node size (e.g.
            ``keywords.set_index("term")["docfreq"]``); default: weighted degree.
        top_edges: keep this many edges, the strongest by ``rank_by``, plus those
            :func:`select_edges` adds so that every term of the table is drawn.
        rank_by: ``n_articles`` (most shared articles: the core vocabulary) or ``npmi``
            (most exclusive pairs: distinctive associations); ties go to the other.
        seed: layout seed.
        title: chart title (default: keyword co-occurrence network).
        lang: label language.

    Returns:
        Edge traces (one per width class), an edge-hover trace of midpoints, and the
        node trace last.
    """
    edges = select_edges(cooccurrence, top_edges=top_edges, rank_by=rank_by)
    terms = pd.unique(pd.concat([edges["term_a"], edges["term_b"]])).tolist()
    index = {t: i for i, t in enumerate(terms)}
    pairs = np.array(
        [[index[a], index[b]] for a, b in zip(edges["term_a"], edges["term_b"], strict=True)]
    ).reshape(-1, 2)
    counts = edges["n_articles"].to_numpy(float)
    freq = np.array([float(docfreq.get(t, np.nan)) for t in terms]) if docfreq is not None else None
    sizes = _node_sizes(np.nan_to_num(freq) if freq is not None else _strength(pairs, counts, len(terms)))
    pos = separate_labels(spring_layout(len(terms), pairs, counts, seed=seed), terms, sizes)
    fig = go.Figure()
    for trace in _edge_traces(edges, pairs, pos, lang):
        fig.add_trace(trace)
    fig.add_trace(_node_trace(terms, pairs, counts, pos, sizes, freq, lang))
    base_layout(fig, title=title or label("network", lang), height=FIGURE_HEIGHT_PX)
    add_footnote(fig, label("network_note" if docfreq is not None else "network_note_degree", lang))
    fig.update_layout(showlegend=False, hovermode="closest", margin=MARGIN_PX)
    # Positions are pixels of the plot area, not a quantity, so the axes are hidden (and untitled).
    fig.update_xaxes(visible=False, range=[0, PLOT_PX[0]])
    fig.update_yaxes(visible=False, range=[0, PLOT_PX[1]])
    return fig


def select_edges(
    cooccurrence: pd.DataFrame, *, top_edges: int = 60, rank_by: Literal["n_articles", "npmi"] = "n_articles"
) -> pd.DataFrame:
    """The edges to draw: the strongest, then enough more that every term is drawn, in one piece.

    The ``top_edges`` strongest pairs alone leave out the terms whose pairs are weaker
    (so a slider of 60 terms drew 41) and draw stray pairs apart from the rest. So each
    term missing gets its strongest pair, and each piece apart from the largest gets its
    strongest pair to a term outside it, while the table has one.

    Args:
        cooccurrence: ``term_a, term_b, n_articles, pmi, npmi``.
        top_edges: the strongest pairs kept first.
        rank_by: ``n_articles`` or ``npmi`` (ties go to the other).

    Returns:
        The chosen rows, strongest first: every term of ``cooccurrence`` is in one.
    """
    order = ["n_articles", "npmi"] if rank_by == "n_articles" else ["npmi", "n_articles"]
    ranked = cooccurrence.sort_values([*order, "term_a", "term_b"], ascending=[False, False, True, True],
                                      ignore_index=True)
    chosen = set(range(min(top_edges, len(ranked))))
    ends = ranked[["term_a", "term_b"]].to_numpy(dtype=object)
    covered = {term for row in chosen for term in ends[row]}
    for row, (a, b) in enumerate(ends):  # strongest first: each missing term's best pair
        if a not in covered or b not in covered:
            chosen.add(row)
            covered |= {a, b}
    while True:
        piece = _pieces(ends[sorted(chosen)])
        largest = max(set(piece.values()), key=list(piece.values()).count, default=None)
        bridge = next((row for row, (a, b) in enumerate(ends)
                       if row not in chosen and (piece[a] == largest) != (piece[b] == largest)), None)
        if bridge is None:
            break
        chosen.add(bridge)
    return ranked.loc[sorted(chosen)].reset_index(drop=True)


def _pieces(ends: np.ndarray) -> dict[str, int]:
    """For each term of an edge list, a label of its connected piece."""
    terms = pd.unique(ends.ravel()).tolist() if len(ends) else []
    index = {term: i for i, term in enumerate(terms)}
    pairs = np.array([[index[a], index[b]] for a, b in ends], dtype=int).reshape(-1, 2)
    labels = label_components(len(terms), pairs)
    return {term: int(labels[i]) for i, term in enumerate(terms)}


def _strength(pairs: np.ndarray, counts: np.ndarray, n: int) -> np.ndarray:
    """Each node's total shared articles over its edges (weighted degree)."""
    if not n:
        return np.zeros(0)
    return np.bincount(pairs[:, 0], counts, n) + np.bincount(pairs[:, 1], counts, n)


def _edge_traces(edges: pd.DataFrame, pairs: np.ndarray, pos: np.ndarray, lang: Lang) -> list[go.Scatter]:
    classes = _width_classes(edges["n_articles"].to_numpy(float))
    traces = []
    for cls, width in enumerate(EDGE_WIDTHS):
        members = np.flatnonzero(classes == cls)
        xs, ys = [], []
        for m in members:
            a, b = pairs[m]
            xs += [pos[a, 0], pos[b, 0], None]
            ys += [pos[a, 1], pos[b, 1], None]
        traces.append(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                hoverinfo="skip",
                line={"width": width, "color": "rgba(120,120,120,0.45)"},
            )
        )
    mid = (pos[pairs[:, 0]] + pos[pairs[:, 1]]) / 2 if len(pairs) else np.zeros((0, 2))
    traces.append(
        go.Scatter(
            x=mid[:, 0],
            y=mid[:, 1],
            mode="markers",
            marker={"size": 8, "opacity": 0},
            hoverlabel={"bgcolor": "#555555"},
            customdata=np.column_stack(
                [edges["term_a"], edges["term_b"], edges["n_articles"], edges["pmi"], edges["npmi"]]
            ).tolist(),
            hovertemplate=(
                "<b>%{customdata[0]} — %{customdata[1]}</b><br>"
                f"{field('co_articles', lang)}%{{customdata[2]:,}} {label('unit_articles', lang)}"
                f"<br>{field('pmi', lang)}%{{customdata[3]:.2f}}<br>"
                f"{field('npmi', lang)}%{{customdata[4]:.2f}}<extra></extra>"
            ),
        )
    )
    return traces


def _width_classes(counts: np.ndarray) -> np.ndarray:
    """Return the :data:`EDGE_WIDTHS` class of each edge, by its share of the count range."""
    if not len(counts):
        return np.array([], dtype=int)
    span = counts.max() - counts.min()
    if span == 0:
        return np.ones(len(counts), dtype=int)
    scaled = ((counts - counts.min()) / span * len(EDGE_WIDTHS)).astype(int)
    return np.minimum(scaled, len(EDGE_WIDTHS) - 1)


def _node_trace(
    terms: list[str],
    pairs: np.ndarray,
    counts: np.ndarray,
    pos: np.ndarray,
    size: np.ndarray,
    freq: np.ndarray | None,
    lang: Lang,
) -> go.Scatter:
    n = len(terms)
    degree = np.bincount(pairs.ravel(), minlength=n) if n else np.zeros(0)
    strength = _strength(pairs, counts, n)
    shown_freq = freq if freq is not None else np.full(n, np.nan)
    return go.Scatter(
        x=pos[:, 0],
        y=pos[:, 1],
        mode="markers+text",
        text=terms,
        textposition="top center",
        # dark words with a halo of the background colour stay legible where edges cross them
        textfont={"size": LABEL_FONT_PX, "color": LABEL_COLOUR, "shadow": "auto"},
        marker={"size": size, "color": PALETTE[0], "line": {"color": "white", "width": 1}, "opacity": 0.9},
        customdata=np.column_stack([shown_freq, degree, strength]).tolist(),
        hovertemplate=_node_hover(with_docfreq=freq is not None, lang=lang),
    )


def _node_sizes(basis: np.ndarray, *, smallest: float = 9, largest: float = 34) -> np.ndarray:
    """Marker diameters with area growing with ``basis``, from its minimum to its maximum."""
    if not len(basis):
        return np.zeros(0)
    roots = np.sqrt(np.maximum(basis, 0))
    span = roots.max() - roots.min()
    if span == 0:
        return np.full(len(basis), (smallest + largest) / 2)
    return smallest + (largest - smallest) * (roots - roots.min()) / span


def _node_hover(*, with_docfreq: bool, lang: Lang) -> str:
    unit = label("unit_articles", lang)
    lines = ["<b>%{text}</b>"]
    if with_docfreq:
        lines.append(f"{field('docfreq_word', lang)}%{{customdata[0]:,.0f}} {unit}")
    lines.append(f"{field('degree', lang)}%{{customdata[1]}}")
    lines.append(f"{field('strength', lang)}%{{customdata[2]:,.0f}} {unit}")
    return "<br>".join(lines) + "<extra></extra>"
