"""How far apart two colours look, and a palette of colours picked to be told apart.

Colour difference is CIEDE2000 (ΔE₀₀) in CIE L*a*b* (D65): about 1 is the smallest
difference an eye sees side by side, 10 or more reads as another colour, and two thin
lines in a chart want 15 or more. :data:`analysis.charts.style.THEME_PALETTE` is
:func:`distinct_colours` of the nine Tableau colours, written out so that nothing is
computed at import.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

WHITE_D65 = np.array([0.95047, 1.0, 1.08883])
SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])


def hex_to_lab(colours: Sequence[str]) -> np.ndarray:
    """CIE L*a*b* of ``#RRGGBB`` colours, one row each (L*, a*, b*)."""
    rgb = np.array([[int(c.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)] for c in colours], dtype=float)
    return _rgb_to_lab(rgb)


def _rgb_to_lab(rgb: np.ndarray) -> np.ndarray:
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = linear @ SRGB_TO_XYZ.T / WHITE_D65
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], -1)


def delta_e(lab1: np.ndarray, lab2: np.ndarray) -> np.ndarray:
    """CIEDE2000 difference of L*a*b* colours (arrays broadcast; last axis is L*, a*, b*)."""
    l1, a1, b1 = np.moveaxis(np.asarray(lab1, dtype=float), -1, 0)
    l2, a2, b2 = np.moveaxis(np.asarray(lab2, dtype=float), -1, 0)
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = np.hypot(a1, b1), np.hypot(a2, b2)
    h1, h2 = np.degrees(np.arctan2(b1, a1)) % 360, np.degrees(np.arctan2(b2, a2)) % 360
    grey = c1 * c2 == 0
    dh = h2 - h1
    dh = np.where(grey, 0, np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh)))
    big_h = 2 * np.sqrt(c1 * c2) * np.sin(np.radians(dh / 2))
    h_sum = h1 + h2
    h_mean = np.where(np.abs(h1 - h2) > 180, np.where(h_sum < 360, h_sum + 360, h_sum - 360), h_sum) / 2
    h_mean = np.where(grey, h_sum, h_mean)
    t = (1 - 0.17 * np.cos(np.radians(h_mean - 30)) + 0.24 * np.cos(np.radians(2 * h_mean))
         + 0.32 * np.cos(np.radians(3 * h_mean + 6)) - 0.20 * np.cos(np.radians(4 * h_mean - 63)))
    l_mean, c_bar = (l1 + l2) / 2, (c1 + c2) / 2
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / np.sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_bar, 1 + 0.015 * c_bar * t
    r_t = -np.sin(np.radians(60 * np.exp(-(((h_mean - 275) / 25) ** 2)))) * 2 * np.sqrt(
        c_bar**7 / (c_bar**7 + 25**7))
    dl, dc, dh = (l2 - l1) / s_l, (c2 - c1) / s_c, big_h / s_h
    return np.sqrt(dl**2 + dc**2 + dh**2 + r_t * dc * dh)


def smallest_difference(colours: Sequence[str]) -> float:
    """The CIEDE2000 difference of the two closest colours of ``colours``."""
    lab = hex_to_lab(colours)
    distances = delta_e(lab[:, None, :], lab[None, :, :])
    np.fill_diagonal(distances, np.inf)
    return float(distances.min())


def distinct_colours(
    seed: Sequence[str], n: int, *, avoid: Sequence[str] = ("#FFFFFF", "#BAB0AC"), steps: int = 18
) -> tuple[str, ...]:
    """``seed``, then colours added one at a time, each the farthest from all taken before.

    The candidates are an sRGB grid of ``steps`` levels per channel, kept where a chart
    can use them: L* from 32 to 78 (not near black, readable on white), chroma 28 or
    more (not greyish: grey means "others"), and 18 ΔE₀₀ or more from the grey of
    "others" and 25 from the white page (``avoid``).

    Returns:
        ``n`` colours as ``#RRGGBB``, ``seed`` first.
    """
    levels = np.linspace(0, 1, steps)
    rgb = np.array(np.meshgrid(levels, levels, levels, indexing="ij")).reshape(3, -1).T
    lab = _rgb_to_lab(rgb)
    usable = (lab[:, 0] >= 32) & (lab[:, 0] <= 78) & (np.hypot(lab[:, 1], lab[:, 2]) >= 28)
    white, *others = hex_to_lab(avoid)
    usable &= delta_e(lab, white) >= 25
    for colour in others:
        usable &= delta_e(lab, colour) >= 18
    rgb, lab = rgb[usable], lab[usable]
    chosen = list(seed)
    nearest = np.full(len(lab), np.inf)
    for colour in hex_to_lab(chosen):
        nearest = np.minimum(nearest, delta_e(lab, colour))
    while len(chosen) < n:
        best = int(np.argmax(nearest))
        chosen.append("#{:02X}{:02X}{:02X}".format(*(round(v * 255) for v in rgb[best])))
        nearest = np.minimum(nearest, delta_e(lab, lab[best]))
    return tuple(chosen[:n])
