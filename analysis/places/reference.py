"""The reference table of China's administrative divisions (GB/T 2260), read into one row per place.

The table ships in the ``ssdlab-region-parser`` package
(``ssdlab_region_parser/data/CN_Region_Reference_Library.xlsx``). The file is read
directly; the package itself is never imported, because importing it adds words to
jieba's global dictionary and takes seconds. Reading the xlsx takes seconds too, so a
Parquet copy is kept in the cache folder.

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
from pathlib import Path

import pandas as pd

from analysis.places.aliases import LEVELS, Level
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
