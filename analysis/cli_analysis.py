"""The analysis commands: ``articles`` (with themes), ``keywords`` and ``themes``.

Each reads its articles from PATHs (the loaders) or from a store (``--store DIR``), where
segmentation and theme scores were computed once at ingest.
"""

from __future__ import annotations

import argparse

import pandas as pd

from analysis.charts.phrasing import list_separator
from analysis.cli import (
    COMMANDS,
    check_store_inputs,
    load_from_args,
    say,
    write_output,
)
from analysis.cli_options import add_input_options
from analysis.loading.sections import SPLIT_MIN_CHARS, long_documents, mostly_long
from analysis.messages import Lang
from analysis.theme_dictionary import load_themes
from analysis.themes import assign_themes, count_themes

LEVELS = ("province", "prefecture", "county")
KEYWORD_GROUPS = (*LEVELS, "week", "month", "quarter", "year", "theme")
KEYWORD_COLUMNS = ["group", "term", "frequency", "docfreq", "rate_per_10k", "rank"]
THEME_COLUMNS = ["group", "period", "theme", "n_articles", "share", "n_hits", "group_articles"]


def articles_with_themes(args: argparse.Namespace, *, themes: bool = True) -> pd.DataFrame:
    """The articles of PATHs or of ``--store``, with a ``themes`` column of theme ids.

    ``themes=False``: a command that never reads the themes (co-occurrence, keyness by
    place or period) skips scoring the files' articles; a store has them stored anyway.
    """
    if args.store:
        from analysis.store import load_articles_from_store

        check_store_inputs(args)
        return load_articles_from_store(args.store)
    articles = load_from_args(args).articles
    if getattr(args, "split", "articles") == "paragraphs":
        from analysis.loading.sections import SPLIT_MIN_CHARS, long_documents, split_into_paragraphs

        units = split_into_paragraphs(articles)
        n_long = int(long_documents(articles).sum())
        if n_long:
            say("cli_split", args.lang, articles=len(articles), long=n_long, kept=len(articles) - n_long,
                units=len(units) - (len(articles) - n_long), min_chars=SPLIT_MIN_CHARS)
        else:
            say("cli_split_none", args.lang, articles=len(articles), min_chars=SPLIT_MIN_CHARS)
        articles = units
    return articles.assign(themes=assign_themes(articles, themes=load_themes())) if themes else articles


def tokens_for(args: argparse.Namespace, articles: pd.DataFrame) -> pd.DataFrame:
    """Segmented articles: read from the store, or segmented now (once per article)."""
    if args.store:
        from analysis.store import load_tokens_from_store

        return load_tokens_from_store(args.store)
    from analysis.tokenize import build_tokenizer, tokenize_articles

    return tokenize_articles(articles, tokenizer=build_tokenizer())


def cmd_articles(args: argparse.Namespace) -> int:
    """``govthemes articles``: the articles table with each article's themes."""
    articles = articles_with_themes(args)
    write_output(articles, args)
    return 0


def add_keyword_options(parser: argparse.ArgumentParser) -> None:
    """Options of ``govthemes keywords``."""
    add_input_options(parser)
    parser.add_argument("--by", choices=KEYWORD_GROUPS, help="help_keywords_by")
    parser.add_argument("--top", type=int, default=50, metavar="N", help="help_top")
    add_names_option(parser)


def add_names_option(parser: argparse.ArgumentParser) -> None:
    """``--names drop|keep``: whether place and person names count among the top terms."""
    parser.add_argument("--names", choices=("drop", "keep"), default="drop", help="help_names")


def segmented_articles(
    args: argparse.Namespace, *, themes: bool = True
) -> tuple[pd.DataFrame, pd.DataFrame, frozenset[str]]:
    """The articles (themes if asked), their tokens, and the names to leave out (none with --names keep)."""
    articles = articles_with_themes(args, themes=themes)
    tokens = tokens_for(args, articles)
    names = name_terms(args, articles, tokens) if args.names == "drop" else frozenset()
    return articles, tokens, names


def cmd_keywords(args: argparse.Namespace) -> int:
    """``govthemes keywords``: top terms overall or per group (without place and person names by default)."""
    from analysis.keywords import count_keywords

    articles, tokens, names = segmented_articles(args)
    table = count_keywords(tokens, articles=articles, by=args.by, top=args.top, exclude=names)
    say_ungrouped(articles, args.by, args.lang)
    write_output(table[KEYWORD_COLUMNS], args)
    return 0


def name_terms(args: argparse.Namespace, articles: pd.DataFrame, tokens: pd.DataFrame) -> frozenset[str]:
    """The place and person names of the corpus, said on stderr with the most frequent ones.

    As the dashboard's top terms: a province's list would otherwise open with its own name
    (上海市, 上海) and a news corpus's with its leaders'.
    """
    from collections import Counter

    from analysis.name_terms import corpus_name_terms, load_name_lists
    from analysis.places import load_gazetteer

    names = corpus_name_terms(articles, tokens, gazetteer=load_gazetteer(), lists=load_name_lists())
    uses = Counter(term for terms in tokens["terms"] for term in terms if term in names)
    if uses:
        examples = "、".join(term for term, _ in uses.most_common(6))
        say("cli_names_left_out", args.lang, n=len(uses), examples=examples)
    return names


def say_ungrouped(articles: pd.DataFrame, by: str | None, lang: Lang) -> pd.Series:
    """Say on stderr how many articles fall in no group (no place or outlet, no date, no theme).

    Their words are in no group's counts, so the groups' totals fall short of the corpus's;
    the analyst is told rather than left to find out.

    Returns:
        True for each article in no group (all False without ``by``).
    """
    if by is None or articles.empty:
        return pd.Series(False, index=articles.index)
    if by == "outlet":  # not a grouping of assign_groups: the column as it is
        ungrouped = articles["outlet"].isna()
    else:
        from analysis.periods import assign_groups

        grouped = assign_groups(articles, by=by).dropna(subset=["group"])["doc_id"]
        ungrouped = ~articles["doc_id"].astype(str).isin(set(grouped))
    n, total = int(ungrouped.sum()), len(articles)
    if n and by in LEVELS:
        say("cli_ungrouped_place", lang, n=n, total=total, by=by)
    elif n and by == "theme":
        say("cli_ungrouped_theme", lang, n=n, total=total)
    if by == "theme":
        say_long_in_themes(articles[~ungrouped], lang)
    elif n and by == "outlet":
        say("cli_ungrouped_outlet", lang, n=n, total=total)
    elif n:
        say("cli_ungrouped_date", lang, n=n, total=total, by=by)
    return ungrouped


LONG_SHARE_OF_THEMES = 0.5
"""Long documents holding this share of a theme's text or more set that theme's terms."""


def say_long_in_themes(articles: pd.DataFrame, lang: Lang) -> None:
    """Say on stderr which themes' text is mostly whole long documents (政府工作报告).

    A work report touches nearly every theme and counts whole in each: in the corpora of
    ../shared/corpora, 120 long documents of 12,100 articles held 82% of the words counted
    under ecology, so its top terms were 经济, 改革, 企业 (the reports'), not 生态 or 绿色.
    ``--split paragraphs`` counts each paragraph in its own themes.

    Args:
        articles: the articles table with its ``themes`` lists (split paragraphs are short).
        lang: the language of the message.
    """
    chars = articles["text"].fillna("").astype(str).str.len()
    table = pd.DataFrame({"themes": articles["themes"], "chars": chars, "long": long_documents(articles)})
    table = table.explode("themes").dropna(subset=["themes"])
    if table.empty or not table["long"].any():
        return
    by_theme = table.groupby("themes")["chars"].sum()
    in_long = table["chars"].where(table["long"], 0).groupby(table["themes"]).sum()
    share = in_long / by_theme.where(by_theme > 0)
    mostly = share[share >= LONG_SHARE_OF_THEMES].sort_values(ascending=False)
    if not mostly.empty:
        top = mostly.head(3).items()
        examples = list_separator(lang).join(f"{theme} {value:.0%}" for theme, value in top)
        n_long = table.index[table["long"]].nunique()  # the long documents with a theme
        say("cli_long_documents_themes", lang, n=n_long, min_chars=SPLIT_MIN_CHARS, k=len(mostly),
            themes=int(share.notna().sum()), examples=examples)


def add_theme_options(parser: argparse.ArgumentParser) -> None:
    """Options of ``govthemes themes``."""
    add_input_options(parser)
    parser.add_argument("--by", choices=(*LEVELS, "outlet"), type=theme_grouping, help="help_themes_by")
    parser.add_argument("--period", choices=("month", "quarter", "year"), help="help_period")


def theme_grouping(value: str) -> str:
    """A ``themes --by`` value; a period (``month``) is pointed to ``--period``, where it belongs."""
    if value in ("week", "month", "quarter", "year"):
        raise argparse.ArgumentTypeError(f"{value!r} is a period, not a group: use --period {value}")
    return value


def cmd_themes(args: argparse.Namespace) -> int:
    """``govthemes themes``: articles per theme by group and period, with denominators."""
    from analysis.themes import score_themes

    articles = articles_with_themes(args)
    if not args.store and getattr(args, "split", "articles") != "paragraphs" and mostly_long(articles):
        mean = round(articles["text"].fillna("").str.len().mean())
        say("cli_long_documents", args.lang, articles=len(articles), mean=mean)
    unplaced = say_ungrouped(articles, args.by, args.lang)
    undated = say_ungrouped(articles, args.period, args.lang)
    articles = articles[~(unplaced | undated)]  # as keywords --by: in no group's rows, said on stderr
    themes = load_themes()
    scores = score_themes(articles, themes=themes)
    table = count_themes(articles, by=args.by, period=args.period, scores=scores, themes=themes)
    if args.by is None:
        table["group"] = None
    if args.period is None:
        table["period"] = None
    write_output(table[THEME_COLUMNS], args)
    return 0


COMMANDS.update({
    "articles": ("help_cmd_articles", add_input_options, cmd_articles),
    "keywords": ("help_cmd_keywords", add_keyword_options, cmd_keywords),
    "themes": ("help_cmd_themes", add_theme_options, cmd_themes),
})
