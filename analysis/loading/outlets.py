"""One name per outlet: the analyst's list of outlets and the other names inputs give them.

The same outlet reaches the articles table under several names: 新闻联播's JSON days say
``央视网`` for most items and ``CNTV`` for some, a web-page export gives the site's host
(``cppcc.china.com.cn`` for 人民政协网), a report's ``来源：`` line a paper's app
(``宁夏日报客户端``). Counted by outlet, one outlet would be several. ``data/outlets.toml``
lists each outlet's name with its aliases and where they were seen; every article's outlet
is looked up there once, as its file comes in (:func:`analysis.loading.load`), whatever
loader read it. A name that is not listed stays as the input wrote it: an unknown host is
never guessed at.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from analysis.loading.raw import RawArticle
from analysis.paths import data_path, read_config_text
from analysis.places.alias_entries import AliasFileError, entry_fields, table_entries, where
from analysis.report import Problem

__all__ = ["OUTLETS_FILE", "OutletNames", "load_outlet_names", "name_outlets", "outlet_key", "outlet_names"]

OUTLETS_FILE = "outlets.toml"
"""The list of outlets in the configuration folder (:func:`analysis.paths.data_path`)."""
TABLE = "outlet"


def outlet_key(name: str) -> str:
    """How a name is compared: width folded (ＣＮＴＶ), case folded, spaces collapsed and trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name)).strip().casefold()


@dataclass(frozen=True)
class OutletNames:
    """The outlet list read: each name and alias (as :func:`outlet_key` compares them) → its outlet's name."""

    names: Mapping[str, str]

    def name(self, outlet: str | None) -> str | None:
        """The outlet's listed name, or ``outlet`` as written when the list does not know it."""
        if outlet is None:
            return None
        return self.names.get(outlet_key(outlet), outlet)


def load_outlet_names(path: Path | str | None = None) -> OutletNames:
    """Read and check ``data/outlets.toml`` (or ``path``).

    Raises:
        ConfigFileError: naming the file, the entry and what was expected: a missing or
            empty ``name``, ``aliases`` or ``source``, an unknown key, an outlet listed twice,
            an alias listed under two outlets or one that is another outlet's name.
    """
    path = Path(path) if path is not None else data_path(OUTLETS_FILE)
    try:
        raw = tomllib.loads(read_config_text(path, "outlet names"))
    except tomllib.TOMLDecodeError as error:
        raise AliasFileError(path, [Problem.of("config_not_toml", error=str(error))]) from error
    entries = []
    for index, entry in enumerate(table_entries(raw, TABLE, path), start=1):
        named = where(TABLE, index, entry.get("name", "?"))
        entries.append((named, entry_fields(entry, required=("name", "source"), lists=("aliases",), path=path,
                                            where=named)))
    return OutletNames(_names_of(entries, path))


def _names_of(entries: list[tuple[Problem, dict[str, Any]]], path: Path) -> dict[str, str]:
    """Every name and alias (by :func:`outlet_key`) → its outlet, each text given to one outlet only."""
    names: dict[str, str] = {}
    for named, fields in entries:
        if outlet_key(fields["name"]) in names:
            raise AliasFileError(path, [Problem.of("outlet_listed_twice", where=named)])
        names[outlet_key(fields["name"])] = fields["name"]
    for named, fields in entries:
        for alias in fields["aliases"]:
            other = names.setdefault(outlet_key(alias), fields["name"])
            if other != fields["name"]:
                problem = Problem.of("outlet_alias_taken", where=named, alias=repr(alias), other=other)
                raise AliasFileError(path, [problem])
    return names


@lru_cache(maxsize=4)
def _outlet_names_at(path: Path) -> OutletNames:
    return load_outlet_names(path)


def outlet_names() -> OutletNames:
    """The outlet list of the configuration folder as it is now, read once per process and folder."""
    return _outlet_names_at(data_path(OUTLETS_FILE))


def name_outlets(raws: list[RawArticle], outlets: OutletNames) -> list[RawArticle]:
    """The articles with each outlet under its listed name (the others as they are)."""
    return [raw if (named := outlets.name(raw.outlet)) == raw.outlet else replace(raw, outlet=named)
            for raw in raws]

