"""Which version of the loaders made a store's articles, and what an older one means.

The store's ``meta`` table holds ``loader_version``: the :data:`~analysis.schema.LOADER_VERSION`
of the loaders whose articles it holds. A store made before it was recorded holds
version ``1``: news bundles (联播快讯, 简讯) were loaded as one article, where today's
loaders give one article per story (``<id>#1``, ``<id>#2``…). Ingesting the same files
into such a store would keep each whole bundle beside its stories, every story counted
twice, and stored text cannot be split again as the loader splits its input (dates,
places and ids come from the record). So before an ingest (:func:`check_loader_version`):

* a store of the current version goes on;
* an older store that holds none of the articles the change touches (no article titled
  as a bundle, :func:`whole_bundles`) is marked current and goes on;
* an older store that holds some is refused, naming how many and one of them, with the
  command that rebuilds it from its input files.

A reader of the store (the dashboard) asks :func:`loader_version_error` for the same
verdict without writing, and shows it as a warning with the rebuild command.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analysis.schema import LOADER_VERSION
from analysis.store.schema import StoreError, get_meta, set_meta

UNRECORDED_VERSION = "1"
"""The loader version of a store that records none: made before bundles were split."""


def store_loader_version(con: duckdb.DuckDBPyConnection) -> str:
    """The loader version of the store's articles (:data:`UNRECORDED_VERSION` if it records none)."""
    return get_meta(con, "loader_version") or UNRECORDED_VERSION


def check_loader_version(con: duckdb.DuckDBPyConnection, *, store: str) -> None:
    """Let an ingest go on only into a store whose articles today's loaders would make alike.

    Args:
        con: the store's connection (writable).
        store: the store folder, named in the message.

    Raises:
        StoreError: ``store_loader_old`` when the store holds whole bundles that today's
            loaders split (rebuild it), ``store_loader_newer`` when a newer govthemes
            made it (or its recorded version is no number this one knows).
    """
    error = loader_version_error(con, store=store)
    if error is not None:
        raise error
    if store_loader_version(con) != LOADER_VERSION:
        set_meta(con, loader_version=LOADER_VERSION)


def loader_version_error(con: duckdb.DuckDBPyConnection, *, store: str) -> StoreError | None:
    """Why today's loaders would not make this store's articles alike, or None; writes nothing.

    For an ingest (:func:`check_loader_version`) and for a reader that opens the store
    read-only and should say so (the dashboard), with the same counts and command.

    Args:
        con: the store's connection (read-only is enough).
        store: the store folder, named in the message.

    Returns:
        ``store_loader_newer`` or ``store_loader_old`` (see :func:`check_loader_version`);
        None for a store of the current loaders or an older one holding no whole bundle.
    """
    found = store_loader_version(con)
    if found == LOADER_VERSION:
        return None
    if not found.isdigit() or int(found) > int(LOADER_VERSION):  # not ours to read: unknown or newer
        return StoreError("store_loader_newer", found=found, expected=LOADER_VERSION)
    outdated = whole_bundles(con)
    if outdated.empty:
        return None
    first = outdated.iloc[0]
    return StoreError("store_loader_old", found=found, expected=LOADER_VERSION, n=len(outdated),
                      title=first["title"], source=first["source"], store=store)


def whole_bundles(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The stored articles titled as news bundles (``data/bundle_titles.txt``).

    In a store of loaders of version 1, these are bundles loaded whole. Every one counts,
    though today's loaders keep a few whole (``bundle_not_split``): the stored text has
    lost the markup that told some sub-headlines (a bold line) from text, so which of them
    the loaders would split cannot be told from it.

    Returns:
        ``doc_id``, ``title``, ``source`` of each, by ``doc_key``.
    """
    from analysis.loading.bundles import load_bundle_titles

    pattern = load_bundle_titles()
    stored = con.execute("SELECT DISTINCT title FROM articles WHERE title IS NOT NULL").fetchall()
    titles = [title for (title,) in stored if pattern.fullmatch(title.strip())]
    return con.execute("SELECT doc_id, title, source FROM articles WHERE list_contains(?, title) "
                       "ORDER BY doc_key", [titles]).df()
