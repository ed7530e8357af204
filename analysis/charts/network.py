"""Keyword co-occurrence network, laid out with a small numpy spring layout.

The layout is Fruchterman–Reingold (1991) with a weak pull to the centre so that
disconnected pieces stay on screen. It is deterministic for a given seed: the same table
draws the same picture in the dashboard and in an exported PNG.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.charts.labels import Lang, label
from analysis.charts.style import PALETTE, add_footnote, base_layout

EDGE_WIDTHS = (1.0, 2.0, 3.5, 5.5)
"""Line widths of the edge classes, thinnest (fewest shared articles) first."""


def spring_layout(
    n_nodes: int,
    edges: np.ndarray,
    weights: np.ndarray | None = None,
    *,
    seed: int = 0,
    iterations: int = 300,
    gravity: float = 0.05,
) -> np.ndarray:
    """Place nodes with a force-directed (Fruchterman–Reingold) layout.

    Args:
        n_nodes: number of nodes.
        edges: ``(m, 2)`` integer array of node indices.
        weights: ``(m,)`` edge weights (stronger edges pull harder); default all 1.
        seed: random seed of the starting positions.
        iterations: number of steps; the step size cools linearly to 0.
        gravity: pull of every node towards the centre.

    Returns:
        ``(n_nodes, 2)`` positions, centred and scaled to fit in [-1, 1], then spread
        out by :func:`_spread` so that a dense core stays legible.
    """
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1.0, 1.0, size=(n_nodes, 2))
    if n_nodes < 2:
        return np.zeros((n_nodes, 2))
    edges = np.asarray(edges, dtype=int).reshape(-1, 2)
    w = np.ones(len(edges)) if weights is None else np.asarray(weights, dtype=float)
    # Weights pull between 0.25 and 1, so weak edges do not fling their ends away.
    w = 0.25 + 0.75 * (w / w.max()) if len(w) and w.max() > 0 else w
    k = 1.0 / np.sqrt(n_nodes)
    for temperature in np.linspace(0.1, 0.0, iterations, endpoint=False):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-4)
        disp = np.einsum("ijk,ij->ik", delta, k * k / dist**2)
        d_edge = pos[edges[:, 0]] - pos[edges[:, 1]]
        pull = d_edge * (np.linalg.norm(d_edge, axis=1) / k * w)[:, None]
        np.add.at(disp, edges[:, 0], -pull)
        np.add.at(disp, edges[:, 1], pull)
        disp -= gravity * pos
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
    return _spread(_dock(pos, _components(n_nodes, edges), margin=k))


def _dock(pos: np.ndarray, labels: np.ndarray, *, margin: float) -> np.ndarray:
    """Move each smaller piece next to the largest one, just outside its bounding box.

    The main cluster's repulsion pushes a lone pair to the far edge, and the plot then
    spends its height on empty space between them.
    """
    main = labels == np.bincount(labels).argmax()
    if main.all():
        return pos
    low, high = pos[main].min(axis=0) - margin, pos[main].max(axis=0) + margin
    pos = pos.copy()
    for label_ in np.unique(labels[~main]):
        members = labels == label_
        centre = pos[members].mean(axis=0)
        inside = np.clip(centre, low, high)
        if np.all((centre > low) & (centre < high)):  # in the box already: push out the nearest side
            gaps = np.concatenate([centre - low, high - centre])
            side = int(np.argmin(gaps))
            inside[side % 2] = low[side % 2] if side < 2 else high[side % 2]
        pos[members] += inside - centre
    return pos


def _components(n_nodes: int, edges: np.ndarray) -> np.ndarray:
    """For each node, a label of its connected component (a node index; union–find)."""
    parent = list(range(n_nodes))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in edges.tolist():
        parent[root(a)] = root(b)
    return np.array([root(node) for node in range(n_nodes)])


def _spread(pos: np.ndarray, *, power: float = 0.6, gap: tuple[float, float] = (0.16, 0.13)) -> np.ndarray:
    """Even out a layout: pull outliers in, push the core apart, separate near nodes.

    Frequent keywords form a near-clique that a spring layout packs tight while leaves
    drift far out; raising the radius to ``power`` < 1 evens that out. Then nodes closer
    than ``gap`` (x, y: a label is wider than tall) are pushed apart until none is,
    and each axis is stretched to [-1, 1] (which only moves nodes further apart).
    """
    pos = pos - pos.mean(axis=0)
    radius = np.linalg.norm(pos, axis=1)
    scale = max(radius.max(), 1e-9)
    pos = pos * ((radius / scale) ** power / np.maximum(radius / scale, 1e-9))[:, None]
    pos = pos / max(np.abs(pos).max(), 1e-9) / np.asarray(gap)  # 1 unit = the gap
    for _ in range(300):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.linalg.norm(delta, axis=-1) + np.eye(len(pos)) * 1e9
        overlap = np.maximum(1.0 - dist, 0.0)
        if not overlap.any():
            break
        pos += 0.3 * np.einsum("ijk,ij->ik", delta, overlap / np.maximum(dist, 1e-9))
    pos = pos * np.asarray(gap)
    pos -= (pos.max(axis=0) + pos.min(axis=0)) / 2
    return pos / np.maximum(np.abs(pos).max(axis=0), 1e-9)  # fill the wide plot area


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
        top_edges: keep this many edges, the strongest by ``rank_by``.
        rank_by: ``n_articles`` (most shared articles: the core vocabulary) or ``npmi``
            (most exclusive pairs: distinctive associations); ties go to the other.
        seed: layout seed.
        title: chart title (default: keyword co-occurrence network).
        lang: label language.

    Returns:
        Edge traces (one per width class), an edge-hover trace of midpoints, and the
        node trace last.
    """
    order = ["n_articles", "npmi"] if rank_by == "n_articles" else ["npmi", "n_articles"]
    edges = (
        cooccurrence.sort_values([*order, "term_a", "term_b"], ascending=[False, False, True, True])
        .head(top_edges)
        .reset_index(drop=True)
    )
    terms = pd.unique(pd.concat([edges["term_a"], edges["term_b"]])).tolist()
    index = {t: i for i, t in enumerate(terms)}
    pairs = np.array(
        [[index[a], index[b]] for a, b in zip(edges["term_a"], edges["term_b"], strict=True)]
    ).reshape(-1, 2)
    pos = spring_layout(len(terms), pairs, edges["n_articles"].to_numpy(float), seed=seed)
    fig = go.Figure()
    for trace in _edge_traces(edges, pairs, pos, lang):
        fig.add_trace(trace)
    fig.add_trace(_node_trace(terms, pairs, edges, pos, docfreq, lang))
    base_layout(fig, title=title or label("network", lang), height=640)
    add_footnote(fig, label("network_note" if docfreq is not None else "network_note_degree", lang))
    fig.update_layout(showlegend=False, hovermode="closest", margin={"l": 10, "r": 10, "t": 60, "b": 30})
    # Positions have no unit, so the axes are hidden (and untitled).
    fig.update_xaxes(visible=False, range=[-1.12, 1.12])
    fig.update_yaxes(visible=False, range=[-1.12, 1.18])
    return fig


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
                f"{label('co_articles', lang)}: %{{customdata[2]:,}} {label('unit_articles', lang)}"
                f"<br>{label('pmi', lang)}: %{{customdata[3]:.2f}}<br>"
                f"{label('npmi', lang)}: %{{customdata[4]:.2f}}<extra></extra>"
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
    edges: pd.DataFrame,
    pos: np.ndarray,
    docfreq: Mapping[str, float] | None,
    lang: Lang,
) -> go.Scatter:
    n = len(terms)
    degree = np.bincount(pairs.ravel(), minlength=n) if n else np.zeros(0)
    counts = edges["n_articles"].to_numpy(float)
    strength = np.bincount(pairs[:, 0], counts, n) + np.bincount(pairs[:, 1], counts, n) if n else np.zeros(0)
    freq = (
        np.array([float(docfreq.get(t, np.nan)) for t in terms])
        if docfreq is not None
        else np.full(n, np.nan)
    )
    size = _node_sizes(np.nan_to_num(freq if docfreq is not None else strength))
    return go.Scatter(
        x=pos[:, 0],
        y=pos[:, 1],
        mode="markers+text",
        text=terms,
        textposition="top center",
        textfont={"size": 13},
        marker={"size": size, "color": PALETTE[0], "line": {"color": "white", "width": 1}, "opacity": 0.9},
        customdata=np.column_stack([freq, degree, strength]).tolist(),
        hovertemplate=_node_hover(with_docfreq=docfreq is not None, lang=lang),
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
        lines.append(f"{label('docfreq', lang)}: %{{customdata[0]:,.0f}} {unit}")
    lines.append(f"{label('degree', lang)}: %{{customdata[1]}}")
    lines.append(f"{label('strength', lang)}: %{{customdata[2]:,.0f}} {unit}")
    return "<br>".join(lines) + "<extra></extra>"
