"""The built-in synthetic demo corpus: provincial 政协 news from all of Gansu, made up.

The dashboard's ``make run`` and the scale benchmark need a corpus that anyone can make
without data: a few thousand (or a million) articles in the style of a provincial 政协
newspaper, across the province's 14 prefectures and 86 counties, over two and a half
years, with themes that differ by place and shift over time (党纪学习教育 peaks in the
second quarter of 2024, 新质生产力 rises from late 2023, 百企兴百村 spreads from 酒泉 …).

Every word comes from the phrase banks in ``data/demo/`` (written for this project), every
choice from a numpy generator seeded by ``seed``: the same seed and size give the same
articles and ids, whatever the batch size. The articles are fiction, and the outlet says so.

Typical use::

    articles = generate_demo_articles(3000, seed=0)
    for batch in iter_demo_batches(1_000_000, batch_size=50_000):  # bounded memory
        ingest(batch)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.demo_bank import DemoBank, load_demo_bank
from analysis.demo_compose import CLAUSE_ORDER, SLOTS, Draws, compose_block
from analysis.demo_plan import DemoPlan, plan_demo
from analysis.places import Gazetteer
from analysis.places.locality import LOCALITY_COLUMNS
from analysis.schema import ARTICLE_COLUMNS, coerce_articles, empty_articles

BLOCK_SIZE = 10_000
"""Articles drawn from one random stream; batches are cut from blocks, so the output does
not depend on the batch size."""


def generate_demo_articles(
    n_articles: int = 3000,
    *,
    seed: int = 0,
    start: str = "2023-01-01",
    months: int = 30,
    gazetteer: Gazetteer | None = None,
    bank: DemoBank | Path | str | None = None,
) -> pd.DataFrame:
    """Make a synthetic corpus of provincial 政协 news, as one articles table.

    Args:
        n_articles: how many articles.
        seed: the random seed; the same seed and ``n_articles`` give the same table.
        start: the first day of the period (editions begin three days later).
        months: how many months the period lasts.
        gazetteer: the gazetteer to take places from (default :func:`load_gazetteer`).
        bank: the phrase banks, or the folder they are in (default ``data/demo/``).

    Returns:
        The articles table (:data:`analysis.schema.ARTICLE_COLUMNS`), in edition order:
        ``date`` is the event date of the lead (``date_source`` ``text``) or, for 近日
        leads, the edition date (``edition``); locality columns name the place the story
        is about (the province for 省政协 stories).
    """
    batches = list(
        iter_demo_batches(
            n_articles, batch_size=max(n_articles, 1), seed=seed, start=start, months=months,
            gazetteer=gazetteer, bank=bank,
        )
    )
    return batches[0] if batches else empty_articles()


def iter_demo_batches(
    n_articles: int,
    *,
    batch_size: int = 50_000,
    seed: int = 0,
    start: str = "2023-01-01",
    months: int = 30,
    gazetteer: Gazetteer | None = None,
    bank: DemoBank | Path | str | None = None,
) -> Iterator[pd.DataFrame]:
    """Make the same corpus as :func:`generate_demo_articles`, ``batch_size`` rows at a time.

    Memory stays bounded by the batch (and one block of :data:`BLOCK_SIZE`), so a
    benchmark can stream a million articles into a store. Arguments as for
    :func:`generate_demo_articles`.

    Yields:
        Articles tables of ``batch_size`` rows (the last may be shorter).
    """
    if n_articles < 0 or batch_size < 1:
        raise ValueError(f"need n_articles >= 0 and batch_size >= 1, got {n_articles}, {batch_size}")
    if n_articles == 0:
        return
    if not isinstance(bank, DemoBank):
        bank = load_demo_bank(bank)
    plan = plan_demo(n_articles, seed=seed, start=start, months=months, bank=bank, gazetteer=gazetteer)
    cached: tuple[int, pd.DataFrame | None] = (-1, None)
    for lo in range(0, n_articles, batch_size):
        hi = min(lo + batch_size, n_articles)
        parts = []
        for block in range(lo // BLOCK_SIZE, (hi - 1) // BLOCK_SIZE + 1):
            if cached[0] != block:
                cached = (block, _block(plan, block))
            offset = block * BLOCK_SIZE
            parts.append(cached[1].iloc[max(lo, offset) - offset : hi - offset])
        yield parts[0].reset_index(drop=True) if len(parts) == 1 else pd.concat(parts, ignore_index=True)


def _block(plan: DemoPlan, block: int) -> pd.DataFrame:
    """Draw and write the articles of one block (ids ``block * BLOCK_SIZE`` onwards)."""
    lo = block * BLOCK_SIZE
    index = np.arange(lo, min(lo + BLOCK_SIZE, plan.n_articles))
    rng = np.random.default_rng(np.random.SeedSequence(plan.seed, spawn_key=(1, block)))
    day = np.searchsorted(plan.bounds, index, side="right") - 1
    edition = plan.days[day]
    draws, date = _draw(plan, rng, day)
    columns: dict[str, object] = dict(compose_block(plan.wording, draws))
    columns.update(_bookkeeping(plan, index, day, draws.group == 0, rng.integers(0, 1 << 20, len(index))))
    columns.update(date=date, date_source=np.where(draws.jinri, "edition", "text"), edition_date=edition)
    taken = pa.array(draws.place)
    for column in LOCALITY_COLUMNS:
        columns[column] = plan.locality[column].take(taken)
    frame = pd.DataFrame({name: _pandas(value) for name, value in columns.items()})
    return coerce_articles(frame.reindex(columns=list(ARTICLE_COLUMNS)))


def _draw(plan: DemoPlan, rng: np.random.Generator, day: np.ndarray) -> tuple[Draws, np.ndarray]:
    """Place, topics, event, event date and every wording choice of each article."""
    m, edition = len(day), plan.days[day]
    place = np.searchsorted(plan.place_cum, rng.random(m), side="right")
    odds = plan.topic_cum[place, plan.day_month[day]]
    topic, topic2 = _choose(odds, rng.random(m)), _choose(odds, rng.random(m))
    calendar_month = edition.astype("datetime64[M]").astype(np.int64) % 12
    event = _choose(plan.event_cum[topic, calendar_month], rng.random(m))
    jinri = rng.random(m) < plan.jinri_share
    date = np.where(jinri, edition, edition - rng.choice([1, 2, 3], p=[0.5, 0.4, 0.1], size=m))
    month_start = date.astype("datetime64[M]")
    group = plan.places["group"].to_numpy()[place]
    draws = Draws(
        place=place,
        group=group,
        topic=topic,
        topic2=topic2,
        event=event,
        month=month_start.astype(np.int64) % 12 + 1,
        day=(date - month_start).astype(np.int64) + 1,
        jinri=jinri,
        numbers=_numbers(plan, place, edition),
        r=rng.integers(0, 2**31 - 1, size=(m, len(SLOTS))),
        order=_clause_orders(rng, plan.wording.clauses[1][topic, group]),
    )
    return draws, date


def _pandas(value: object) -> object:
    """A pyarrow column as a pandas Series (str dtype); anything else as it is."""
    return value.to_pandas() if isinstance(value, pa.Array) else value


def _choose(cumulative: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Row-wise draw from cumulative probabilities (rows end in exactly 1.0)."""
    return (u[:, None] < cumulative).argmax(axis=1)


def _clause_orders(rng: np.random.Generator, sizes: np.ndarray) -> np.ndarray:
    """For each article, a random order of its topic's clauses (padding sorted last)."""
    keys = rng.random((len(sizes), max(int(sizes.max()), CLAUSE_ORDER)))
    keys[np.arange(keys.shape[1])[None, :] >= sizes[:, None]] = 2.0
    return np.argsort(keys, axis=1)[:, :CLAUSE_ORDER]


def _numbers(plan: DemoPlan, place: np.ndarray, edition: np.ndarray) -> dict[str, np.ndarray]:
    """Term (届), standing-committee and chair's-meeting ordinals, plenary session, year."""
    month = edition.astype("datetime64[M]").astype(np.int64) + 1970 * 12
    since = np.maximum(month - plan.term_start[place], 0)
    return {
        "term": plan.term[place], "ord": 1 + since // 2, "ord2": 1 + since,
        "sess": 1 + since // 12, "year": month // 12,
    }


def _bookkeeping(
    plan: DemoPlan, index: np.ndarray, day: np.ndarray, provincial: np.ndarray, page_draw: np.ndarray
) -> dict[str, object]:
    """Ids, sources, pages and the outlet of a block's articles."""
    item = pa.array(index - plan.bounds[day] + 1).cast(pa.string())
    editions = pa.array(np.datetime_as_string(plan.days[day], unit="D"))
    province_pages, local_pages = (np.array(p) for p in plan.pages)
    pages = np.where(
        provincial, province_pages[page_draw % len(province_pages)], local_pages[page_draw % len(local_pages)]
    )
    number = pc.utf8_lpad(pa.array(index).cast(pa.string()), 7, "0")
    return {
        "doc_id": pc.binary_join_element_wise(f"demo-{plan.seed}-", number, ""),
        "source": pc.binary_join_element_wise(f"{plan.scheme}://", editions, "/", item, ""),
        "page": pages,
        "outlet": plan.outlet,
    }
