"""The store's small per-article columns, held in memory as arrays, and filters as boolean masks.

Article and theme counts need only a few numbers per article: its day, its cell (month,
place, outlet), its size, and its theme rows. At a million articles these are about 60 MB;
read once from the store (a second or so) they answer a count, a timeline, a map or a
theme heatmap for any filter in a few milliseconds with :func:`numpy.bincount`, where a
DuckDB statement costs 5-15 ms even on a small pre-aggregated table. The store rebuilds
the index after every ingest. Term counts, keyness, co-occurrence and text search stay in
SQL (:mod:`.terms`, :mod:`.database`), where the data are large.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.store.aggregates import places_source
from analysis.store.database import Database
from analysis.store.filters import Filters

NO_DAY = np.iinfo(np.int32).min
"""The ``day`` of an undated article."""

CELL_COLUMNS = ("month", "month_label", "quarter_label", "year_label", "adcode", "province_code",
                "prefecture_code", "county_code", "outlet")


@dataclass(frozen=True, eq=False)
class DocIndex:
    """Per-article arrays (row = article, in ``doc_key`` order) and per-theme-hit arrays.

    Attributes:
        doc_key: the article's key (sorted).
        day: days since 1970-01-01 (:data:`NO_DAY` when undated).
        cell: row of ``cells`` (the article's month, place and outlet).
        n_chars, n_tokens: the article's size.
        cells: one row per distinct cell: :data:`CELL_COLUMNS`.
        theme_row, theme_id, theme_hits, theme_assigned: one entry per (article, theme
            with a hit): the article's row, the theme (index into ``theme_names``), the
            hits and whether the theme is assigned.
        theme_names: theme ids, sorted.
        places: ``level, code, name, parent_code`` of every place in the store.
        cell_docs: articles per cell.
        theme_start: where each article's theme rows start (the rows are in article order).
        cell_theme_assigned, cell_theme_hits: cells x themes sums of assignments and hits.
    """

    doc_key: np.ndarray
    day: np.ndarray
    cell: np.ndarray
    n_chars: np.ndarray
    n_tokens: np.ndarray
    cells: pd.DataFrame
    theme_row: np.ndarray
    theme_id: np.ndarray
    theme_hits: np.ndarray
    theme_assigned: np.ndarray
    theme_names: list[str]
    places: pd.DataFrame
    cell_docs: np.ndarray = field(init=False, repr=False)
    theme_start: np.ndarray = field(init=False, repr=False)
    cell_theme_assigned: np.ndarray = field(init=False, repr=False)
    cell_theme_hits: np.ndarray = field(init=False, repr=False)
    _selections: OrderedDict = field(default_factory=OrderedDict, init=False, repr=False)
    _pairs: dict = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        n_cells, n_themes = len(self.cells), len(self.theme_names)
        cell_of_row = self.cell[self.theme_row]
        derived = {
            "cell_docs": np.bincount(self.cell, minlength=n_cells),
            "theme_start": np.searchsorted(self.theme_row, np.arange(len(self.doc_key) + 1)),
            "cell_theme_assigned": _matrix(cell_of_row, self.theme_id, self.theme_assigned, n_cells,
                                           n_themes),
            "cell_theme_hits": _matrix(cell_of_row, self.theme_id, self.theme_hits, n_cells, n_themes),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    def select(self, f: Filters, *, search: np.ndarray | None = None) -> Selection:
        """The :class:`Selection` of ``f``; the last few are kept (a view asks several queries)."""
        selection = self._selections.get(f)
        if selection is None:
            keep = self.mask(f, search=search)
            selection = Selection(keep, np.bincount(self.cell[keep], minlength=len(self.cells)))
            self._selections[f] = selection
            while len(self._selections) > 4:
                self._selections.popitem(last=False)
        return selection

    def codes(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """A column of ``cells`` factorized: each cell's code number (-1 if missing) and the codes."""
        found = self._pairs.get(column)
        if found is None:
            numbers, uniques = pd.factorize(self.cells[column])
            found = self._pairs[column] = (np.asarray(numbers), np.asarray(uniques, dtype=object))
        return found

    def pairs(self, by: str | None, period: str | None, build: Callable[..., CellPairs]) -> CellPairs:
        """The (group, period) pairs of a grouping, made by ``build(self, by, period)`` once."""
        pairs = self._pairs.get((by, period))
        if pairs is None:
            pairs = self._pairs[(by, period)] = build(self, by, period)
        return pairs

    def theme_rows(self, docs: np.ndarray) -> np.ndarray:
        """The theme rows of the given article rows."""
        starts, ends = self.theme_start[docs], self.theme_start[docs + 1]
        lengths = ends - starts
        offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        return np.arange(int(lengths.sum())) + offsets

    @classmethod
    def load(cls, db: Database) -> DocIndex:
        """Read the arrays from the store (about a second for a million articles)."""
        key = f"hash({', '.join(CELL_COLUMNS)})"  # a cell's identity; its ~3,000 values never collide
        docs = db.arrow(f"""SELECT doc_key, coalesce(date - DATE '1970-01-01', {NO_DAY})::INTEGER AS day,
                                   {key} AS cell_hash, coalesce(n_chars, 0) AS n_chars,
                                   coalesce(n_tokens, 0) AS n_tokens FROM articles ORDER BY doc_key""")
        cells = db.frame(f"SELECT DISTINCT {key} AS cell_hash, {', '.join(CELL_COLUMNS)} FROM articles "
                         "ORDER BY cell_hash")
        if cells["cell_hash"].duplicated().any():
            raise RuntimeError("two cells of the store have the same hash; report this as a bug")
        doc_key = docs.column("doc_key").to_numpy()
        themes = db.arrow("SELECT doc_key, theme, n_hits, assigned FROM doc_themes")
        theme_row = np.searchsorted(doc_key, themes.column("doc_key").to_numpy()).astype(np.int32)
        order = np.argsort(theme_row, kind="stable") if np.any(np.diff(theme_row) < 0) else slice(None)
        names, theme_id = _theme_codes(themes.column("theme"))
        return cls(
            doc_key=doc_key,
            day=docs.column("day").to_numpy(),
            cell=np.searchsorted(cells["cell_hash"].to_numpy(np.uint64),
                                 docs.column("cell_hash").to_numpy()).astype(np.int32),
            n_chars=docs.column("n_chars").to_numpy().astype(np.int32),
            n_tokens=docs.column("n_tokens").to_numpy().astype(np.int32),
            cells=cells.drop(columns="cell_hash"),
            theme_row=theme_row[order],
            theme_id=theme_id[order],
            theme_hits=themes.column("n_hits").to_numpy().astype(np.int32)[order],
            theme_assigned=themes.column("assigned").to_numpy(zero_copy_only=False).astype(bool)[order],
            theme_names=names,
            places=db.frame(f"SELECT level, code, name, parent_code "
                            f"FROM {places_source(db.aggregates_fresh)}"),
        )

    def mask(self, f: Filters, *, search: np.ndarray | None = None) -> np.ndarray:
        """Which articles pass ``f`` (``search``: the sorted keys of articles containing ``f.search``)."""
        keep = np.ones(len(self.doc_key), dtype=bool)
        if f.date_from is not None or f.date_to is not None:
            keep &= self.day != NO_DAY
        if f.date_from is not None:
            keep &= self.day >= (f.date_from - _EPOCH).days
        if f.date_to is not None:
            keep &= self.day <= (f.date_to - _EPOCH).days
        cells = np.ones(len(self.cells), dtype=bool)
        if f.places:
            cells &= self.cells[f"{f.level}_code"].isin(f.places).to_numpy()
        if f.outlets:
            cells &= self.cells["outlet"].isin(f.outlets).to_numpy()
        if not cells.all():
            keep &= cells[self.cell]
        if f.themes:
            wanted = np.isin(self.theme_names, f.themes)
            rows = self.theme_row[self.theme_assigned & wanted[self.theme_id]] if len(wanted) else []
            themed = np.zeros(len(self.doc_key), dtype=bool)
            themed[rows] = True
            keep &= themed
        if search is not None:
            found = np.zeros(len(self.doc_key), dtype=bool)
            found[np.searchsorted(self.doc_key, search)] = True
            keep &= found
        return keep

    def cell_values(self, column: str) -> np.ndarray:
        """A column of ``cells`` as an object array (None for missing)."""
        values = self.cells[column].astype(object).to_numpy()
        return np.where(pd.isna(values), None, values)


def _theme_codes(column: pa.ChunkedArray) -> tuple[list[str], np.ndarray]:
    """The sorted distinct theme ids of ``column`` and each row's position among them."""
    encoded = (column.combine_chunks() if len(column) else pa.array([], pa.string())).dictionary_encode()
    names = encoded.dictionary.to_pylist()
    rank = np.argsort(np.argsort(np.asarray(names, dtype=object))) if names else np.zeros(0, np.int64)
    return sorted(names), rank[encoded.indices.to_numpy(zero_copy_only=False)].astype(np.int32)


@dataclass(frozen=True)
class CellPairs:
    """The (group, period) pairs of a grouping of the cells, for theme counts.

    Attributes:
        of_cell: each cell's pair.
        size: how many pairs.
        order: the pairs in display order (group, then period; ``未知`` last).
        groups, periods, codes: each pair's group name, period label and group code.
    """

    of_cell: np.ndarray
    size: int
    order: np.ndarray
    groups: pa.Array
    periods: pa.Array
    codes: pa.Array


@dataclass(frozen=True)
class Selection:
    """The articles that pass a filter: a mask over the articles and their count per cell."""

    keep: np.ndarray
    per_cell: np.ndarray


def _matrix(
    rows: np.ndarray, columns: np.ndarray, values: np.ndarray, n_rows: int, n_columns: int
) -> np.ndarray:
    """Sum ``values`` into an ``n_rows`` x ``n_columns`` integer matrix."""
    flat = np.bincount(rows * n_columns + columns, weights=values, minlength=n_rows * n_columns)
    return flat.astype(np.int64).reshape(n_rows, n_columns)


_EPOCH = pd.Timestamp("1970-01-01").date()
