"""Chinese and English words of the maps.

One of the label tables :mod:`analysis.charts.labels` joins and looks labels up in: a
translator edits the words of one kind of chart in one small file.
"""

from __future__ import annotations

MAP_LABELS: dict[str, dict[str, str]] = {
    "few_articles": {"zh": "文章太少，数值仅供参考", "en": "Too few articles: read with care"},
    "map": {"zh": "各地报道数量分布", "en": "Articles by region"},
    "region": {"zh": "地区", "en": "Region"},
    "code": {"zh": "区划代码", "en": "Code"},
    "no_data": {"zh": "无数据", "en": "No data"},
    "not_a_region": {"zh": "非行政区划单位", "en": "Not an administrative unit"},
    "value": {"zh": "数值", "en": "Value"},
}
"""Label key → {'zh': ..., 'en': ...}."""
