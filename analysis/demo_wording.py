"""The lookup tables the demo composer indexes: every printable string as a lexicon id.

Built once per run from the phrase banks and the place table. Place tables are indexed by
place number; topic tables by topic number and then by prefecture group (0 for the
province, else its prefecture's local pool) or by level (departments: 0 local, 1
provincial); event tables by event number. Template groups are (first id, count) pairs
into the compiled template matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.demo_bank import TEXT_BANKS, DemoBank
from analysis.demo_text import FIELD_ROW, Lexicon, Templates, cn_number

N_REPORTERS, N_MEMBERS = 3, 4
"""Correspondents (or reporters) and members invented for each place."""
MAX_NUMBER = 200
"""Numbers printed in Chinese (届, 次) or digits ({k}, {big}) are below this."""


@dataclass(frozen=True)
class Wording:
    """Lexicon, compiled templates and id tables (see the module docstring)."""

    strings: pa.Array
    lengths: np.ndarray
    tokens: np.ndarray
    counts: np.ndarray
    place: dict[str, np.ndarray]
    dateline: np.ndarray
    reporter: np.ndarray
    member: np.ndarray
    subjects: tuple[np.ndarray, np.ndarray]
    clauses: tuple[np.ndarray, np.ndarray]
    depts: tuple[np.ndarray, np.ndarray]
    sites: tuple[np.ndarray, np.ndarray]
    groups: dict[str, tuple[np.ndarray, np.ndarray]]
    names_chair: np.ndarray
    noun: np.ndarray
    numbers: np.ndarray
    digits: np.ndarray
    dates: np.ndarray
    years: tuple[int, np.ndarray]
    marks: dict[str, int]
    kicker_percent: int


def invent_names(rng: np.random.Generator, count: int, bank: DemoBank) -> list[str]:
    """Invent ``count`` personal names: a surname and one or two given characters."""
    surnames, given = np.array(list(bank.surnames)), np.array(list(bank.given))
    first = surnames[rng.integers(0, len(surnames), count)]
    second = given[rng.integers(0, len(given), (count, 2))]
    two = rng.random(count) < 0.7
    return [s + g[0] + (g[1] if t else "") for s, g, t in zip(first, second, two, strict=True)]


def build_wording(bank: DemoBank, places: pd.DataFrame, rng: np.random.Generator, years: range) -> Wording:
    """Intern every string of the banks and places and compile every template.

    Args:
        bank: the phrase banks.
        places: the place table of :func:`analysis.demo_plan.place_table`.
        rng: the generator names are invented with.
        years: the years the corpus spans (for ``{year}``).
    """
    lex = Lexicon()
    templates = Templates(lex)
    groups = _template_groups(bank, templates)
    tokens, counts = templates.freeze()
    provincial = bank.places.get("province_departments", {})
    wording = dict(
        tokens=tokens,
        counts=counts,
        **_people_and_places(lex, bank, places, rng),
        subjects=_padded(lex, [_by_group(places, t.subjects, t.local, 0) for t in bank.topics]),
        clauses=_padded(lex, [_by_group(places, t.clauses, t.local, 1) for t in bank.topics]),
        depts=_padded(lex, [[t.depts, [provincial.get(d, d) for d in t.depts]] for t in bank.topics]),
        sites=_padded(lex, [[t.sites] for t in bank.topics]),
        groups=groups,
        names_chair=(tokens == -1 - FIELD_ROW["chair"]).any(axis=1),
        noun=lex.intern_all(kind.noun for kind in bank.events),
        numbers=lex.intern_all(cn_number(v) for v in range(MAX_NUMBER)),
        digits=lex.intern_all(str(v) for v in range(MAX_NUMBER)),
        dates=lex.intern_all(f"{m}月{d}日" for m in range(13) for d in range(32)).reshape(13, 32),
        years=(years.start, lex.intern_all(str(y) for y in years)),
        marks={mark: lex.intern(text) for mark, text in _MARKS.items()},
        kicker_percent=round(100 * float(bank.outlet.get("kicker_share", 0.2))),
    )
    strings, lengths = lex.freeze()
    return Wording(strings=strings, lengths=lengths, **wording)


def _people_and_places(
    lex: Lexicon, bank: DemoBank, places: pd.DataFrame, rng: np.random.Generator
) -> dict[str, object]:
    """Ids of the printed place names, and of invented chairs, correspondents and members."""
    n = len(places)
    chairs, reporters, members = (invent_names(rng, size * n, bank) for size in (1, N_REPORTERS, N_MEMBERS))
    place = {column: lex.intern_all(places[column]) for column in ("org", "lvl", "place")}
    place["full"] = lex.intern_all(places["name"])
    place["chair"] = lex.intern_all(chairs)
    place["chair_titled"] = lex.intern_all(
        f"{lvl}政协主席{chair}" for lvl, chair in zip(places["lvl"], chairs, strict=True)
    )
    roles = np.where(places["dateline"].eq("").to_numpy(), "记者", "通讯员")
    datelines = [
        f"本报{dateline}讯({role}{reporters[N_REPORTERS * i + j]})"
        for i, (dateline, role) in enumerate(zip(places["dateline"], roles, strict=True))
        for j in range(N_REPORTERS)
    ]
    return {
        "place": place,
        "dateline": lex.intern_all(datelines).reshape(n, N_REPORTERS),
        "reporter": lex.intern_all(reporters).reshape(n, N_REPORTERS),
        "member": lex.intern_all(members).reshape(n, N_MEMBERS),
    }


_MARKS = {"yao": "要", "sep": "。要", "stop": "。", "newline": "\n", "jinri": "近日"}


def _template_groups(bank: DemoBank, templates: Templates) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Compile every template group; return ``{group: (first ids, counts)}``."""
    groups: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for field in ("titles", "short_titles", "leads", "details", "openers"):
        pairs = [templates.add(getattr(kind, field)) for kind in bank.events]
        groups[f"event_{field}"] = (np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs]))
    for field in ("titles", "kickers"):
        pairs = [templates.add(getattr(topic, field)) for topic in bank.topics]
        groups[f"topic_{field}"] = (np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs]))
    for field in TEXT_BANKS:
        first, count = templates.add(bank.text[field])
        groups[field] = (np.array(first), np.array(count))
    first, count = templates.add(["{org}"])
    groups["org"] = (np.array(first), np.array(count))
    return groups


def _by_group(places: pd.DataFrame, own: Sequence[str], local: dict, index: int) -> list[Sequence[str]]:
    """A topic's pool for the province (group 0) and each prefecture, with local additions."""
    names = ["", *places.loc[places["level"].eq("prefecture"), "name"]]
    return [tuple(own) + (tuple(local[name][index]) if name in local else ()) for name in names]


def _padded(lex: Lexicon, pools: list[list[Sequence[str]]]) -> tuple[np.ndarray, np.ndarray]:
    """Ids of nested pools as a padded array (topic, group, item) and their sizes (topic, group)."""
    width = max(len(pool) for by_group in pools for pool in by_group)
    ids = np.zeros((len(pools), len(pools[0]), width), dtype=np.int64)
    sizes = np.zeros((len(pools), len(pools[0])), dtype=np.int64)
    for k, by_group in enumerate(pools):
        for g, pool in enumerate(by_group):
            ids[k, g, : len(pool)] = lex.intern_all(pool)
            sizes[k, g] = len(pool)
    return ids, sizes
