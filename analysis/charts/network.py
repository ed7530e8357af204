"""Keyword co-occurrence network, laid out with a small numpy spring layout.

The layout is Fruchterman–Reingold (1991) with a weak pull to the centre so that
disconnected pieces stay on screen. Then every node's marker and label, measured in
pixels of the plot, are pushed apart until no two overlap (:func:`separate_labels`): the
frequent keywords of a small corpus form a near-clique whose labels a spring layout
alone piles on top of each other. It is deterministic for a given seed: the same table
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
FIGURE_HEIGHT_PX = 640
MARGIN_PX = {"l": 10, "r": 10, "t": 60, "b": 30}
PLOT_PX = (880.0, FIGURE_HEIGHT_PX - MARGIN_PX["t"] - MARGIN_PX["b"])
"""The plot area the layout is measured in (width, height): the narrowest the dashboard's
main column gives the chart beside the sidebar. A wider window only spreads nodes further."""
LABEL_FONT_PX = 13
LABEL_COLOUR = "#1f2a36"
LABEL_GAP_PX = 3
"""Space kept around every node's marker-and-label box."""
OVERLAP_TOLERANCE_PX = 1.0
"""Boxes overlapping by less than this (inside their gap) count as apart."""


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
    labels = _components(len(terms), pairs)
    return {term: int(labels[i]) for i, term in enumerate(terms)}


def separate_labels(
    pos: np.ndarray, terms: list[str], marker_px: np.ndarray, *, plot_px: tuple[float, float] = PLOT_PX,
    iterations: int = 300,
) -> np.ndarray:
    """Place a layout in the plot area so that no two nodes' marker-and-label boxes overlap.

    Args:
        pos: positions in [-1, 1] (from :func:`spring_layout`).
        terms: the node labels, drawn above their markers.
        marker_px: marker diameters in pixels.
        plot_px: the plot area's width and height in pixels.
        iterations: most rounds of pushing overlapping boxes apart.

    Returns:
        Positions in pixels of the plot area (x right, y up), every box inside it. Each
        overlapping pair is pushed apart along the axis it overlaps less, half each; when
        the boxes cannot all fit, the overlaps left are as small as the rounds made them.
    """
    n = len(terms)
    if n == 0:
        return np.zeros((0, 2))
    width, height = plot_px
    label_px = np.array([_text_px(term) for term in terms])
    half = np.column_stack([np.maximum(label_px, marker_px) / 2 + LABEL_GAP_PX,
                            (marker_px + LABEL_FONT_PX + 4) / 2 + LABEL_GAP_PX])
    lift = (LABEL_FONT_PX + 4) / 2  # the box's centre sits above the marker's: the label is on top
    low, high = half, np.array([width, height]) - half
    high = np.maximum(high, low)
    centre = low + (np.asarray(pos, dtype=float).reshape(n, 2) + 1) / 2 * (high - low)
    centre[:, 1] += np.minimum(lift, high[:, 1] - centre[:, 1])
    # a fixed, tiny tilt decides which way two boxes at the same point part
    tilt = np.column_stack([np.cos(np.arange(n)), np.sin(np.arange(n))]) * 1e-3
    for _ in range(iterations):
        delta = centre[:, None, :] - centre[None, :, :] + (tilt[:, None, :] - tilt[None, :, :])
        overlap = half[:, None, :] + half[None, :, :] - np.abs(delta)
        clash = (overlap > OVERLAP_TOLERANCE_PX).all(axis=-1) & ~np.eye(n, dtype=bool)
        if not clash.any():
            break
        along_x = overlap[..., 0] < overlap[..., 1]
        # a little more than the overlap, or halving it would take for ever to reach zero
        push = np.where(np.stack([along_x, ~along_x], axis=-1), overlap + OVERLAP_TOLERANCE_PX, 0.0)
        push *= np.sign(delta) / 2
        centre += (push * clash[..., None]).sum(axis=1) * 0.5
        centre = np.clip(centre, low, high)
    centre[:, 1] -= lift
    return centre


def _text_px(text: str) -> float:
    """The width of a label in pixels: a full em for CJK characters, about half for others."""
    return sum(LABEL_FONT_PX * (0.55 if ord(char) < 0x2E80 else 1.0) for char in text)


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
        lines.append(f"{label('docfreq_word', lang)}: %{{customdata[0]:,.0f}} {unit}")
    lines.append(f"{label('degree', lang)}: %{{customdata[1]}}")
    lines.append(f"{label('strength', lang)}: %{{customdata[2]:,.0f}} {unit}")
    return "<br>".join(lines) + "<extra></extra>"
