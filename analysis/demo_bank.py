"""The phrase banks and trends of the synthetic demo corpus, read from ``data/demo/``.

``outlet.toml`` holds the newspaper's rhythm, places and names, ``events.toml`` the kinds
of event and their wording, ``topics.toml`` what the stories are about, where and when.
:func:`load_demo_bank` reads and checks them, naming the file and entry of any mistake.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.demo_text import FIELDS, template_fields
from analysis.paths import data_path

PLACEHOLDERS = frozenset(FIELDS)
"""The fields a template may use (see the header of ``data/demo/events.toml``)."""
TEXT_BANKS = ("side_openers", "backgrounds", "quotes", "closings")
"""The shared phrase banks of ``outlet.toml [text]``."""


class DemoBankError(ValueError):
    """Raised when a file in ``data/demo/`` is missing an entry or has a malformed one."""


@dataclass(frozen=True)
class EventKind:
    """One kind of event (常委会会议, 视察 …) and the templates that report it."""

    id: str
    noun: str
    months: tuple[float, ...]
    titles: tuple[str, ...]
    short_titles: tuple[str, ...]
    leads: tuple[str, ...]
    details: tuple[str, ...]
    openers: tuple[str, ...]


@dataclass(frozen=True)
class Spread:
    """How a slogan travels: from ``order[0]`` at month ``start``, one place every ``step``."""

    start: int
    step: int
    ramp: int
    order: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    """What a story is about, its vocabulary, and where and when it is written about."""

    id: str
    theme: str
    weight: float
    events: str
    places: Mapping[str, float]
    curve: tuple[tuple[int, float], ...]
    spread: Spread | None
    subjects: tuple[str, ...]
    clauses: tuple[str, ...]
    depts: tuple[str, ...]
    sites: tuple[str, ...]
    titles: tuple[str, ...]
    kickers: tuple[str, ...]
    local: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]


@dataclass(frozen=True)
class DemoBank:
    """Everything the generator writes with, as read from ``data/demo/``."""

    outlet: Mapping[str, Any]
    places: Mapping[str, Any]
    surnames: str
    given: str
    text: Mapping[str, tuple[str, ...]]
    event_groups: Mapping[str, Mapping[str, float]]
    events: tuple[EventKind, ...]
    topics: tuple[Topic, ...]


def default_demo_dir() -> Path:
    """The folder of the demo phrase banks: ``data/demo/`` (or ``$GOVTHEMES_DATA/demo``)."""
    return data_path("demo")


def month_number(text: str, *, where: str) -> int:
    """Turn ``'2024-04'`` (or ``'2024-04-01'``) into a month count ``year * 12 + month - 1``."""
    try:
        year, month = (int(part) for part in str(text).split("-")[:2])
    except ValueError:
        raise DemoBankError(f"{where}: expected a month like '2024-04', got {text!r}") from None
    if not 1 <= month <= 12:
        raise DemoBankError(f"{where}: month out of range in {text!r}")
    return year * 12 + month - 1


def load_demo_bank(folder: str | Path | None = None) -> DemoBank:
    """Read and check ``outlet.toml``, ``events.toml`` and ``topics.toml``.

    Args:
        folder: where the three files are; default :func:`default_demo_dir`.

    Returns:
        The phrase banks, with every template checked for unknown placeholders.

    Raises:
        DemoBankError: naming the file and entry that is missing or malformed.
    """
    root = Path(folder) if folder is not None else default_demo_dir()
    outlet, events, topics = (_read(root / f"{name}.toml") for name in ("outlet", "events", "topics"))
    names = _table(outlet, "names", "outlet.toml")
    text = _table(outlet, "text", "outlet.toml")
    groups = _table(events, "event_groups", "events.toml")
    kinds = tuple(
        _event_kind(key, value, f"events.toml [events.{key}]")
        for key, value in _table(events, "events", "events.toml").items()
    )
    known = {kind.id for kind in kinds}
    for group, weights in groups.items():
        unknown = set(weights) - known
        if unknown:
            raise DemoBankError(f"events.toml [event_groups] {group}: unknown events {sorted(unknown)}")
    parsed = tuple(
        _topic(key, value, f"topics.toml [topics.{key}]", groups)
        for key, value in _table(topics, "topics", "topics.toml").items()
    )
    return DemoBank(
        outlet=_table(outlet, "outlet", "outlet.toml"),
        places=_table(outlet, "places", "outlet.toml"),
        surnames=str(names.get("surnames", "")),
        given=str(names.get("given", "")),
        text={key: _templates(text, key, "outlet.toml [text]") for key in TEXT_BANKS},
        event_groups={group: dict(weights) for group, weights in groups.items()},
        events=kinds,
        topics=parsed,
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise DemoBankError(f"demo phrase bank {path} is missing") from None
    except tomllib.TOMLDecodeError as error:
        raise DemoBankError(f"{path}: not valid TOML ({error})") from None


def _table(data: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise DemoBankError(f"{where}: expected a table [{key}]")
    return value


def _templates(data: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> tuple[str, ...]:
    value = data.get(key, [] if not required else None)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise DemoBankError(f"{where}: {key} should be a list of strings")
    if required and not value:
        raise DemoBankError(f"{where}: {key} is empty")
    for template in value:
        try:
            fields = template_fields(template)
        except ValueError as error:
            raise DemoBankError(f"{where}: {key} has a malformed template {template!r} ({error})") from None
        unknown = fields - PLACEHOLDERS
        if unknown:
            raise DemoBankError(f"{where}: {key} template {template!r} uses unknown {sorted(unknown)}")
    return tuple(value)


def _event_kind(key: str, data: Mapping[str, Any], where: str) -> EventKind:
    months = tuple(float(value) for value in data.get("months", [1.0] * 12))
    if len(months) != 12 or min(months) < 0:
        raise DemoBankError(f"{where}: months should be twelve weights >= 0")
    return EventKind(
        id=key,
        noun=str(data.get("noun", "活动")),
        months=months,
        titles=_templates(data, "titles", where),
        short_titles=_templates(data, "short_titles", where),
        leads=_templates(data, "leads", where),
        details=_templates(data, "details", where),
        openers=_templates(data, "openers", where),
    )


def _topic(key: str, data: Mapping[str, Any], where: str, groups: Mapping[str, Any]) -> Topic:
    events = str(data.get("events", ""))
    if events not in groups:
        raise DemoBankError(f"{where}: events = {events!r} is not one of {sorted(groups)}")
    curve = tuple(
        (month_number(month, where=f"{where} curve"), float(value)) for month, value in data.get("curve", [])
    )
    local = {
        place: (
            _templates(entry, "subjects", f"{where}.local.{place}", required=False),
            _templates(entry, "clauses", f"{where}.local.{place}", required=False),
        )
        for place, entry in data.get("local", {}).items()
    }
    return Topic(
        id=key,
        theme=str(data.get("theme", key)),
        weight=float(data.get("weight", 1.0)),
        events=events,
        places={str(place): float(value) for place, value in data.get("places", {}).items()},
        curve=tuple(sorted(curve)),
        spread=_spread(data.get("spread"), where),
        subjects=_templates(data, "subjects", where),
        clauses=_templates(data, "clauses", where),
        depts=_templates(data, "depts", where),
        sites=_templates(data, "sites", where),
        titles=_templates(data, "titles", where, required=False),
        kickers=_templates(data, "kickers", where, required=False),
        local=local,
    )


def _spread(data: Mapping[str, Any] | None, where: str) -> Spread | None:
    if data is None:
        return None
    order = data.get("order")
    if not isinstance(order, list) or not order:
        raise DemoBankError(f"{where}: spread needs an order of prefectures")
    return Spread(
        start=month_number(data.get("start", ""), where=f"{where} spread.start"),
        step=int(data.get("step", 1)),
        ramp=max(int(data.get("ramp", 1)), 1),
        order=tuple(str(place) for place in order),
    )
