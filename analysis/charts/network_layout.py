"""Where the co-occurrence network's nodes go: a spring layout, then labels kept apart.

The layout is Fruchterman–Reingold (1991) with a weak pull to the centre so that
disconnected pieces stay on screen. Then every node's marker and label, measured in
pixels of the plot, are pushed apart until no two overlap (:func:`separate_labels`): the
frequent keywords of a small corpus form a near-clique whose labels a spring layout
alone piles on top of each other. It is deterministic for a given seed: the same table
draws the same picture in the dashboard and in an exported PNG.
:mod:`analysis.charts.network` draws the figure at these positions.
"""

from __future__ import annotations

import numpy as np

FIGURE_HEIGHT_PX = 640
MARGIN_PX = {"l": 10, "r": 10, "t": 60, "b": 30}
PLOT_PX = (880.0, FIGURE_HEIGHT_PX - MARGIN_PX["t"] - MARGIN_PX["b"])
"""The plot area the layout is measured in (width, height): the narrowest the dashboard's
main column gives the chart beside the sidebar. A wider window only spreads nodes further."""
LABEL_FONT_PX = 13
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
    return _spread(_dock(pos, label_components(n_nodes, edges), margin=k))


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


def label_components(n_nodes: int, edges: np.ndarray) -> np.ndarray:
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
