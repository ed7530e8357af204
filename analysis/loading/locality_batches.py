"""Places of the articles resolved while the files are still being read.

Resolving an article's place reads only that article (and the corpus's province, given
up front), so this process resolves the articles of the files read so far, in batches,
while the workers (:mod:`.parallel_files`) read the next ones: the two overlap instead of
following each other. An article whose text changed afterwards (a continued article
joined with its rest, :mod:`.continuations`) is resolved again, so the places are those
:func:`~analysis.loading.enrich.build_articles_table` would find for the final articles.
"""

from __future__ import annotations

import pandas as pd

from analysis.loading.enrich import resolve_places
from analysis.loading.raw import RawArticle
from analysis.places import LOCALITY_COLUMNS

BATCH_ARTICLES = 200
"""Articles resolved together: the table each batch builds costs little next to them, and
the workers' queue (:data:`~analysis.loading.parallel_files.IN_FLIGHT_PER_WORKER`) lasts longer."""


class LocalityBatches:
    """The place of each article added, resolved a batch at a time.

    Args:
        province: the corpus's province (``--province``), for every article.
    """

    def __init__(self, *, province: str | None) -> None:
        self.province = province
        self._waiting: list[RawArticle] = []
        self._found: dict[int, tuple[str, tuple]] = {}  # id(article) → (text resolved, its places)

    def add(self, raws: list[RawArticle]) -> None:
        """Take one file's articles; resolve the waiting ones once a batch is full."""
        self._waiting.extend(raws)
        if len(self._waiting) >= BATCH_ARTICLES:
            self._resolve(self._waiting)
            self._waiting = []

    def table(self, raws: list[RawArticle]) -> pd.DataFrame:
        """The places of ``raws`` (the articles added, after joining), one row each, in order.

        Returns:
            A table with the columns :data:`~analysis.places.LOCALITY_COLUMNS`.
        """
        self._resolve(self._waiting)
        self._waiting = []
        self._resolve([raw for raw in raws if self._stale(raw)])
        rows = [self._found[id(raw)][1] for raw in raws]
        return pd.DataFrame(rows, columns=list(LOCALITY_COLUMNS))

    def _stale(self, raw: RawArticle) -> bool:
        found = self._found.get(id(raw))
        return found is None or found[0] is not raw.text

    def _resolve(self, raws: list[RawArticle]) -> None:
        if not raws:
            return
        places = resolve_places(raws, province=self.province)
        for raw, row in zip(raws, places.itertuples(index=False, name=None), strict=True):
            self._found[id(raw)] = (raw.text, row)
