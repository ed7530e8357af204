"""The ``govthemes`` command line.

``govthemes articles PATH...`` writes the articles table; ``keywords`` and ``themes`` write
the analysis tables; ``kwic``, ``slogans``, ``keyness`` and ``cooccurrence`` explore them;
``ingest`` builds or updates a store. Every command takes the same
input options. A user's mistake (a missing file, a bad date, an unknown column) ends with
a one-line message and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TextIO

import pandas as pd

from analysis.cli_errors import ArgumentsRefused, UsageError, lang_in_arguments
from analysis.cli_options import (
    add_lang_option,
    check_output_paths,
    check_positive,
    default_lang,
    ignored_with_store,
    options_from_args,
)
from analysis.cli_parser import TranslatingParser, help_text
from analysis.loading import LoadResult, load_articles
from analysis.loading.bundles import count_bundle_splits
from analysis.loading.repeats import count_repeats_once
from analysis.messages import CodedError, Lang, builtin_catalog, render
from analysis.output import write_reports, write_table
from analysis.paths import DATA_ENV, ConfigFileError
from analysis.report import FileReport, summarize_reports


class NothingLoaded(Exception):
    """No input gave an article; the reasons are already on stderr."""


def say(code: str, lang: Lang, **params: object) -> None:
    """Print one message of the catalog on stderr, in ``lang``."""
    print(render(code, params, lang), file=sys.stderr)


def say_problems(reports: Sequence[FileReport], lang: Lang, *, per_file: int = 3) -> None:
    """Print the first reasons of every input file that was not wholly loaded, in ``lang``.

    A file that failed also gets its file-wide warnings (a text column empty in every
    record while another holds text): they say what to do about the reasons above them.
    """
    for report in reports:
        hints = [p for p in report.warnings if p.line is None] if report.status == "failed" else []
        for problem in [*report.errors[:per_file], *hints]:
            say("cli_file_problem", lang, status=report.status, source=report.source,
                where=f":{problem.line}" if problem.line else "", message=problem)


def say_unknown_columns(reports: Sequence[FileReport], lang: Lang) -> None:
    """Say once which ``--columns`` names no input file has: the analyst's own option went unused.

    The reports name them file by file; stderr gets one line per distinct set, with the
    number of files, so a typo in the option is seen without opening the report.
    """
    files_by_columns: Counter[str] = Counter()
    for report in reports:  # a workbook counts once, however many of its sheets lack the columns
        files_by_columns.update({str(p.params.get("columns", "")) for p in report.skipped
                                 if p.code == "unknown_columns"})
    for columns, files in files_by_columns.items():
        say("cli_unknown_columns", lang, columns=columns, files=files)


def check_store_inputs(args: argparse.Namespace) -> None:
    """With ``--store``: refuse PATHs, and note the input options a store cannot honour.

    A store holds the articles as ingested (dates, places, paragraphs settled then), so
    PATHs given beside it would be silently passed over, and so would ``--edition-date``,
    ``--split`` and the other input options: the analyst is told rather than left to find
    out from the numbers.
    """
    if args.paths:
        raise UsageError("usage_paths_and_store")
    ignored = ignored_with_store(args)
    if ignored:
        say("cli_store_ignores", args.lang, options=", ".join(ignored))


def load_from_args(args: argparse.Namespace) -> LoadResult:
    """Load the inputs, write the report if asked, and print a summary to stderr."""
    if not args.paths:
        raise UsageError("usage_no_paths")
    loaded = load_articles(args.paths, options_from_args(args), workers=args.workers)
    result, repeats = count_repeats_once(loaded)
    save_reports(result.reports, args.report)
    summary = summarize_reports(result.reports)
    lang = args.lang
    say("cli_summary", lang, articles=summary["articles"], files=summary["files"],
        loaded=summary["loaded"], partial=summary["partial"], failed=summary["failed"])
    if repeats:
        say("cli_repeats", lang, repeats=repeats)
    split, stories = count_bundle_splits(result.reports)
    if split:
        say("cli_bundles", lang, records=split, stories=stories)
    say_unknown_columns(result.reports, lang)
    say_problems(result.reports, lang)
    if result.articles.empty:
        if not summary["files"]:
            say("cli_no_files", lang, paths=", ".join(args.paths))
        elif args.report:
            say("cli_nothing_loaded_report", lang, files=summary["files"], report=args.report)
        else:
            say("cli_nothing_loaded", lang, files=summary["files"])
        raise NothingLoaded
    return result


STORE_WRITERS = ("ingest", "resegment")
"""Commands that write a store: interrupted, they say what the store holds and how to go on."""
def open_output(path: str | None, *, fmt: str = "jsonl") -> nullcontext[TextIO] | TextIO:
    """The output stream: a file when ``--output`` is given, else stdout.

    A CSV file starts with a UTF-8 byte-order mark, without which Excel on a Chinese
    Windows reads it as GBK and shows mojibake; stdout (a pipe, another program) gets none.
    """
    if path is None:
        return nullcontext(sys.stdout)
    return Path(path).open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="")


def write_output(table: pd.DataFrame, args: argparse.Namespace) -> None:
    """Write a command's table where ``--output`` says (stdout by default), in ``--format``."""
    with writing("--output", args.output), open_output(args.output, fmt=args.format) as stream:
        write_table(table, stream, fmt=args.format)


def save_reports(reports: list[FileReport], path: str | None) -> None:
    """Write the load reports where ``--report`` says, if it was given."""
    if path:
        with writing("--report", path):
            write_reports(reports, path)


@contextmanager
def writing(option: str, path: str | None) -> Iterator[None]:
    """Name the option and the file when writing it fails (a full disk, a folder one may not write)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        if path is None:  # stdout
            raise
        raise CodedError("cannot_write", option=option, path=path, detail=exc.strerror or str(exc)) from exc


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[..., int]]] = {}
"""Subcommands: name → (catalog code of its help, add options, handler). Modules add theirs on import."""


def build_parser(lang: Lang = "en") -> argparse.ArgumentParser:
    """The argument parser with every registered command, its help in ``lang``."""
    parser = TranslatingParser(prog="govthemes", description=help_text("help_govthemes", lang), lang=lang)
    parser.add_argument("--version", action="version", version=f"govthemes {_version()}", help="help_version")
    add_lang_option(parser, report=False)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_code, add_options, handler) in COMMANDS.items():
        command = sub.add_parser(name, help=help_code, description=help_text(help_code, lang), lang=lang)
        add_options(command)
        command.set_defaults(handler=handler)
    return parser


def _version() -> str:
    """The installed package's version, or ``unknown`` when run from a checkout not installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("govthemes")
    except PackageNotFoundError:
        return "unknown"


def missing_data_folder() -> str | None:
    """The ``GOVTHEMES_DATA`` folder when it is set but is no folder, else None.

    Every message, the help included, is worded from the catalog in that folder, so this
    is checked first and said with the catalog that ships with the code.
    """
    folder = os.environ.get(DATA_ENV)
    return folder if folder and not Path(folder).is_dir() else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    _register_commands()
    arguments = list(sys.argv[1:] if argv is None else argv)
    asked_lang = lang_in_arguments(arguments, default_lang())
    folder = missing_data_folder()
    if folder is not None:
        print(render("cli_data_folder_missing", {"folder": folder}, asked_lang, catalog=builtin_catalog()),
              file=sys.stderr)
        return 2
    parser = build_parser(asked_lang)
    try:
        args = parser.parse_args(arguments)
    except ArgumentsRefused as refused:
        say("cli_refused", asked_lang, error=refused.usage_error().render(asked_lang),
            prog=_help_prog(refused.parser.prog, arguments))
        return 2
    lang: Lang = asked_lang
    args.lang = lang  # the last --lang, before the command or after it
    try:
        check_positive(args)
        check_output_paths(args)
        return args.handler(args)
    except NothingLoaded:
        return 2
    except UsageError as exc:
        say("cli_error", lang, error=exc.render(lang))
        return 2
    except ConfigFileError as exc:  # before OSError: a missing configuration file is both
        say("cli_config_error", lang, error=exc.render(lang))
        return 2
    except CodedError as exc:  # e.g. a --store that is no store, or one another process holds
        say("cli_error", lang, error=exc.render(lang))
        return 2
    except BrokenPipeError:  # the reader went away (``| head``): not an error to report
        quiet_stdout()
        return 1
    except OSError as exc:
        say("cli_error", lang, error=f"{exc.strerror or exc}: {exc.filename or ''}")
        return 2
    except KeyboardInterrupt:
        if args.command in STORE_WRITERS:  # a store keeps the batches already written, each whole
            say("cli_interrupted_store", lang, store=args.store)
        else:
            say("cli_interrupted", lang)
        return 130


def _help_prog(prog: str, arguments: Sequence[str]) -> str:
    """The command whose ``--help`` lists what was refused: the subcommand once one is named.

    argparse refuses leftover arguments (``articles x --bogus``) at the top level, although
    the options the user wants are the subcommand's.
    """
    named = next((argument for argument in arguments if argument in COMMANDS), None)
    return f"govthemes {named}" if prog == "govthemes" and named else prog


def quiet_stdout() -> None:
    """Point stdout at the null device, so Python's flush at exit meets no broken pipe again."""
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (a test's capture)
        pass
    finally:
        os.close(null)


def _register_commands() -> None:
    """Import the modules that add commands (articles, keywords, themes; ingest; kwic and the others)."""
    import importlib

    importlib.import_module("analysis.cli_analysis")
    importlib.import_module("analysis.cli_store")
    importlib.import_module("analysis.cli_explore")


if __name__ == "__main__":
    # Run the imported module's main: commands register in analysis.cli.COMMANDS, not in
    # this __main__ copy of the module (python -m analysis.cli would list no command).
    from analysis import cli

    sys.exit(cli.main())
