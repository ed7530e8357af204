"""Word clouds drawn with the Simplified Chinese face of Noto Sans CJK.

``noto-cjk-sans-otc`` ships one collection (``NotoSansCJK-Regular.ttc``) whose first face
is the Japanese one. ``wordcloud`` opens a collection at index 0, which would draw
Chinese with Japanese glyph shapes (and miss a few characters), so :func:`font_path`
extracts the face named "Noto Sans CJK SC" into a cache file once and hands that path
to ``wordcloud``.
"""

from __future__ import annotations

import os
import random
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import pandas as pd
from PIL import Image

FONT_FAMILY = "Noto Sans CJK SC"
"""Family name of the face used for every word cloud."""

FONT_FILE = "NotoSansCJKsc-Regular.otf"
COLLECTION = "NotoSansCJK-Regular.ttc"
COLOURS = ("#1f4e79", "#2e75b6", "#c55a11", "#548235", "#7030a0", "#a50021", "#7f6000")
"""Word colours: dark enough to read on white."""


def cache_dir() -> Path:
    """Return the folder for extracted fonts: ``$GOVTHEMES_CACHE`` or ``~/.cache/govthemes``.

    Falls back to the system temp folder when the home cache cannot be created.
    """
    override = os.environ.get("GOVTHEMES_CACHE")
    base = Path(override) if override else Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "govthemes"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        base = Path(tempfile.gettempdir()) / "govthemes"
        base.mkdir(parents=True, exist_ok=True)
    return base


@lru_cache(maxsize=1)
def font_path() -> str:
    """Return the path of a single-face Noto Sans CJK SC font, extracting it once.

    The face is found by its family name (index 2 in the shipped collection) and written
    atomically (temporary file, then rename), so concurrent dashboard sessions never
    read a half-written file.

    Raises:
        FileNotFoundError: when ``noto-cjk-sans-otc`` is not installed.
        LookupError: when the collection has no Simplified Chinese face.
    """
    target = cache_dir() / "fonts" / FONT_FILE
    if target.is_file() and target.stat().st_size > 0:
        return str(target)
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(_collection_path()), lazy=True)
    face = next((f for f in collection.fonts if f["name"].getDebugName(1) == FONT_FAMILY),
                None)
    if face is None:
        raise LookupError(f"{_collection_path()} has no face named {FONT_FAMILY!r}")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=target.parent, suffix=".part")
    os.close(handle)
    try:
        face.save(partial)
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return str(target)


def _collection_path() -> Path:
    try:
        import noto_cjk_sans_otc
    except ImportError as error:
        raise FileNotFoundError(
            "the word cloud needs the package noto-cjk-sans-otc (pip install noto-cjk-sans-otc)"
        ) from error
    path = Path(noto_cjk_sans_otc.__file__).parent / COLLECTION
    if not path.is_file():
        raise FileNotFoundError(f"font collection missing: {path}")
    return path


def render_wordcloud(
    frequencies: Mapping[str, float] | pd.DataFrame,
    *,
    width: int = 900,
    height: int = 500,
    seed: int = 0,
    max_words: int = 150,
    layout_scale: int = 2,
) -> Image.Image:
    """Draw a word cloud of terms sized by frequency.

    Words are all horizontal (rotated Chinese is hard to read). The same input and seed
    give the same picture. The words are placed on a grid ``layout_scale`` times coarser
    than the image and then drawn at full size (wordcloud's ``scale``): placing is what
    takes the time (0.7 s for 150 words at 1000 × 460, 0.3 s at half), and the picture is
    as sharp, so a filter change in the dashboard redraws it quicker.

    Args:
        frequencies: term → frequency, or a table with ``term`` and ``frequency``
            columns (rows of the same term are summed). Non-positive and missing
            frequencies are ignored.
        width: image width in pixels.
        height: image height in pixels.
        seed: seed for placement and colours.
        max_words: at most this many of the most frequent terms are drawn.
        layout_scale: how much coarser the placing grid is than the image (1: exact).

    Returns:
        An RGB image of ``width`` × ``height``; plain white when there is no term.
    """
    from wordcloud import WordCloud

    weights = _weights(frequencies)
    if not weights:
        return Image.new("RGB", (width, height), "white")
    chooser = random.Random(seed)
    grid = max(int(layout_scale), 1)
    cloud = WordCloud(
        font_path=font_path(), width=max(width // grid, 1), height=max(height // grid, 1), scale=grid,
        random_state=seed, background_color="white", prefer_horizontal=1.0, max_words=max_words,
        margin=max(4 // grid, 1), min_font_size=max(10 // grid, 4),
        max_font_size=max(height // 4 // grid, 12), relative_scaling=0.45,
        color_func=lambda *args, **kwargs: chooser.choice(COLOURS),
    )
    cloud.generate_from_frequencies(weights)
    image = cloud.to_image().convert("RGB")
    return image if image.size == (width, height) else image.resize((width, height))


TITLE_COLOUR = "#2a3f5f"
"""The title's colour: that of the plotly charts' titles."""


def add_title(image: Image.Image, title: str, *, subtitle: str = "", scale: float = 1.0) -> Image.Image:
    """``image`` under a white band that says what it is, in the word cloud's face.

    A word cloud saved as a PNG travels without the page around it: the title says
    what it shows and the subtitle (the filters, say) for which articles. Lines too
    long for the width are wrapped, by character for Chinese and by word for English.

    Args:
        image: the word cloud.
        title: its title (20 px at ``scale`` 1).
        subtitle: a grey line or more under the title (14 px); none when empty.
        scale: text size factor (the dashboard draws its clouds 1000 px wide: 1.0).

    Returns:
        A new RGB image as wide as ``image`` and taller by the band.
    """
    from PIL import ImageDraw, ImageFont

    from analysis.charts.style import NOTE_COLOUR  # the grey of the charts' notes

    margin = round(16 * scale)
    fonts = [(ImageFont.truetype(font_path(), round(20 * scale)), TITLE_COLOUR, title),
             (ImageFont.truetype(font_path(), round(14 * scale)), NOTE_COLOUR, subtitle)]
    lines = [(font, colour, line) for font, colour, text in fonts if text
             for line in wrap_text(text, font, image.width - 2 * margin)]
    heights = [round(font.size * 1.45) for font, _, _ in lines]
    band = margin + sum(heights) + margin // 2
    titled = Image.new("RGB", (image.width, image.height + band), "white")
    titled.paste(image.convert("RGB"), (0, band))
    draw = ImageDraw.Draw(titled)
    top = margin
    for (font, colour, line), height in zip(lines, heights, strict=True):
        draw.text((margin, top), line, font=font, fill=colour)
        top += height
    return titled


def wrap_text(text: str, font: object, width: int) -> list[str]:
    """``text`` cut into lines no wider than ``width`` pixels in ``font``.

    Breaks between words where there are spaces (English), else between characters.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        pieces = paragraph.split(" ") if " " in paragraph else list(paragraph)
        joiner = " " if " " in paragraph else ""
        line = ""
        for piece in pieces:
            candidate = f"{line}{joiner}{piece}" if line else piece
            if line and font.getlength(candidate) > width:
                lines.append(line)
                line = piece
            else:
                line = candidate
        lines.append(line)
    return lines


def _weights(frequencies: Mapping[str, float] | pd.DataFrame) -> dict[str, float]:
    if isinstance(frequencies, pd.DataFrame):
        missing = {"term", "frequency"} - set(frequencies.columns)
        if missing:
            raise ValueError(f"word cloud table needs columns term and frequency; "
                             f"missing {sorted(missing)}")
        series = frequencies.groupby("term")["frequency"].sum()
    else:
        series = pd.Series(dict(frequencies), dtype=float)
    series = pd.to_numeric(series, errors="coerce").dropna()
    return {str(term): float(value) for term, value in series.items() if value > 0}
