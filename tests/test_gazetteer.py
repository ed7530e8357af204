"""The gazetteer: GB/T 2260 places from the reference table, their hierarchy and aliases."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from analysis.places.alias_file import AliasFileError, check_not_a_place, load_alias_file
from analysis.places.aliases import name_forms
from analysis.places.gazetteer import PLACE_COLUMNS, Gazetteer, Place, load_gazetteer
from analysis.schema import STRING_DTYPE

REPO_ROOT = Path(__file__).resolve().parents[1]

MAINLAND_PROVINCES = {
    "110000": "北京市", "120000": "天津市", "130000": "河北省", "140000": "山西省",
    "150000": "内蒙古自治区", "210000": "辽宁省", "220000": "吉林省", "230000": "黑龙江省",
    "310000": "上海市", "320000": "江苏省", "330000": "浙江省", "340000": "安徽省",
    "350000": "福建省", "360000": "江西省", "370000": "山东省", "410000": "河南省",
    "420000": "湖北省", "430000": "湖南省", "440000": "广东省", "450000": "广西壮族自治区",
    "460000": "海南省", "500000": "重庆市", "510000": "四川省", "520000": "贵州省",
    "530000": "云南省", "540000": "西藏自治区", "610000": "陕西省", "620000": "甘肃省",
    "630000": "青海省", "640000": "宁夏回族自治区", "650000": "新疆维吾尔自治区",
}  # fmt: skip

GANSU_PREFECTURES = {
    "620100": "兰州市", "620200": "嘉峪关市", "620300": "金昌市", "620400": "白银市",
    "620500": "天水市", "620600": "武威市", "620700": "张掖市", "620800": "平凉市",
    "620900": "酒泉市", "621000": "庆阳市", "621100": "定西市", "621200": "陇南市",
    "622900": "临夏回族自治州", "623000": "甘南藏族自治州",
}  # fmt: skip

ETHNIC = ("回族", "藏族", "裕固族", "蒙古族", "哈萨克族", "保安族", "东乡族", "撒拉族", "鄂伦春族")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def codes_of(places: list[Place]) -> list[str]:
    return [p.adcode for p in places]


# --- the places table -------------------------------------------------------------------


def test_places_table_has_the_documented_columns_as_strings(gazetteer):
    places = gazetteer.places
    assert tuple(places.columns) == PLACE_COLUMNS
    assert all(places[c].dtype == STRING_DTYPE for c in PLACE_COLUMNS)
    assert places["adcode"].is_unique
    assert set(places["level"]) == {"province", "prefecture", "county"}


def test_all_31_mainland_provinces_are_present(gazetteer):
    for code, name in MAINLAND_PROVINCES.items():
        place = gazetteer.get(code)
        assert (place.name, place.level, place.province) == (name, "province", name)
        assert place.prefecture is None and place.county is None


def test_gansu_has_its_14_prefecture_level_units(gazetteer):
    prefectures = {p.adcode: p.name for p in gazetteer if p.level == "prefecture"}
    gansu = {code: name for code, name in prefectures.items() if code.startswith("62")}
    assert gansu == GANSU_PREFECTURES
    for code in GANSU_PREFECTURES:
        place = gazetteer.get(code)
        assert (place.province, place.prefecture_code, place.county) == ("甘肃省", code, None)


def test_gansu_has_86_county_level_units_each_under_a_gansu_prefecture(gazetteer):
    counties = [p for p in gazetteer if p.level == "county" and p.province_code == "620000"]
    assert len(counties) == 86
    assert {p.prefecture_code for p in counties} <= set(GANSU_PREFECTURES)


@pytest.mark.parametrize(
    ("code", "name", "prefecture_code", "prefecture"),
    [
        ("620981", "玉门市", "620900", "酒泉市"),
        ("620721", "肃南裕固族自治县", "620700", "张掖市"),
        ("620923", "肃北蒙古族自治县", "620900", "酒泉市"),
        ("620922", "瓜州县", "620900", "酒泉市"),
        ("621125", "漳县", "621100", "定西市"),
        ("622926", "东乡族自治县", "622900", "临夏回族自治州"),
    ],
)
def test_gansu_counties_have_the_right_parents(gazetteer, code, name, prefecture_code, prefecture):
    assert gazetteer.get(code) == Place(
        adcode=code,
        name=name,
        level="county",
        province_code="620000",
        province="甘肃省",
        prefecture_code=prefecture_code,
        prefecture=prefecture,
        county_code=code,
        county=name,
    )


def test_shixiaqu_rows_are_not_counties(gazetteer):
    assert "620201" not in gazetteer and "441901" not in gazetteer
    assert not [p for p in gazetteer if p.level == "county" and p.prefecture_code == "620200"]
    assert gazetteer.get("620200").level == "prefecture"


def test_municipality_districts_roll_up_to_the_province_with_no_prefecture(gazetteer):
    chaoyang = gazetteer.get("110105")
    assert (chaoyang.province, chaoyang.prefecture, chaoyang.county) == ("北京市", None, "朝阳区")
    assert chaoyang.codes == ("110000", "110105")
    assert gazetteer.get("500229").province == "重庆市"
    assert "110100" not in gazetteer and "500200" not in gazetteer


@pytest.mark.parametrize(
    ("code", "name", "province"),
    [
        ("429004", "仙桃市", "湖北省"),
        ("419001", "济源市", "河南省"),
        ("469030", "琼中黎族苗族自治县", "海南省"),
        ("659001", "石河子市", "新疆维吾尔自治区"),
    ],
)
def test_province_administered_counties_have_no_prefecture(gazetteer, code, name, province):
    place = gazetteer.get(code)
    assert (place.name, place.level, place.province, place.prefecture) == (
        name,
        "county",
        province,
        None,
    )


def test_get_unknown_code_names_it(gazetteer):
    with pytest.raises(KeyError, match="999999"):
        gazetteer.get("999999")


# --- aliases ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "codes"),
    [
        ("临夏州", ["622900"]),
        ("临夏回族自治州", ["622900"]),
        ("肃南县", ["620721"]),
        ("肃南自治县", ["620721"]),
        ("甘南州", ["623000"]),
        ("张家川县", ["620525"]),
        ("阿克塞县", ["620924"]),
        ("积石山县", ["622927"]),
        ("东乡县", ["622926"]),
        ("玉门市", ["620981"]),
        ("兰州", ["620100"]),
        ("甘肃", ["620000"]),
        ("兰州新区", ["620100"]),
        ("朝阳区", ["110105", "220104"]),
        ("临夏", ["622900", "622901", "622921"]),
        ("不是地名", []),
    ],
)
def test_lookup_gives_every_place_an_alias_can_mean(gazetteer, alias, codes):
    assert codes_of(gazetteer.lookup(alias)) == codes


def test_bare_county_names_are_known_to_lookup(gazetteer):
    assert codes_of(gazetteer.lookup("高台")) == ["620724"]
    assert codes_of(gazetteer.lookup("肃南")) == ["620721"]


@pytest.mark.parametrize(
    ("name", "level", "expected"),
    [
        (
            "临夏回族自治州",
            "prefecture",
            {"临夏回族自治州": "full", "临夏自治州": "short", "临夏州": "short", "临夏": "bare"},
        ),
        (
            "肃南裕固族自治县",
            "county",
            {"肃南裕固族自治县": "full", "肃南自治县": "short", "肃南县": "short", "肃南": "bare"},
        ),
        (
            "积石山保安族东乡族撒拉族自治县",
            "county",
            {
                "积石山保安族东乡族撒拉族自治县": "full",
                "积石山自治县": "short",
                "积石山县": "short",
                "积石山": "bare",
            },
        ),
        (
            "东乡族自治县",
            "county",
            {"东乡族自治县": "full", "东乡自治县": "short", "东乡县": "short", "东乡": "bare"},
        ),
        ("鄂伦春自治旗", "county", {"鄂伦春自治旗": "full", "鄂伦春旗": "short", "鄂伦春": "bare"}),
        ("内蒙古自治区", "province", {"内蒙古自治区": "full", "内蒙古": "bare"}),
        ("甘肃省", "province", {"甘肃省": "full", "甘肃": "bare"}),
        ("阿拉善盟", "prefecture", {"阿拉善盟": "full", "阿拉善": "bare"}),
        ("漳县", "county", {"漳县": "full"}),
    ],
)
def test_name_forms_strip_level_words_and_peoples(name, level, expected):
    assert name_forms(name, level=level, ethnic_groups=ETHNIC) == expected


# --- the alias file ---------------------------------------------------------------------


def write_toml(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "aliases.toml"
    header = '[name_rules]\nethnic_groups = ["回族"]\n'
    path.write_text(header + textwrap.dedent(body), encoding="utf-8")
    return path


KNOWN = {"620100": object()}


def test_alias_file_shipped_with_the_repo_is_valid(gazetteer):
    assert gazetteer.not_a_place >= {"白银", "示范县"}


def test_alias_file_entries_are_read(tmp_path):
    path = write_toml(
        tmp_path,
        """
        [[alias]]
        alias = "兰州新区"
        adcode = "620100"
        note = "new area"
        source = "国函〔2012〕104号"

        [[not_a_place]]
        text = "白银"
        note = "silver"
        """,
    )
    parsed = load_alias_file(path, known_codes=KNOWN)
    assert [(a.alias, a.adcode) for a in parsed.aliases] == [("兰州新区", "620100")]
    assert [w.text for w in parsed.not_a_place] == ["白银"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[alias]]\nalias = "兰州新区"\nadcode = "620100"\nnote = "x"\n', "entry 1 .*'source'"),
        (
            '[[alias]]\nalias = "甲"\nadcode = "62010"\nnote = "x"\nsource = "y"\n',
            r"entry 1 \('甲'\).*6-digit",
        ),
        (
            '[[alias]]\nalias = "甲"\nadcode = "999999"\nnote = "x"\nsource = "y"\n',
            "999999 is not in the gazetteer",
        ),
        (
            '[[alias]]\nalias = "甲"\nadcode = "620100"\nnote = "x"\nsource = "y"\nlevel = 1\n',
            "unknown keys",
        ),
        ('[[not_a_place]]\ntext = "白银"\n', r"\[\[not_a_place\]\] entry 1 .*'note'"),
        ('[[not_a_place]]\ntext = "白银"\nnote = "a"\n' * 2, "lists '白银' twice"),
        ("[[alias]\n", "not valid TOML"),
        (
            '[[alias]]\nalias = "甲"\nadcode = "620100"\nnote = "x"\nsource = "y"\ndateline_only = "yes"\n',
            r"entry 1 \('甲'\).*'dateline_only' must be true or false, got 'yes'",
        ),
    ],
)
def test_alias_file_errors_name_the_entry(tmp_path, body, message):
    path = write_toml(tmp_path, body)
    with pytest.raises(AliasFileError, match=message):
        load_alias_file(path, known_codes=KNOWN)


def test_a_dateline_only_alias_is_read_in_datelines_and_never_in_running_text(gazetteer, where):
    # the shipped file's 乌镇 (桐乡市): 新华社乌镇电 files from it; 乌镇峰会 in a report from
    # elsewhere is no mention of it (written for this test)
    assert codes_of(gazetteer.lookup("乌镇")) == ["330483"]
    assert "乌镇" in gazetteer.not_a_place
    text = "乌镇峰会的成果在本市推广。"
    assert where(text, dateline_place="乌镇", dateline_agency="新华社", title="峰会成果推广") == "330483"
    assert where(text, title="乌镇峰会成果推广") is None


def test_not_a_place_text_without_any_place_name_is_rejected(tmp_path):
    path = write_toml(tmp_path, '[[not_a_place]]\ntext = "银子"\nnote = "typo"\n')
    parsed = load_alias_file(path, known_codes=KNOWN)
    with pytest.raises(AliasFileError, match=r"'银子'.*contains no place name"):
        check_not_a_place(parsed.not_a_place, aliases={"白银", "兰州"}, path=path)


def test_extra_alias_file_is_used(tmp_path):
    path = write_toml(
        tmp_path,
        '[[alias]]\nalias = "金城"\nadcode = "620100"\nnote = "old name"\nsource = "x"\n',
    )
    custom = load_gazetteer(aliases_path=path)
    assert codes_of(custom.lookup("金城")) == ["620100"]
    # without the shipped file's entry, the reference table's keyword for 皋兰县 applies
    assert codes_of(custom.lookup("兰州新区")) == ["620122"]


# --- no side effects --------------------------------------------------------------------


def test_loading_does_not_import_the_parser_nor_the_township_list_nor_touch_jieba():
    code = (
        "import sys\n"
        "from analysis.places.gazetteer import load_gazetteer, load_gazetteer_from\n"
        "assert load_gazetteer_from.cache_info().currsize == 0\n"
        "load_gazetteer()\n"
        "bad = [m for m in sys.modules if m.startswith(('ssdlab_region_parser', 'jieba', 'chinese_address'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO_ROOT)


def test_alias_file_is_found_in_the_configuration_folder(tmp_path, monkeypatch):
    write_toml(tmp_path, '[[alias]]\nalias = "金城"\nadcode = "620100"\nnote = "n"\nsource = "s"\n')
    (tmp_path / "aliases.toml").rename(tmp_path / "locality_aliases.toml")
    monkeypatch.setenv("GOVTHEMES_DATA", str(tmp_path))
    assert codes_of(load_gazetteer().lookup("金城")) == ["620100"]
