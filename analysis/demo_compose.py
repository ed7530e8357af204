"""Compose a block of demo articles (headline, kicker, body, author) without a Python loop.

An article's body is, in order: the dateline and lead; the details of the event; an
optional background sentence; a paragraph on the main topic (an opener, then 要 and three to
five clauses); an optional second paragraph on it; optional words of a member; an optional
paragraph on a secondary topic; an optional closing line. Short stories get their optional
paragraphs until they reach :data:`MIN_CHARS`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analysis.demo_text import FIELD_ROW, FIELDS, join_rows, pick, render
from analysis.demo_wording import N_MEMBERS, N_REPORTERS, Wording

SLOTS = (
    "title", "title_tpl", "kicker", "lead", "detail", "detail2", "opener", "opener2", "side",
    "closing", "subject", "subject2", "dept", "site", "author", "member", "k", "big", "shape",
    "side_clause", "side_clause2", "background", "quote", "k2", "big2",
)
"""Columns of the random integer matrix, one choice each."""
S = {name: index for index, name in enumerate(SLOTS)}
MIN_CHARS = 340
"""Stories shorter than this get their optional paragraphs (background, words, side topic)."""
CLAUSE_ORDER = 8
"""How many of a topic's clauses one article can use (main and second paragraph, side)."""


@dataclass(frozen=True)
class Draws:
    """The random choices of a block of articles, one entry (or row) per article."""

    place: np.ndarray
    group: np.ndarray
    topic: np.ndarray
    topic2: np.ndarray
    event: np.ndarray
    month: np.ndarray
    day: np.ndarray
    jinri: np.ndarray
    numbers: dict[str, np.ndarray]
    r: np.ndarray
    order: np.ndarray


def compose_block(w: Wording, d: Draws) -> dict[str, pa.Array]:
    """Write the title, kicker (null where none), text and author of every article."""
    fields = field_matrix(w, d)
    title, kicker = _headline(w, d, fields)
    lead = pick(*(g[d.event] for g in w.groups["event_leads"]), d.r[:, S["lead"]])
    later = fields.copy()
    titled = w.place["chair_titled"][d.place]
    later[FIELD_ROW["chair"]] = np.where(w.names_chair[lead], fields[FIELD_ROW["chair"]], titled)
    reporter = d.r[:, S["author"]] % N_REPORTERS
    opening = np.hstack([w.dateline[d.place, reporter][:, None], render(w.tokens, w.counts, lead, fields)])
    text = join_rows(w.strings, np.hstack([opening, *_paragraphs(w, d, later, opening)]))
    return {
        "title": title,
        "kicker": kicker,
        "text": text,
        "author": w.strings.take(pa.array(w.reporter[d.place, reporter])),
    }


def field_matrix(w: Wording, d: Draws) -> np.ndarray:
    """Lexicon ids of every placeholder (rows: :data:`FIELDS`) for every article."""
    r, row = d.r, FIELD_ROW
    out = np.zeros((len(FIELDS), len(d.place)), dtype=np.int64)
    out[row["date"]] = np.where(d.jinri, w.marks["jinri"], w.dates[d.month, d.day])
    for name in ("org", "lvl", "full", "place", "chair"):
        out[row[name]] = w.place[name][d.place]
    ids, sizes = w.subjects
    for name, topic in (("subject", d.topic), ("subject2", d.topic2)):
        out[row[name]] = ids[topic, d.group, r[:, S[name]] % sizes[topic, d.group]]
    for name in ("term", "ord", "ord2", "sess"):
        out[row[name]] = w.numbers[np.minimum(d.numbers[name], len(w.numbers) - 1)]
    first_year, years = w.years
    out[row["year"]] = years[d.numbers["year"] - first_year]
    for small, big in (("k", "big"), ("k2", "big2")):
        out[row[small]] = w.digits[3 + r[:, S[small]] % 10]
        out[row[big]] = w.digits[40 + r[:, S[big]] % 141]
    level = (d.group == 0).astype(np.int64)
    ids, sizes = w.depts
    out[row["dept"]] = ids[d.topic, level, r[:, S["dept"]] % sizes[d.topic, level]]
    ids, sizes = w.sites
    out[row["site"]] = ids[d.topic, 0, r[:, S["site"]] % sizes[d.topic, 0]]
    out[row["noun"]] = w.noun[d.event]
    out[row["member"]] = w.member[d.place, r[:, S["member"]] % N_MEMBERS]
    return out


def _headline(w: Wording, d: Draws, fields: np.ndarray) -> tuple[pa.Array, pa.Array]:
    """Headlines, and kickers: the body's name over a short headline, or a topic's line."""
    r, g = d.r, w.groups
    roll = r[:, S["kicker"]] % 100
    short = roll < w.kicker_percent // 2
    own_start, own_count = (a[d.topic] for a in g["topic_titles"])
    use_own = (own_count > 0) & (r[:, S["title"]] % 100 < 35)
    chosen = np.where(
        short,
        pick(*(a[d.event] for a in g["event_short_titles"]), r[:, S["title_tpl"]]),
        np.where(
            use_own,
            pick(own_start, own_count, r[:, S["title_tpl"]]),
            pick(*(a[d.event] for a in g["event_titles"]), r[:, S["title_tpl"]]),
        ),
    )
    kicker_start, kicker_count = (a[d.topic] for a in g["topic_kickers"])
    with_line = ~short & (kicker_count > 0) & (roll < w.kicker_percent)
    line = np.where(with_line, pick(kicker_start, kicker_count, r[:, S["title"]] // 100), 0)
    kicker = np.where(short, int(g["org"][0]), line)
    kickers = join_rows(w.strings, render(w.tokens, w.counts, kicker, fields))
    absent = pa.array(kicker == 0)
    titles = join_rows(w.strings, render(w.tokens, w.counts, chosen, fields))
    return titles, pc.if_else(absent, pa.scalar(None, pa.string()), kickers)


def _paragraphs(w: Wording, d: Draws, fields: np.ndarray, opening: np.ndarray) -> list[np.ndarray]:
    """Everything after the lead, as lexicon-id columns (0 where a paragraph is left out)."""
    digits = (d.r[:, S["shape"], None] // 10 ** np.arange(8)) % 10
    long = digits[:, 7] == 9
    main_ids, more_ids, leftover = _main_clauses(w, d, 3 + digits[:, 4] % 3, 2 + digits[:, 5] % 3)
    start, count = (a[d.event] for a in w.groups["event_openers"])
    first = d.r[:, S["opener"]] % count
    second = (first + 1 + d.r[:, S["opener2"]] % np.maximum(count - 1, 1)) % count
    main = _topic_paragraph(w, start + first, main_ids, fields)
    optional = {
        "more": _topic_paragraph(w, start + second, more_ids, fields),
        **{
            name: _with_newline(w, render(w.tokens, w.counts, pick(*w.groups[bank], d.r[:, S[name]]), fields))
            for name, bank in (("background", "backgrounds"), ("quote", "quotes"), ("closing", "closings"))
        },
        "side": _side_paragraph(w, d, leftover, fields),
    }
    wanted = {
        "more": long | (digits[:, 0] < 8),
        "background": long | (digits[:, 6] < 5),
        "quote": long | (digits[:, 7] < 3),
        "side": long | (digits[:, 1] < 6),
        "closing": digits[:, 2] < 6,
    }
    details = _details(w, d, fields)
    _fill_short(w, optional, wanted, sum(w.lengths[part].sum(axis=1) for part in (opening, details, main)))
    layout = ("background", "main", "more", "quote", "side", "closing")
    parts = {**optional, "main": main}
    return [details] + [
        parts[name] if name == "main" else np.where(wanted[name][:, None], parts[name], 0) for name in layout
    ]


def _main_clauses(
    w: Wording, d: Draws, n_main: np.ndarray, n_more: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Clauses of the main topic for the first and the second paragraph, and those left over."""
    ids, sizes = w.clauses
    size = sizes[d.topic, d.group][:, None]
    own = ids[d.topic[:, None], d.group[:, None], np.minimum(d.order, ids.shape[2] - 1)]
    position = np.arange(CLAUSE_ORDER)[None, :]
    used = (position < size)
    main = np.where(used & (position < n_main[:, None]), own, 0)
    more = np.where(used & (position >= n_main[:, None]) & (position < (n_main + n_more)[:, None]), own, 0)
    leftover = np.where(used & (position >= (n_main + n_more)[:, None]), own, 0)
    return main, _shift_left(more), _shift_left(leftover)


def _fill_short(
    w: Wording, extras: dict[str, np.ndarray], wanted: dict[str, np.ndarray], core: np.ndarray
) -> None:
    """Switch on optional paragraphs, in order, for stories still shorter than MIN_CHARS.

    ``wanted`` is updated in place; a paragraph that came out empty is never switched on.
    """
    sizes = {name: w.lengths[part].sum(axis=1) for name, part in extras.items()}
    for name, part in extras.items():
        wanted[name] = wanted[name] & (part != 0).any(axis=1)
    length = core + sum(np.where(wanted[name], sizes[name], 0) for name in extras)
    for name in ("more", "background", "quote", "side", "closing"):
        add = ~wanted[name] & (length < MIN_CHARS) & (extras[name] != 0).any(axis=1)
        wanted[name] = wanted[name] | add
        length = length + np.where(add, sizes[name], 0)


def _details(w: Wording, d: Draws, fields: np.ndarray) -> np.ndarray:
    start, count = (a[d.event] for a in w.groups["event_details"])
    first = d.r[:, S["detail"]] % count
    two = ((d.r[:, S["shape"]] // 1000) % 10 < 6) & (count > 1)
    second = (first + 1 + d.r[:, S["detail2"]] % np.maximum(count - 1, 1)) % count
    both = np.hstack([
        render(w.tokens, w.counts, start + first, fields),
        render(w.tokens, w.counts, np.where(two, start + second, 0), fields),
    ])
    return _with_newline(w, both)


def _topic_paragraph(
    w: Wording, opener: np.ndarray, clauses: np.ndarray, fields: np.ndarray
) -> np.ndarray:
    """Opener + 要 + clauses joined by 。要 + 。; nothing for a row without clauses.

    Clause columns that are 0 are left out; a row's clauses must come first.
    """
    m = len(clauses)
    joined = np.empty((m, 2 * clauses.shape[1] - 1), dtype=np.int64)
    joined[:, 0::2], joined[:, 1::2] = clauses, np.where(clauses[:, 1:] != 0, w.marks["sep"], 0)
    head = render(w.tokens, w.counts, opener, fields)
    tail = np.column_stack([np.full(m, w.marks["yao"]), joined, np.full(m, w.marks["stop"])])
    return np.where(clauses[:, :1] != 0, _with_newline(w, np.hstack([head, tail])), 0)


def _side_paragraph(w: Wording, d: Draws, leftover: np.ndarray, fields: np.ndarray) -> np.ndarray:
    """Two clauses of the secondary topic (or two left over when it is the main topic)."""
    ids, sizes = w.clauses
    size2 = sizes[d.topic2, d.group]
    a = d.r[:, S["side_clause"]] % size2
    b = d.r[:, S["side_clause2"]] % size2
    other = np.column_stack([ids[d.topic2, d.group, a], np.where(a != b, ids[d.topic2, d.group, b], 0)])
    clauses = np.where((d.topic2 == d.topic)[:, None], leftover[:, :2], other)
    opener = pick(*w.groups["side_openers"], d.r[:, S["side"]])
    return _topic_paragraph(w, opener, clauses, fields)


def _shift_left(ids: np.ndarray) -> np.ndarray:
    """Move each row's non-zero ids to the front, keeping their order."""
    order = np.argsort(ids == 0, axis=1, kind="stable")
    return np.take_along_axis(ids, order, axis=1)


def _with_newline(w: Wording, ids: np.ndarray) -> np.ndarray:
    return np.hstack([np.full((len(ids), 1), w.marks["newline"]), ids])
