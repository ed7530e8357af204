"""The tokens table, read back from the store instead of segmenting again.

``doc_tokens`` keeps each article's terms in text order as term ids, so the table read
here equals what :func:`analysis.tokenize.tokenize_articles` returned at ingest.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.schema import STRING_DTYPE
from analysis.store.database import Database
from analysis.store.filters import Filters

TOKEN_COLUMNS = ("doc_id", "terms", "n_tokens", "dict_version")


def tokens_table(db: Database, f: Filters) -> pd.DataFrame:
    """The tokens table of the filtered articles, in store order (``doc_key``).

    Returns:
        Columns ``doc_id`` (str), ``terms`` (list of str, text order), ``n_tokens`` (int)
        and ``dict_version`` (str), as :func:`analysis.tokenize.tokenize_articles`.
    """
    where = db.article_clause(f, alias="a.")
    vocabulary = db.arrow("SELECT term FROM vocabulary ORDER BY term_id").column("term").to_pylist()
    table = db.arrow(f"""SELECT a.doc_id, t.term_ids, a.n_tokens, a.dict_version FROM articles a
                         JOIN doc_tokens t USING (doc_key) WHERE {where.sql} ORDER BY a.doc_key""",
                     where.params)
    terms = np.asarray(vocabulary, dtype=object)
    empty = pa.array([], pa.list_(pa.int32()))
    lists = table.column("term_ids").combine_chunks() if table.num_rows else empty
    ids = lists.flatten().to_numpy(zero_copy_only=False).astype(np.int64)
    flat = terms[ids] if len(terms) else np.array([], dtype=object)
    offsets = lists.offsets.to_numpy()
    sequences = [flat[offsets[i] : offsets[i + 1]].tolist() for i in range(len(lists))]
    return pd.DataFrame({
        "doc_id": pd.Series(table.column("doc_id").to_pylist(), dtype=STRING_DTYPE),
        "terms": pd.Series(sequences, dtype=object),
        "n_tokens": pd.Series(table.column("n_tokens").to_numpy(), dtype="int64"),
        "dict_version": pd.Series(table.column("dict_version").to_pylist(), dtype=STRING_DTYPE),
    })
