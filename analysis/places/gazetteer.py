"""The gazetteer: China's administrative divisions (GB/T 2260 codes) and their aliases.

Built from the reference table shipped in the ``ssdlab-region-parser`` package
(``ssdlab_region_parser/data/CN_Region_Reference_Library.xlsx``). The file is read
directly; the package itself is never imported, because importing it adds words to
jieba's global dictionary and takes seconds.

How the file's rows become places:

- Every province-level unit is a ``province`` (31 on the mainland, plus 台湾省 and the
  香港/澳门 special administrative regions as the file has them).
- Municipalities (北京, 天津, 上海, 重庆) and the SARs have a second level in the file
  (110100 "北京市", 500200 "重庆市" for the counties) that names no place of its own.
  It is dropped: their districts and counties sit directly under the province, with
  ``prefecture`` NA, so 朝阳区 rolls up to 北京市. The same holds for county-level units
  under a province directly (省直辖县级行政区划: 济源市, 仙桃市, 海南's 五指山市 and
  琼中黎族苗族自治县, the 兵团 cities of 新疆), whose file parent is a xx9000 grouping.
- A ``市辖区`` row (嘉峪关市 620201, 东莞, 中山, 儋州) is a statistical placeholder, not a
  county: it is dropped, and those cities are prefectures with no counties.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from analysis.common_words import common_word_set
from analysis.paths import data_path
from analysis.places.alias_file import ALIASES_FILE, NotAPlace, check_not_a_place, load_alias_file
from analysis.places.aliases import LEVELS, AliasMeaning, Level, build_aliases
from analysis.places.matcher import PlaceMatcher, compile_bare_county_matcher, compile_matcher
from analysis.places.towns import compile_town_matcher, dateline_towns
from analysis.schema import STRING_DTYPE

PLACE_COLUMNS = (
    "adcode",
    "name",
    "level",
    "province_code",
    "province",
    "prefecture_code",
    "prefecture",
    "county_code",
    "county",
)
"""Columns of :attr:`Gazetteer.places`, in order."""

REFERENCE_PACKAGE = "ssdlab_region_parser"
REFERENCE_FILE = ("data", "CN_Region_Reference_Library.xlsx")
REFERENCE_COLUMNS = (
    "省级名称",
    "省级关键词",
    "省份代码",
    "城市名称",
    "市级关键词",
    "城市代码",
    "区县名称",
    "区县关键词",
    "区县代码",
)


class GazetteerError(ValueError):
    """Raised when the reference table cannot be read or is not as expected."""


@dataclass(frozen=True, slots=True)
class Place:
    """One administrative unit, with the units above it.

    Fields above or below the unit's own level are ``None`` where there is no such unit:
    a prefecture has no county; a district of 北京市 has no prefecture.
    """

    adcode: str
    name: str
    level: Level
    province_code: str
    province: str
    prefecture_code: str | None
    prefecture: str | None
    county_code: str | None
    county: str | None

    @property
    def codes(self) -> tuple[str, ...]:
        """Codes from the province down to this place (its lineage)."""
        return tuple(c for c in (self.province_code, self.prefecture_code, self.county_code) if c)


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """All places, indexed by code and by every alias.

    Attributes:
        places: one row per place, columns :data:`PLACE_COLUMNS`, string dtype, NA
            where a field does not apply; sorted by adcode.
        aliases: ``{alias: meanings}``, each meaning an adcode and the alias's kind,
            province first.
        not_a_place: strings never read as places in running text.
        not_a_town: township names never read as townships (小城镇).
        ethnic_groups: the people's names stripped from autonomous units' names (回族),
            for the short forms of ethnic townships too.
        alias_path: the alias file these came from, named in its errors.
    """

    places: pd.DataFrame
    aliases: Mapping[str, tuple[AliasMeaning, ...]]
    not_a_place: frozenset[str] = frozenset()
    not_a_town: tuple[NotAPlace, ...] = ()
    ethnic_groups: tuple[str, ...] = ()
    alias_path: Path | None = None
    _by_code: Mapping[str, Place] = field(default_factory=dict, repr=False)

    def get(self, adcode: str) -> Place:
        """Return the place with GB/T 2260 code ``adcode``.

        Raises:
            KeyError: if no place has that code.
        """
        try:
            return self._by_code[adcode]
        except KeyError:
            raise KeyError(f"no place has adcode {adcode!r}") from None

    def __contains__(self, adcode: object) -> bool:
        return adcode in self._by_code

    def __iter__(self) -> Iterator[Place]:
        return iter(self._by_code.values())

    def meanings(self, name: str) -> tuple[AliasMeaning, ...]:
        """Return what ``name`` can mean, with the kind of alias it is for each place."""
        return self.aliases.get(name.strip(), ())

    def lookup(self, name: str) -> list[Place]:
        """Return every place ``name`` can mean (province first, then by code).

        ``临夏`` gives 临夏回族自治州, 临夏市 and 临夏县; ``朝阳区`` gives two districts.
        """
        return [self._by_code[m.adcode] for m in self.meanings(name)]

    @cached_property
    def matcher(self) -> PlaceMatcher:
        """The compiled scanner for place names in running text (built on first use)."""
        return compile_matcher(self)

    @cached_property
    def bare_county_matcher(self) -> PlaceMatcher:
        """The scanner for bare county names (安乡), read only in articles about an unnamed county.

        Built on first use: it needs jieba's dictionary to leave out ordinary words (~0.2 s).
        """
        return compile_bare_county_matcher(self, ordinary_words=common_word_set())

    @cached_property
    def town_matcher(self) -> PlaceMatcher:
        """The scanner for township names (石川镇), each meaning its county.

        Built on first use from the township list (:mod:`analysis.places.towns`, ~0.5 s).
        """
        return compile_town_matcher(self)

    @cached_property
    def dateline_towns(self) -> Mapping[str, tuple[str, ...]]:
        """``{township name: adcodes}`` for datelines, short forms included (:mod:`.towns`)."""
        return dateline_towns(self)


def load_gazetteer(*, aliases_path: Path | str | None = None) -> Gazetteer:
    """Return the gazetteer built from the reference table and the alias file (cached).

    Args:
        aliases_path: the alias TOML file; defaults to ``locality_aliases.toml`` in the
            configuration folder (:func:`analysis.paths.data_path`).

    Returns:
        The gazetteer. Building it takes about two seconds, once per alias file.
    """
    path = Path(aliases_path) if aliases_path is not None else data_path(ALIASES_FILE)
    return load_gazetteer_from(path.resolve())


@lru_cache(maxsize=4)
def load_gazetteer_from(path: Path) -> Gazetteer:
    """Build the gazetteer with the alias file at ``path``; cached per path.

    Raises:
        GazetteerError: if the reference table is missing or malformed.
        AliasFileError: if the alias file is, naming the bad entry.
    """
    raw = read_reference()
    places = build_places(raw)
    by_code = {p.adcode: p for p in _places_from_table(places)}
    alias_file = load_alias_file(path, known_codes=by_code)
    aliases = build_aliases(places, raw=raw, alias_file=alias_file)
    check_not_a_place(alias_file.not_a_place, aliases=aliases, path=path)
    return Gazetteer(
        places=places,
        aliases=aliases,
        not_a_place=frozenset(w.text for w in alias_file.not_a_place),
        not_a_town=alias_file.not_a_town,
        ethnic_groups=alias_file.ethnic_groups,
        alias_path=path,
        _by_code=by_code,
    )


def check_town_entries(*, aliases_path: Path | str | None = None) -> None:
    """Check the alias file's ``[[not_a_town]]`` entries against the township list, now.

    A load calls this before it reads any input file: a misspelt entry is named at once,
    not after every file was read. Builds the township scanner the load needs anyway.

    Raises:
        AliasFileError: naming the first entry that is no township's name.
        TownListError: if the township package is missing.
    """
    load_gazetteer(aliases_path=aliases_path).town_matcher  # noqa: B018 (built for its check)


def cache_dir() -> Path:
    """The folder for derived caches: ``$GOVTHEMES_CACHE`` or ``~/.cache/govthemes``."""
    return Path(os.environ.get("GOVTHEMES_CACHE") or Path.home() / ".cache" / "govthemes")


def write_cache(table: pd.DataFrame, target: Path) -> None:
    """Write a cache file atomically; a cache that cannot be written is simply skipped."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        table.to_parquet(partial)
        partial.replace(target)
    except OSError:
        return


def reference_path() -> Path:
    """Locate the reference table inside the installed package, without importing it."""
    spec = importlib.util.find_spec(REFERENCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError(f"package {REFERENCE_PACKAGE!r} is not installed; install ssdlab-region-parser")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*REFERENCE_FILE)


def read_reference(path: Path | None = None) -> pd.DataFrame:
    """Read the reference table as strings and check its columns.

    Raises:
        GazetteerError: if the file is missing or lacks a column.
    """
    path = path or reference_path()
    cached = _cache_file(path)
    if cached is not None and cached.exists():
        return pd.read_parquet(cached)
    try:
        raw = pd.read_excel(path, dtype=str, engine="openpyxl")
    except OSError as error:
        raise GazetteerError(f"cannot read the reference table {path}: {error}") from error
    missing = [c for c in REFERENCE_COLUMNS if c not in raw.columns]
    if missing:
        raise GazetteerError(f"{path}: missing columns {missing}")
    table = raw[list(REFERENCE_COLUMNS)].apply(lambda s: s.str.strip())
    if cached is not None:
        write_cache(table, cached)
    return table


def _cache_file(path: Path) -> Path | None:
    """Where a Parquet copy of the reference table is kept (reading the xlsx takes seconds).

    Keyed by the source file's size and modification time, so an upgraded package is
    re-read. None when the path cannot be stat'ed.
    """
    try:
        stat = path.stat()
    except OSError:
        return None
    return cache_dir() / f"gazetteer-{stat.st_size}-{int(stat.st_mtime)}.parquet"


def build_places(raw: pd.DataFrame) -> pd.DataFrame:
    """Turn the reference table into one row per place (see the module docstring).

    Args:
        raw: the reference table, columns :data:`REFERENCE_COLUMNS`.

    Returns:
        The places table, columns :data:`PLACE_COLUMNS`, sorted by adcode.

    Raises:
        GazetteerError: if two places share an adcode.
    """
    is_group = raw["城市代码"].str[2:4].eq("90") | raw["城市名称"].eq(raw["省级名称"])
    provinces = raw.drop_duplicates("省份代码")
    prefectures = raw[~is_group].drop_duplicates("城市代码")
    counties = raw[raw["区县名称"].ne("市辖区")]
    parts = [
        _place_rows(provinces, level="province", code="省份代码", name="省级名称"),
        _place_rows(prefectures, level="prefecture", code="城市代码", name="城市名称"),
        _place_rows(counties, level="county", code="区县代码", name="区县名称"),
    ]
    county_rows = parts[2]
    county_rows.loc[is_group[counties.index].to_numpy(), ["prefecture_code", "prefecture"]] = pd.NA
    places = pd.concat(parts, ignore_index=True).astype(STRING_DTYPE)
    duplicated = places.loc[places["adcode"].duplicated(), "adcode"].tolist()
    if duplicated:
        raise GazetteerError(f"reference table gives several places the codes {duplicated[:5]}")
    return places.sort_values("adcode", ignore_index=True)[list(PLACE_COLUMNS)]


def _place_rows(rows: pd.DataFrame, *, level: Level, code: str, name: str) -> pd.DataFrame:
    depth = LEVELS.index(level)
    out = pd.DataFrame(
        {
            "adcode": rows[code].to_numpy(),
            "name": rows[name].to_numpy(),
            "level": level,
            "province_code": rows["省份代码"].to_numpy(),
            "province": rows["省级名称"].to_numpy(),
            "prefecture_code": rows["城市代码"].to_numpy() if depth >= 1 else pd.NA,
            "prefecture": rows["城市名称"].to_numpy() if depth >= 1 else pd.NA,
            "county_code": rows["区县代码"].to_numpy() if depth >= 2 else pd.NA,
            "county": rows["区县名称"].to_numpy() if depth >= 2 else pd.NA,
        }
    )
    return out.astype(object)


def _places_from_table(places: pd.DataFrame) -> Iterator[Place]:
    for row in places.itertuples(index=False):
        values = {c: (None if pd.isna(v) else v) for c, v in zip(PLACE_COLUMNS, row, strict=True)}
        yield Place(**values)
