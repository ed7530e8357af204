"""The options the ``govthemes`` commands share, and the checks made before any input is read.

Every command takes the same input options (PATH, ``--store``, ``--edition-date`` …) and the
same ``--lang``; a count of zero, an output file that cannot be written or a province that
does not exist is refused here, before a corpus is loaded and analysed for nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import re
from collections.abc import Sequence
from pathlib import Path

from analysis.cli_errors import UsageError
from analysis.loading import LoadOptions
from analysis.loading.columns import ColumnMappingError, parse_column_mapping
from analysis.loading.options import DEFAULT_MAX_PDF_SECONDS
from analysis.loading.plausible_dates import EARLIEST_DATE, is_plausible, latest_date
from analysis.messages import Lang

LANG_ENV = "GOVTHEMES_LANG"
"""The environment variable that sets the language of the messages (``zh`` or ``en``)."""


def default_lang() -> Lang:
    """``zh`` when ``GOVTHEMES_LANG=zh``, else ``en``: scripts get the same words everywhere."""
    return "zh" if os.environ.get(LANG_ENV, "").strip().lower().startswith("zh") else "en"


def _date(value: str) -> dt.date:
    """An ``--edition-date``: a day of the calendar, from 1 October 1949 to tomorrow.

    ``2024-02-30`` is written like a date but names no day, and ``1850-01-01`` or
    ``2999-01-01`` no day a news item appeared: each is refused with what was expected.
    """
    try:
        date = dt.date.fromisoformat(value)
    except ValueError as exc:
        if re.fullmatch(r"\d{4}-?\d{2}-?\d{2}", value.strip()):
            raise argparse.ArgumentTypeError(f"{value!r} is no day of the calendar") from exc
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2024-06-14") from exc
    if not is_plausible(date):
        raise argparse.ArgumentTypeError(
            f"{value!r} is outside the dates news can have, {EARLIEST_DATE} to {latest_date()}")
    return date


def add_input_options(parser: argparse.ArgumentParser, *, outputs: bool = True) -> list[argparse.Action]:
    """The input options every command shares (``outputs=False``: without --format/--output).

    Returns:
        The options added, PATH and ``--store`` first (``--lang`` and the outputs not
        included): what a store cannot honour is read from them.
    """
    added = [
        parser.add_argument("paths", nargs="*", metavar="PATH", help="help_paths"),
        parser.add_argument("--store", metavar="DIR", help="help_store_read"),
        parser.add_argument("--edition-date", type=_date, metavar="YYYY-MM-DD", help="help_edition_date"),
        parser.add_argument("--province", metavar="NAME", help="help_province"),
        parser.add_argument("--columns", metavar="MAP", help="help_columns"),
        parser.add_argument("--outlet", metavar="NAME", help="help_outlet"),
        parser.add_argument("--max-file-mb", type=float, default=200, metavar="MB", help="help_max_file_mb"),
        parser.add_argument("--max-pdf-seconds", type=float, default=DEFAULT_MAX_PDF_SECONDS, metavar="S",
                            help="help_max_pdf_seconds"),
        parser.add_argument("--split", choices=["articles", "paragraphs"], default="articles",
                            help="help_split"),
        parser.add_argument("--report", metavar="FILE", help="help_report"),
        parser.add_argument("--workers", type=int, metavar="N", help="help_load_workers"),
    ]
    add_lang_option(parser)
    if outputs:
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", help="help_format")
        parser.add_argument("--output", "-o", metavar="FILE", help="help_output")
    return added


def add_lang_option(parser: argparse.ArgumentParser, *, report: bool = True) -> None:
    """``--lang zh|en``: the language of what the command prints on stderr.

    Its help says the ``--report`` file holds both languages only where there is one.
    """
    parser.add_argument("--lang", choices=["zh", "en"], default=default_lang(),
                        help="help_lang" if report else "help_lang_no_report")


def options_from_args(args: argparse.Namespace) -> LoadOptions:
    """Build load options from parsed arguments."""
    try:
        columns = parse_column_mapping(args.columns)
    except ColumnMappingError as exc:
        raise UsageError(exc.code, **exc.params) from exc
    check_province(args.province)
    return LoadOptions(edition_date=args.edition_date, province=args.province, columns=columns,
                       outlet=args.outlet, max_file_mb=args.max_file_mb, max_pdf_seconds=args.max_pdf_seconds)


def check_province(province: str | None) -> None:
    """Refuse a ``--province`` that names no province before any file is read."""
    if not province:
        return
    from analysis.places import load_gazetteer
    from analysis.places.province import ProvinceHintError, hint_province

    try:
        hint_province(province, gazetteer=load_gazetteer())
    except ProvinceHintError as exc:
        raise UsageError(exc.code, **exc.params) from exc


def ignored_with_store(args: argparse.Namespace) -> list[str]:
    """The input options given a value other than their default (``--split paragraphs``), in order."""
    options = add_input_options(argparse.ArgumentParser(add_help=False), outputs=False)
    return [action.option_strings[0] for action in options
            if action.option_strings and action.dest != "store"
            and getattr(args, action.dest, action.default) != action.default]


POSITIVE_OPTIONS = {"top": "--top", "workers": "--workers", "batch_size": "--batch-size",
                    "max_file_mb": "--max-file-mb", "max_pdf_seconds": "--max-pdf-seconds",
                    "limit": "--limit", "window": "--window", "min_count": "--min-count",
                    "min_frequency": "--min-frequency"}
"""The options that take a count, a size or a time, by their ``dest``: zero or less means nothing."""


def check_positive(args: argparse.Namespace) -> None:
    """Refuse a count, size or time of zero or less (``--workers 0``) or not finite (``nan``).

    Checked before any input is read.
    """
    for dest, option in POSITIVE_OPTIONS.items():
        value = getattr(args, dest, None)
        if isinstance(value, int) and value <= 0:
            raise UsageError("usage_not_positive_int", option=option, value=value)
        if value is not None and not (math.isfinite(value) and value > 0):
            raise UsageError("usage_not_positive", option=option)


OUTPUT_OPTIONS = {"output": "--output", "report": "--report"}
"""The options naming a file the command writes, by their ``dest``."""


def check_output_paths(args: argparse.Namespace) -> None:
    """Refuse an ``--output`` or ``--report`` that cannot be written, before any input is read.

    A folder given as the file, or a file in a folder that does not exist, would otherwise
    be found only after the whole corpus was loaded and analysed; an input file given as
    the file would be overwritten by its own articles.
    """
    for dest, option in OUTPUT_OPTIONS.items():
        value = getattr(args, dest, None)
        if not value:
            continue
        path = Path(value)
        if path.is_dir():
            raise UsageError("usage_output_is_folder", option=option, path=value)
        if not path.parent.is_dir():
            folder = str(path.parent)
            raise UsageError("usage_output_folder_missing", option=option, path=value, folder=folder)
        if path.is_file() and _is_input(path, getattr(args, "paths", None) or []):
            raise UsageError("usage_output_is_input", option=option, path=value)


def _is_input(path: Path, inputs: Sequence[str]) -> bool:
    """Whether a file is one of the inputs, or in an input folder: writing it would destroy the data read."""
    target = path.resolve()
    return any(target.is_relative_to(Path(given).resolve()) for given in inputs)
