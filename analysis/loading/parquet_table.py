"""Read a Parquet table into numbered records, and say why one cannot be read.

A Parquet file starts and ends with the four bytes ``PAR1``; its column list (the footer)
is at the end. That tells the faults apart that pyarrow reports alike ("magic bytes not
found in footer"): a file cut short (a download or export stopped part-way) starts as
Parquet but has lost its end; a file named ``.parquet`` that is something else does not
start as Parquet at all; and a Parquet file under another name (``export.csv``) is one,
read as such (:func:`is_parquet`).
"""

from __future__ import annotations

import io
from typing import Any

from analysis.loading.file_names import visible_name
from analysis.loading.record_batch import RecordBatch
from analysis.report import Problem

MAGIC = b"PAR1"
SHOWN_CHARS = 16
"""How many of its first characters a file that is no Parquet shows in the message."""


def is_parquet(data: bytes) -> bool:
    """Whether ``data`` is a whole Parquet file (it starts and ends with ``PAR1``)."""
    return len(data) >= 2 * len(MAGIC) and data.startswith(MAGIC) and data.endswith(MAGIC)


def read_parquet(data: bytes) -> RecordBatch:
    """Read a Parquet file; record numbers are 1-based row positions.

    Returns:
        The records, or one file error: ``parquet_truncated``, ``not_parquet`` (with its
        first bytes) or ``bad_parquet`` (with pyarrow's words).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    batch = RecordBatch()
    if not data.startswith(MAGIC):
        start = data[: 4 * SHOWN_CHARS].decode("utf-8", "backslashreplace")[:SHOWN_CHARS]
        batch.errors.append(Problem.of("not_parquet", start=visible_name(start)))
        return batch
    if not data.endswith(MAGIC):
        batch.errors.append(Problem.of("parquet_truncated", size=len(data)))
        return batch
    try:
        table = pq.read_table(io.BytesIO(data))
    except (pa.ArrowException, OSError) as exc:
        batch.errors.append(Problem.of("bad_parquet", detail=str(exc)))
        return batch
    binary = [f.name for f in table.schema
              if pa.types.is_binary(f.type) or pa.types.is_large_binary(f.type)
              or pa.types.is_fixed_size_binary(f.type)]
    for number, row in enumerate(table.to_pylist(), start=1):
        for column in binary:  # only these columns can hold bytes: the others are passed as read
            row[column] = _text_of_bytes(row[column])
        batch.add(number, row)
    return batch


def _text_of_bytes(value: Any) -> Any:
    """A binary cell (text some writers store without saying it is text) as text, when it reads as text.

    Bytes that do not read as text without doubt (:func:`~analysis.loading.encoding.decode_bytes`
    with no warning) stay bytes, for the record to be named as holding no text.
    """
    from analysis.loading.encoding import DecodingError, decode_bytes

    if not isinstance(value, bytes):
        return value
    try:
        decoded = decode_bytes(value)
    except DecodingError:
        return value if value.strip() else None
    return value if decoded.warning or decoded.repaired else decoded.text
