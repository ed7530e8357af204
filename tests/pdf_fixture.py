"""Write small PDF files for the PDF loader's tests, from text we lay out ourselves.

The PDFs are built like the e-paper PDFs of Chinese newspapers: every glyph is drawn
from a CID font through ``Identity-H`` codes, and a ``ToUnicode`` map says which
character each code stands for. The font program itself is not embedded: the loader
only reads the text layer, never the glyph shapes.

``newspaper_page`` lays articles out like a printed page: a headline across the top of
its block in a large face, a kicker above it in a medium one, and the body in narrow
columns of small type with two-character paragraph indents, so that every body line is
broken by the column width and a paragraph may run on from one column into the next.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_WIDTH, PAGE_HEIGHT = 595, 842
BODY_SIZE = 9.0
HALF_WIDTH = set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,-()%")


@dataclass(frozen=True)
class Run:
    """Text drawn at ``(x, y)`` (the baseline's start, in points) in a face of ``size`` points."""

    x: float
    y: float
    size: float
    text: str


@dataclass(frozen=True)
class FixtureArticle:
    """An article to lay out: optional kicker, a title, and body paragraphs."""

    title: str
    paragraphs: tuple[str, ...]
    kicker: str | None = None


def advance(char: str, size: float) -> float:
    """The width the fixture font gives ``char``: half an em for ASCII, a full em otherwise."""
    return size * (0.5 if char in HALF_WIDTH else 1.0)


def build_pdf(pages: list[list[Run]], *, encrypt: bool = False, to_unicode: bool = True) -> bytes:
    """Return a PDF whose pages draw the given runs (an empty list gives a page without text).

    Args:
        pages: the runs of each page.
        encrypt: add a standard security handler whose user password is not empty, so a
            reader cannot open the file without it.
        to_unicode: give the font its map from codes to characters; without it the glyphs
            cannot be read as text (as with some old e-paper PDFs).
    """
    chars = sorted({ch for runs in pages for run in runs for ch in run.text})
    codes = {ch: index + 1 for index, ch in enumerate(chars)}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    pages_id = add(b"")
    to_unicode_id = _stream(add, _to_unicode_cmap(codes))
    widths = " ".join(f"{codes[ch]} [500]" for ch in chars if ch in HALF_WIDTH)
    descriptor = add(b"<< /Type /FontDescriptor /FontName /FixtureSong /Flags 4 /FontBBox [0 -120 1000 880]"
                     b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid_font = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FixtureSong /CIDSystemInfo"
                   f" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor"
                   f" {descriptor} 0 R /DW 1000 /W [{widths}] >>".encode())
    unicode_map = f" /ToUnicode {to_unicode_id} 0 R" if to_unicode else ""
    font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /FixtureSong /Encoding /Identity-H"
               f" /DescendantFonts [{cid_font} 0 R]{unicode_map} >>".encode())
    page_ids = []
    for runs in pages:
        content = _stream(add, _content(runs, codes))
        page_ids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}]"
                            f" /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects[pages_id - 1] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()
    trailer = f"/Root {catalog} 0 R"
    if encrypt:
        security = add(b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + b"ab" * 32
                       + b"> /U <" + b"cd" * 32 + b"> >>")
        trailer += f" /Encrypt {security} 0 R /ID [<{'01' * 16}> <{'01' * 16}>]"
    return _assemble(objects, trailer)


def _stream(add, data: bytes) -> int:
    return add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")


def _to_unicode_cmap(codes: dict[str, int]) -> bytes:
    entries = sorted(codes.items(), key=lambda item: item[1])
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CMapName /Fixture-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    for start in range(0, len(entries), 100):
        block = entries[start:start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{code:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for ch, code in block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode()


def _content(runs: list[Run], codes: dict[str, int]) -> bytes:
    ops = []
    for run in runs:
        hex_codes = "".join(f"{codes[ch]:04X}" for ch in run.text)
        ops.append(f"BT /F1 {run.size:g} Tf 1 0 0 1 {run.x:.2f} {run.y:.2f} Tm <{hex_codes}> Tj ET")
    return "\n".join(ops).encode()


def _assemble(objects: list[bytes], trailer: str) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points (the way a column breaks it)."""
    lines, line, used = [], "", 0.0
    for char in text:
        step = advance(char, size)
        if line and used + step > width:
            lines.append(line)
            line, used = "", 0.0
        line += char
        used += step
    if line:
        lines.append(line)
    return lines


def newspaper_page(articles: list[FixtureArticle], *, columns: int = 3, masthead: str | None = None,
                   column_chars: int = 13, row_by_row: bool = False) -> list[Run]:
    """Lay articles out one below another, each headline over its own columns of body text.

    Args:
        articles: the articles, top to bottom.
        columns: body columns per article.
        masthead: an optional line of page furniture at the very top (报名, 日期, 版次).
        column_chars: the width of a body column, in characters.
        row_by_row: draw the runs row by row across the page (top to bottom, left to
            right), as some converters do, instead of column by column.

    Returns:
        The runs of the page, in reading order (as a newspaper's layout program writes
        them), or row by row.
    """
    runs: list[Run] = []
    left, top, gutter = 40.0, PAGE_HEIGHT - 40.0, 1.5 * BODY_SIZE
    column_width = column_chars * BODY_SIZE
    leading = BODY_SIZE * 1.5
    if masthead:
        runs.append(Run(left, top, 8.0, masthead))
        top -= 28
    for article in articles:
        if article.kicker:
            runs.append(Run(left, top, 12.0, article.kicker))
            top -= 20
        runs.append(Run(left, top, 18.0, article.title))
        top -= 30
        lines: list[tuple[bool, str]] = []
        for paragraph in article.paragraphs:
            for number, text in enumerate(wrap("　　" + paragraph, column_width, BODY_SIZE)):
                lines.append((number == 0, text))
        per_column = -(-len(lines) // columns)
        for index, (_, text) in enumerate(lines):
            column, row = divmod(index, per_column)
            indent = BODY_SIZE * 2 if text.startswith("　　") else 0.0
            runs.append(Run(left + column * (column_width + gutter) + indent, top - row * leading,
                            BODY_SIZE, text.lstrip("　")))
        top -= per_column * leading + 24
    return sorted(runs, key=lambda run: (-run.y, run.x)) if row_by_row else runs
