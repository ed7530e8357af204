"""The exploring commands: ``kwic``, ``slogans``, ``keyness`` and ``cooccurrence``.

What the dashboard's keyword tab and article reader show, for an analyst who works in a
script or a notebook: the contexts of a term with the articles they come from, the
slogans with where and when they appear, what sets one place or period apart, and which
keywords go together. Each reads PATHs (the loaders) or a store (``--store DIR``); the
store route never segments again (tokens and slogans were kept at ingest).
"""

from __future__ import annotations

import argparse

from analysis.cli import COMMANDS, check_store_inputs, load_from_args, say, write_output
from analysis.cli_analysis import (
    KEYWORD_GROUPS,
    LEVELS,
    add_names_option,
    articles_with_themes,
    name_terms,
    say_long_in_themes,
    segmented_articles,
    tokens_for,
)
from analysis.cli_errors import UsageError
from analysis.cli_options import add_input_options

KWIC_OUTPUT = ["doc_id", "date", "locality", "title", "field", "left", "match", "right", "position"]
SLOGAN_OUTPUT = ["slogan", "n_mentions", "n_articles", "first_date", "last_date", "n_groups", "groups"]
KEYNESS_OUTPUT = ["term", "target_frequency", "reference_frequency", "target_total", "reference_total",
                  "g2", "log_ratio", "p_value", "direction"]
COOCCURRENCE_OUTPUT = ["term_a", "term_b", "n_articles", "pmi", "npmi"]
_PLACE_SUFFIXES = "省市州县区盟旗"


def add_kwic_options(parser: argparse.ArgumentParser) -> None:
    """Options of ``govthemes kwic TERM PATH...``."""
    parser.add_argument("term", metavar="TERM", help="help_kwic_term")
    add_input_options(parser)
    parser.add_argument("--window", type=int, default=20, metavar="N", help="help_kwic_window")
    parser.add_argument("--limit", type=int, default=500, metavar="N", help="help_kwic_limit")


def cmd_kwic(args: argparse.Namespace) -> int:
    """``govthemes kwic``: every occurrence of TERM with its context and its article."""
    from analysis.kwic import kwic

    term = args.term.strip()
    if not term:
        raise UsageError("usage_kwic_empty_term")
    if args.store:
        from analysis.store import open_store

        check_store_inputs(args)
        with open_store(args.store, read_only=True) as store:
            lines = store.kwic(term=term, window=args.window, limit=args.limit + 1)
            meta = store.articles_by_id(list(dict.fromkeys(lines["doc_id"].head(args.limit))))
    else:
        meta = load_from_args(args).articles
        lines = kwic(meta, term, window=args.window, limit=args.limit + 1)
    if len(lines) > args.limit:  # one more was asked for, to know that there are more
        say("cli_kwic_limited", args.lang, limit=args.limit)
        lines = lines.head(args.limit)
    say("cli_kwic_found", args.lang, n=len(lines), articles=lines["doc_id"].nunique(), term=term)
    meta = meta[["doc_id", "date", "locality", "title"]].drop_duplicates("doc_id").astype({"doc_id": str})
    table = lines.astype({"doc_id": str}).merge(meta, on="doc_id", how="left")
    write_output(table[KWIC_OUTPUT], args)
    return 0


def add_slogan_options(parser: argparse.ArgumentParser) -> None:
    """Options of ``govthemes slogans``."""
    add_input_options(parser)
    parser.add_argument("--by", choices=LEVELS, default="prefecture", help="help_slogans_by")
    parser.add_argument("--top", type=int, default=100, metavar="N", help="help_slogans_top")


def cmd_slogans(args: argparse.Namespace) -> int:
    """``govthemes slogans``: each slogan's mentions, articles, first and last date and places."""
    if args.store:
        from analysis.store import open_store

        check_store_inputs(args)
        with open_store(args.store, read_only=True) as store:
            table = store.slogans(by=args.by)
    else:
        from analysis.slogans import find_slogans, summarize_slogans

        articles = load_from_args(args).articles
        table = summarize_slogans(find_slogans(articles), articles=articles, by=args.by)
    write_output(table[SLOGAN_OUTPUT].head(args.top), args)
    return 0


def add_keyness_options(parser: argparse.ArgumentParser) -> None:
    """Options of ``govthemes keyness``."""
    add_input_options(parser)
    parser.add_argument("--by", choices=KEYWORD_GROUPS, required=True, help="help_keyness_by")
    parser.add_argument("--target", required=True, metavar="GROUP", help="help_keyness_target")
    parser.add_argument("--top", type=int, default=50, metavar="N", help="help_keyness_top")
    parser.add_argument("--min-frequency", type=int, default=5, metavar="N", help="help_min_frequency")
    parser.add_argument("--direction", choices=("over", "under", "both"), default="over",
                        help="help_keyness_direction")
    add_names_option(parser)


def cmd_keyness(args: argparse.Namespace) -> int:
    """``govthemes keyness``: the terms that set one group apart from all other articles (G², log ratio)."""
    from analysis.keyness import compute_keyness
    from analysis.periods import assign_groups

    articles = articles_with_themes(args, themes=args.by == "theme")
    grouped = assign_groups(articles, by=args.by).dropna(subset=["group"])
    groups = grouped["group"].astype(str)
    target = match_group(args.target, sorted(set(groups)), by=args.by)
    if target != args.target:
        say("cli_keyness_target", args.lang, given=args.target, target=target)
    if args.by == "theme":
        say_long_in_themes(articles, args.lang)
    tokens = tokens_for(args, articles)
    table = compute_keyness(tokens, articles=articles, by=args.by, target=target,
                            min_frequency=args.min_frequency, direction=args.direction)
    if args.names == "drop":
        table = table[~table["term"].isin(name_terms(args, articles, tokens))]
    write_output(table[KEYNESS_OUTPUT].head(args.top), args)
    return 0


def match_group(given: str, groups: list[str], *, by: str) -> str:
    """The group ``--target`` names: itself, or the one group it is the short form of.

    A place may be given as analysts write it (酒泉 or 酒泉市 for 酒泉市, 临夏 for
    临夏回族自治州); a name that fits no group, or several, is refused with the groups
    there are, so the analyst can pick one.

    Raises:
        UsageError: no group, or more than one, fits ``given``.
    """
    given = given.strip()
    if given in groups:
        return given
    stem = given.rstrip(_PLACE_SUFFIXES) if by in LEVELS else given
    fitting = [g for g in groups if stem and g.startswith(stem)]
    if len(fitting) == 1:
        return fitting[0]
    shown = "、".join((fitting or groups)[:12]) + ("…" if len(fitting or groups) > 12 else "")
    if fitting:
        raise UsageError("usage_target_ambiguous", target=given, groups=shown)
    if not groups:
        raise UsageError("usage_target_no_groups", by=by)
    raise UsageError("usage_target_unknown", target=given, by=by, groups=shown)


def add_cooccurrence_options(parser: argparse.ArgumentParser) -> None:
    """Options of ``govthemes cooccurrence``."""
    add_input_options(parser)
    parser.add_argument("--top", type=int, default=40, metavar="N", help="help_cooccurrence_top")
    parser.add_argument("--min-count", type=int, default=2, metavar="N", help="help_min_count")
    add_names_option(parser)


def cmd_cooccurrence(args: argparse.Namespace) -> int:
    """``govthemes cooccurrence``: pairs of top keywords found in the same articles, with PMI."""
    from analysis.cooccurrence import count_cooccurrence

    _, tokens, names = segmented_articles(args, themes=False)
    table = count_cooccurrence(tokens, top=args.top, min_count=args.min_count, exclude=names)
    write_output(table[COOCCURRENCE_OUTPUT], args)
    return 0


COMMANDS.update({
    "kwic": ("help_cmd_kwic", add_kwic_options, cmd_kwic),
    "slogans": ("help_cmd_slogans", add_slogan_options, cmd_slogans),
    "keyness": ("help_cmd_keyness", add_keyness_options, cmd_keyness),
    "cooccurrence": ("help_cmd_cooccurrence", add_cooccurrence_options, cmd_cooccurrence),
})
