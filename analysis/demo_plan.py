"""The plan of a synthetic demo corpus: places, calendar, topic and event odds, wording.

Everything here is computed once per run, before any article is written: which places of
Gansu the paper covers and how often, on which days it appears, how likely each topic is
for each place and month, each event for each topic, and (through
:mod:`analysis.demo_wording`) the printed names of places and people.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.demo_bank import DemoBank, DemoBankError, Spread, Topic, month_number
from analysis.demo_wording import Wording, build_wording
from analysis.places import Gazetteer, load_gazetteer
from analysis.places.locality import LOCALITY_COLUMNS


@dataclass(frozen=True)
class DemoPlan:
    """Everything fixed before the articles are drawn (arrays indexed as documented)."""

    n_articles: int
    seed: int
    outlet: str
    scheme: str
    places: pd.DataFrame
    locality: dict[str, pa.Array]
    place_cum: np.ndarray
    days: np.ndarray
    bounds: np.ndarray
    day_month: np.ndarray
    topic_cum: np.ndarray
    event_cum: np.ndarray
    term: np.ndarray
    term_start: np.ndarray
    jinri_share: float
    pages: tuple[tuple[str, ...], tuple[str, ...]]
    wording: Wording


def plan_demo(
    n_articles: int,
    *,
    seed: int,
    start: str,
    months: int,
    bank: DemoBank,
    gazetteer: Gazetteer | None,
) -> DemoPlan:
    """Fix the places, calendar, odds and wording of a corpus of ``n_articles``.

    Returns:
        The plan. ``places`` is :func:`place_table`; ``bounds`` the first article of each
        edition day (articles are spread over the days by ``month_volume``); ``topic_cum``
        is (place, month, topic) and ``event_cum`` (topic, calendar month, event), both
        cumulative probabilities along the last axis.
    """
    outlet = bank.outlet
    places = place_table(gazetteer or load_gazetteer(), bank)
    days, weights = _edition_days(start, months, outlet)
    bounds = np.concatenate([[0], np.round(np.cumsum(weights) / weights.sum() * n_articles)]).astype(np.int64)
    day_numbers = _month_numbers(days)
    first, last = int(day_numbers.min()), int(day_numbers.max())
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(0,)))
    term, term_start = _terms(bank, places, rng)
    return DemoPlan(
        n_articles=n_articles,
        seed=seed,
        outlet=str(outlet["name"]),
        scheme=str(outlet.get("source_scheme", "demo")),
        places=places,
        locality={
            column: pa.array(places[column].to_numpy(object), pa.string(), from_pandas=True)
            for column in LOCALITY_COLUMNS
        },
        place_cum=_cumulative(places["weight"].to_numpy(float)),
        days=days,
        bounds=bounds,
        day_month=day_numbers - first,
        topic_cum=_cumulative(topic_weights(bank.topics, places, first, last - first + 1)),
        event_cum=_cumulative(event_weights(bank)),
        term=term,
        term_start=term_start,
        jinri_share=float(outlet.get("jinri_share", 0.1)),
        pages=(tuple(outlet["province_pages"]), tuple(outlet["local_pages"])),
        wording=build_wording(bank, places, rng, range(first // 12, last // 12 + 1)),
    )


def _terms(bank: DemoBank, places: pd.DataFrame, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Each body's term (届): the province's from the bank, local ones drawn; and its first month."""
    settings = bank.places
    local = month_number(f"{settings.get('local_term_start', 2022)}-01", where="outlet.toml [places]")
    provincial = month_number(f"{settings.get('province_term_start', 2023)}-01", where="outlet.toml [places]")
    is_province = places["group"].to_numpy() == 0
    term = np.where(is_province, int(settings.get("province_term", 13)), rng.integers(5, 16, len(places)))
    return term, np.where(is_province, provincial, local)


def place_table(gazetteer: Gazetteer, bank: DemoBank) -> pd.DataFrame:
    """The province, its prefectures and counties, with printed names and story weights.

    Printed names: the headline names the body 临夏州政协, 肃南县政协, 兰州市政协, 漳县政协;
    the dateline uses the stem (临夏, 肃南) unless there is none (漳县) or a place above it
    in the province has the same one (临夏市, 白银区), and then the headline's form.

    Returns:
        One row per place (province, then prefectures and counties by code): the
        gazetteer's columns with ``locality`` (its full name), ``org``, ``lvl`` (its level
        word), ``dateline`` (empty for the province), ``place`` (the stem), ``group`` (0
        for the province, else 1 + its prefecture's position) and ``weight``.
    """
    code = str(bank.places["province_code"])
    rows = gazetteer.places[gazetteer.places["province_code"] == code].copy()
    if not rows["level"].eq("province").any():
        raise DemoBankError(f"outlet.toml [places]: province_code {code} is not in the gazetteer")
    rank = rows["level"].map({"province": 0, "prefecture": 1, "county": 2})
    rows = rows.assign(rank=rank).sort_values(["rank", "adcode"], ignore_index=True)
    rows["locality"] = rows["name"]
    names, codes = rows["name"].tolist(), rows["adcode"].tolist()
    stems = [_stem(gazetteer, adcode, name) for adcode, name in zip(codes, names, strict=True)]
    rows["org"] = [
        stem + name[-1] if stem and "自治" in name else name for stem, name in zip(stems, names, strict=True)
    ]
    rows["dateline"] = [
        stem if stem and _first_in(gazetteer, stem, set(codes)) == adcode else org
        for stem, adcode, org in zip(stems, codes, rows["org"], strict=True)
    ]
    is_province = rows["level"].eq("province")
    rows["lvl"] = rows["org"].str[-1].where(~is_province, "省")
    rows["place"] = [stem or org for stem, org in zip(stems, rows["org"], strict=True)]
    rows["org"] = rows["org"].where(~is_province, "省") + "政协"
    rows.loc[is_province, "dateline"] = ""
    prefectures = rows.loc[rows["level"].eq("prefecture"), "adcode"].tolist()
    rows["group"] = [prefectures.index(p) + 1 if p in prefectures else 0 for p in rows["prefecture_code"]]
    rows["weight"] = _place_weights(rows, bank)
    return rows


def _stem(gazetteer: Gazetteer, adcode: str, name: str) -> str | None:
    """The longest beginning of ``name`` (two characters or more) that also names the place."""
    for end in range(len(name) - 1, 1, -1):
        if any(meaning.adcode == adcode for meaning in gazetteer.meanings(name[:end])):
            return name[:end]
    return None


def _first_in(gazetteer: Gazetteer, name: str, codes: set[str]) -> str | None:
    """The highest-ranking place among ``codes`` that ``name`` can mean."""
    return next((m.adcode for m in gazetteer.meanings(name) if m.adcode in codes), None)


def _place_weights(rows: pd.DataFrame, bank: DemoBank) -> np.ndarray:
    """Probability of each place: the level's share, split by the prefecture's activity."""
    outlet, activity = bank.outlet, bank.places.get("activity", {})
    unknown = set(activity) - set(rows.loc[rows["level"].eq("prefecture"), "name"])
    if unknown:
        raise DemoBankError(f"outlet.toml [places.activity]: not prefectures here: {sorted(unknown)}")
    own = np.array([activity.get(p, 1.0) if isinstance(p, str) else 1.0 for p in rows["prefecture"]])
    shares = {
        "province": float(outlet["province_share"]),
        "prefecture": float(outlet["prefecture_share"]),
        "county": 1.0 - float(outlet["province_share"]) - float(outlet["prefecture_share"]),
    }
    weights = np.zeros(len(rows))
    for level, share in shares.items():
        mask = rows["level"].eq(level).to_numpy()
        weights[mask] = share * own[mask] / own[mask].sum()
    return weights


def _edition_days(start: str, months: int, outlet: dict) -> tuple[np.ndarray, np.ndarray]:
    """Edition dates (from three days after ``start`` for ``months`` months) and their weights."""
    first = pd.Timestamp(start)
    end = first + pd.DateOffset(months=months)
    days = pd.date_range(first + pd.Timedelta(days=3), end, inclusive="left")
    days = days[days.day_of_week.isin(list(outlet["edition_weekdays"]))]
    if len(days) == 0:
        raise ValueError(f"no edition days between {start} and {months} months later")
    weights = np.asarray(outlet["month_volume"], dtype=float)[days.month - 1]
    return days.to_numpy().astype("datetime64[D]"), weights


def _month_numbers(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[M]").astype(np.int64) + 1970 * 12


def topic_weights(
    topics: tuple[Topic, ...], places: pd.DataFrame, first: int, n_months: int
) -> np.ndarray:
    """Weight of each topic for each place and month: an array (place, month, topic).

    Raises:
        DemoBankError: naming a topic that names a place the gazetteer does not have here.
    """
    months = np.arange(first, first + n_months)
    is_county = places["level"].eq("county").to_numpy()
    out = np.empty((len(places), n_months, len(topics)))
    for k, topic in enumerate(topics):
        named = set(topic.places) | set(topic.local) | set(topic.spread.order if topic.spread else ())
        unknown = named - set(places["name"])
        if unknown:
            raise DemoBankError(
                f"topics.toml [topics.{topic.id}]: places not in the gazetteer: {sorted(unknown)}"
            )
        own = np.array([topic.places.get(name, 1.0) for name in places["name"]])
        parent = np.array([topic.places.get(name, 1.0) for name in places["prefecture"]])
        curve = np.interp(months, *zip(*topic.curve, strict=True)) if topic.curve else np.ones(n_months)
        out[:, :, k] = topic.weight * (own * np.where(is_county, parent, 1.0))[:, None] * curve
        if topic.spread:
            out[:, :, k] *= _adoption(topic.spread, places, months)
    return out


def _adoption(spread: Spread, places: pd.DataFrame, months: np.ndarray) -> np.ndarray:
    """How far each place has taken up a spreading topic, 0 to 1, by (place, month)."""
    begins = {name: spread.start + i * spread.step for i, name in enumerate(spread.order)}
    pairs = zip(places["group"], places["prefecture"], strict=True)
    start = np.array([spread.start if group == 0 else begins.get(p, np.inf) for group, p in pairs])
    return np.clip((months[None, :] - start[:, None] + 1) / spread.ramp, 0.0, 1.0)


def event_weights(bank: DemoBank) -> np.ndarray:
    """Weight of each event for each topic and calendar month: (topic, month, event)."""
    ids = [kind.id for kind in bank.events]
    by_month = np.array([kind.months for kind in bank.events]).T
    out = np.empty((len(bank.topics), 12, len(ids)))
    for k, topic in enumerate(bank.topics):
        group = bank.event_groups[topic.events]
        allowed = np.array([group.get(event, 0.0) for event in ids])
        out[k] = allowed[None, :] * by_month
        empty = out[k].sum(axis=1) == 0
        out[k, empty] = allowed
    return out


def _cumulative(weights: np.ndarray) -> np.ndarray:
    total = weights.cumsum(axis=-1)
    return total / total[..., -1:]


