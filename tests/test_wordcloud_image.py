"""Word clouds: the Simplified Chinese face, no missing glyphs, and a picture of the right size."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from fontTools.ttLib import TTFont
from PIL import Image

from analysis import wordcloud_image
from analysis.wordcloud_image import FONT_FAMILY, font_path, render_wordcloud

GOVERNANCE_WORDS = [
    "乡村振兴", "高质量发展", "营商环境", "黄河流域生态保护", "基层治理", "党风廉政建设",
    "铸牢中华民族共同体意识", "放管服改革", "河长制", "强省会战略", "三抓三促", "疫情防控",
    "巩固拓展脱贫攻坚成果", "嘉峪关", "临夏回族自治州", "甘南藏族自治州", "陇南", "酒泉",
    "兰州新区", "碌曲", "宕昌", "崆峒", "岷县", "迭部", "肃北", "阿克塞", "两当", "礼县",
]


@pytest.fixture(autouse=True)
def isolated_font_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTHEMES_CACHE", str(tmp_path))
    font_path.cache_clear()
    yield tmp_path
    font_path.cache_clear()


def test_font_is_the_simplified_chinese_face(isolated_font_cache):
    path = Path(font_path())
    assert path.parent.parent == isolated_font_cache
    font = TTFont(str(path), lazy=True)
    assert font["name"].getDebugName(1) == FONT_FAMILY == "Noto Sans CJK SC"
    assert not list(path.parent.glob("*.part"))  # written atomically


def test_font_is_extracted_once_and_then_reused(isolated_font_cache):
    first = Path(font_path())
    stamp = first.stat().st_mtime_ns
    font_path.cache_clear()
    assert Path(font_path()) == first and first.stat().st_mtime_ns == stamp


def test_governance_words_have_every_glyph():
    cmap = TTFont(font_path(), lazy=True).getBestCmap()
    missing = {ch for word in GOVERNANCE_WORDS for ch in word if ord(ch) not in cmap}
    assert missing == set()


def test_render_returns_an_image_of_the_requested_size():
    image = render_wordcloud({w: 100 - i for i, w in enumerate(GOVERNANCE_WORDS)},
                             width=640, height=360)
    assert isinstance(image, Image.Image)
    assert image.size == (640, 360) and image.mode == "RGB"
    assert image.getextrema() != ((255, 255),) * 3  # something was drawn


def test_render_accepts_a_keywords_table_and_is_deterministic():
    table = pd.DataFrame({"term": ["乡村振兴", "营商环境", "乡村振兴", "河长制"],
                          "frequency": [10, 8, 5, 0]})
    first = render_wordcloud(table, width=300, height=200, seed=4)
    second = render_wordcloud(table, width=300, height=200, seed=4)
    assert first.tobytes() == second.tobytes()


def test_render_with_no_terms_gives_a_blank_image():
    image = render_wordcloud({"乡村振兴": 0, "河长制": float("nan")}, width=200, height=100)
    assert image.size == (200, 100)
    assert image.getextrema() == ((255, 255),) * 3


def test_render_rejects_a_table_without_frequency():
    with pytest.raises(ValueError, match="term and frequency"):
        render_wordcloud(pd.DataFrame({"term": ["乡村振兴"]}))


def test_missing_font_package_is_reported(monkeypatch):
    monkeypatch.setattr(wordcloud_image, "COLLECTION", "absent.ttc")
    with pytest.raises(FileNotFoundError, match=r"absent\.ttc"):
        font_path()


def test_a_saved_word_cloud_says_what_it_shows_above_the_cloud():
    from PIL import ImageFont

    from analysis.wordcloud_image import add_title, wrap_text

    cloud = render_wordcloud({"乡村振兴": 5, "协商": 3}, width=400, height=200)
    titled = add_title(cloud, "词云：出现最多的 2 个词", subtitle="地区：兰州市 · 未计地名和人名")
    band = titled.height - cloud.height
    assert titled.width == 400 and 40 < band < 100
    assert titled.crop((0, band, 400, titled.height)).tobytes() == cloud.tobytes()  # the cloud, whole
    top = titled.crop((0, 0, 400, band)).convert("L")
    assert top.getextrema()[0] < 100  # dark title text on the white band
    assert add_title(cloud, "Word cloud").height < titled.height  # no subtitle: no room kept for one
    font = ImageFont.truetype(font_path(), 14)
    lines = wrap_text("地区：兰州市、天水市、定西市、平凉市、庆阳市、陇南市、酒泉市、张掖市、武威市", font, 200)
    assert len(lines) > 1 and all(font.getlength(line) <= 200 for line in lines)
    assert "".join(lines) == "地区：兰州市、天水市、定西市、平凉市、庆阳市、陇南市、酒泉市、张掖市、武威市"
    english = wrap_text("Places: Lanzhou, Tianshui · Themes: Ecology", font, 120)
    assert " ".join(english) == "Places: Lanzhou, Tianshui · Themes: Ecology"  # broken between words
