"""The store commands: ``ingest``, ``resegment`` and ``store-info``.

``govthemes ingest PATH... --store DIR`` loads the inputs (the same options as
``articles``), analyses only the articles the store has not seen, and prints a summary;
``--report FILE`` writes the load reports. An interrupted ingest loses at most the batch
in progress: run the same command again and it goes on.

When the user dictionary, stopwords or theme file change, stored articles keep the
versions they were made with (``store-info`` lists them) until ``govthemes resegment
--store DIR`` (or ``ingest --resegment``) analyses them again from their stored text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from analysis.cli import (
    COMMANDS,
    UsageError,
    save_reports,
    say,
    say_problems,
)
from analysis.cli_options import add_input_options, add_lang_option, options_from_args
from analysis.loading.inputs import empty_folders
from analysis.messages import Lang
from analysis.report import summarize_reports


def add_store_options(parser: argparse.ArgumentParser, *, inputs: bool) -> None:
    """``--store`` (required), ``--workers`` and ``--scheduler``; the input options if ``inputs``.

    With the inputs, ``--workers`` (one of them) also says how many processes read the files.
    """
    if inputs:
        added = {action.dest: action for action in add_input_options(parser, outputs=False)}
        added["store"].help, added["store"].required = "help_store_update", True
        added["workers"].help = "help_ingest_workers"
    else:
        parser.add_argument("--store", metavar="DIR", required=True, help="help_store_folder")
        add_lang_option(parser, report=False)
        parser.add_argument("--workers", type=int, metavar="N", help="help_workers")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="help_scheduler")
    parser.add_argument("--batch-size", type=int, default=None, metavar="N",
                        help="help_batch_size")


def add_store_info_options(parser: argparse.ArgumentParser) -> None:
    """Options of ``govthemes store-info``: the store folder."""
    parser.add_argument("--store", metavar="DIR", required=True, help="help_store_folder")
    add_lang_option(parser, report=False)


def add_ingest_options(parser: argparse.ArgumentParser) -> None:
    """Options of ``govthemes ingest``."""
    add_store_options(parser, inputs=True)
    parser.add_argument("--resegment", action="store_true",
                        help="help_resegment_option")


def cmd_ingest(args: argparse.Namespace) -> int:
    """``govthemes ingest``: load PATHs and add their new articles to the store."""
    from analysis.store import ingest_paths

    if not args.paths and not args.resegment:
        raise UsageError("usage_no_paths_to_ingest")
    if empty_folders(args.paths):  # said before the store is made, not after an empty run
        say("cli_no_files", args.lang, paths=", ".join(args.paths))
        return 2
    options = options_from_args(args)
    with _open(args, create=True) as store, _progress_bar() as progress, _store_errors():
        result = ingest_paths(store, args.paths, options, workers=args.workers, scheduler=args.scheduler,
                              progress=progress, resegment=args.resegment, batch_size=args.batch_size,
                              split_paragraphs=args.split == "paragraphs")
        stale = 0 if args.resegment else store.stale_articles()
    save_reports(result.reports, args.report)
    loaded = summarize_reports(result.reports)
    _print_summary(result.summary, args.store, args.lang, files=loaded)
    say_problems(result.reports, args.lang)
    if stale:
        say("cli_stale_articles", args.lang, stale=stale, store=args.store)
    if args.paths and not loaded["files"]:
        say("cli_no_files", args.lang, paths=", ".join(args.paths))
        return 2
    return 2 if loaded["files"] and loaded["articles"] == 0 and not args.resegment else 0


def cmd_resegment(args: argparse.Namespace) -> int:
    """``govthemes resegment``: analyse again the stored articles made with other data files."""
    with _open(args) as store, _progress_bar() as progress, _store_errors():
        summary = store.resegment(workers=args.workers, scheduler=args.scheduler, progress=progress)
    _print_summary(summary, args.store, args.lang)
    return 0


def cmd_store_info(args: argparse.Namespace) -> int:
    """``govthemes store-info``: sizes, versions, runs and pre-aggregation state, as JSON."""
    with _open(args, read_only=True) as store:
        print(json.dumps(store.info(), ensure_ascii=False, indent=2, default=str))
    return 0


def _open(args: argparse.Namespace, *, read_only: bool = False, create: bool = False):
    """Open ``--store``; only ``ingest`` (``create``) makes a store that is not there yet."""
    from analysis.store import StoreError, open_store

    _require_store(args)
    try:
        return open_store(args.store, read_only=read_only, create=create)
    except StoreError as exc:
        raise UsageError(exc.code, **exc.params) from exc


@contextmanager
def _store_errors() -> Iterator[None]:
    """Report a store's refusal (read-only, other data files on workers) as a usage error."""
    from analysis.store import StoreError

    try:
        yield
    except StoreError as exc:
        raise UsageError(exc.code, **exc.params) from exc


def _require_store(args: argparse.Namespace) -> None:
    if not args.store:
        raise UsageError("usage_no_store")


class _progress_bar:
    """A tqdm bar on stderr, given to ingest as its progress callback."""

    def __enter__(self) -> Callable[[int, int | None], None]:
        from tqdm import tqdm

        self.bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)

        def update(done: int, total: int | None) -> None:
            if total is not None and self.bar.total != total:
                self.bar.total = total
                self.bar.refresh()
            self.bar.update(done - self.bar.n)

        return update

    def __exit__(self, *exc: object) -> None:
        self.bar.close()


def _print_summary(summary, store: str, lang: Lang, *, files: dict | None = None) -> None:
    """One line on stderr: what the run added, skipped and re-analysed, and how fast."""
    counts = {"new": summary.new, "skipped": summary.skipped_existing, "resegmented": summary.resegmented,
              "duplicates": summary.duplicates, "megabytes": summary.megabytes, "seconds": summary.seconds,
              "rate": summary.megabytes / summary.seconds if summary.seconds else 0.0, "store": store}
    if files:
        say("cli_ingest_summary", lang, files=files["files"], loaded=files["loaded"],
            partial=files["partial"], failed=files["failed"], **counts)
    else:
        say("cli_store_summary", lang, **counts)


COMMANDS["ingest"] = ("help_cmd_ingest", add_ingest_options, cmd_ingest)
COMMANDS["resegment"] = ("help_cmd_resegment",
                         lambda parser: add_store_options(parser, inputs=False), cmd_resegment)
COMMANDS["store-info"] = ("help_cmd_store_info", add_store_info_options, cmd_store_info)
