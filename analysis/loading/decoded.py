"""What decoding a file's bytes gives: its text and the encoding named for it, or why not.

Shared by :mod:`analysis.loading.encoding` and the modules it asks which reading of the
bytes is the text (:mod:`analysis.loading.gb_or_big5`).
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.messages import CodedError
from analysis.report import Problem

TRADITIONAL_GBK = "gb18030 (traditional)"
"""The encoding named for traditional text saved in GBK, as a Hong Kong or Taiwan article
re-saved on a mainland Windows machine is (:func:`~analysis.loading.gb_or_big5.read_gb_or_big5`)."""
TRADITIONAL_ENCODINGS = ("big5", TRADITIONAL_GBK)
"""Ends of the encoding names whose text is traditional by its encoding: Big5, traditional
text in GBK, and ``mixed utf-8/big5``'s lines not UTF-8."""


class DecodingError(CodedError, ValueError):
    """The bytes are not text in any encoding we can trust (``code`` says why)."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding it was read in, and any warning about the decoding."""

    text: str
    encoding: str
    warning: Problem | None = None
    repaired: Problem | None = None
    """What was taken out to read the bytes (a few NUL bytes), for the report."""
