"""Imported by the worker fork server: build the default analyzer once, before any fork.

Every worker process is forked from the fork server (:mod:`.parallel`), so a worker
started after this module ran already holds the analyzer for the default data files in
:func:`analysis.store.analyzer.worker_analyzer`'s cache and starts at once, instead of
spending a fifth of a second per worker building it. A run with other files (another
user dictionary, say) simply builds its own in each worker, as before.
"""

from __future__ import annotations

import contextlib

from analysis.store.analyzer import AnalyzerConfig, worker_analyzer

with contextlib.suppress(Exception):  # a broken data file is reported by the ingest itself
    worker_analyzer(AnalyzerConfig.default())
