"""The map tab on real shapes of corpus: a municipality is drawn by its districts."""

import pytest

from analysis.geo import has_prefectures
from tests.test_dashboard import charts, load_reports_folder

pytestmark = pytest.mark.slow

BEIJING = [
    ("2026-01-20", "海淀区推进中关村科学城建设", "北京市海淀区加快建设中关村科学城，推动科技创新和产业创新融合。"),
    ("2026-01-22", "朝阳区优化营商环境", "北京市朝阳区出台措施，持续优化营商环境，服务企业发展。"),
    ("2026-01-23", "北京市推进京津冀协同发展", "北京市坚持以首都发展为统领，推动京津冀协同发展走深走实。"),
]


@pytest.mark.parametrize(("province", "divided"), [("110000", False), ("500000", False), ("810000", False),
                                                      ("620000", True), ("460000", True)])
def test_a_municipality_has_no_prefectures_on_the_map(province, divided):
    assert has_prefectures(province) is divided


def test_a_municipality_is_mapped_by_its_districts_not_as_one_empty_region(tmp_path, monkeypatch):
    at = load_reports_folder(tmp_path, monkeypatch, BEIJING)
    assert at.selectbox(key="map_province").value == "110000"  # the only province: no map of China
    drawn = [widget.key for widget in at.get("button_group")]
    assert "map_level" not in drawn and "ov_period" in drawn  # no prefecture map to switch to
    assert any(c.value == "北京市不设市（州），地图按区县画出。" for c in at.caption)
    beijing = next(spec for spec in charts(at).values() if spec["data"][0].get("type") == "choroplethmap")
    coloured = dict(zip(beijing["data"][0]["locations"], beijing["data"][0]["z"], strict=False))
    assert len(beijing["data"][0]["geojson"]["features"]) == 16
    assert coloured["110108"] == 1 and coloured["110105"] == 1  # 海淀, 朝阳
    notes = [c.value for c in at.caption if "不在图上" in c.value]
    assert notes == ["地图画出 2 篇；另有 1 篇（33%）不在图上：未定位到这一级地区，或在所选省份之外。"]
