"""Chinese and English words of the overview charts: articles over time and by place, partial periods.

One of the label tables :mod:`analysis.charts.labels` joins and looks labels up in: a
translator edits the words of one kind of chart in one small file.
"""

from __future__ import annotations

OVERVIEW_LABELS: dict[str, dict[str, str]] = {
    "articles_over_time": {"zh": "报道数量随时间变化", "en": "Articles over time"},
    "articles_by_locality": {"zh": "各地报道数量", "en": "Articles by place"},
    "articles_axis": {"zh": "报道数（篇）", "en": "Articles"},
    "articles": {"zh": "报道数", "en": "Articles"},
    "unit_articles": {"zh": "篇", "en": ""},
    "period": {"zh": "时间", "en": "Period"},
    "locality": {"zh": "地区", "en": "Place"},
    "all": {"zh": "全部", "en": "All"},
    "share_of_total": {"zh": "占总数", "en": "Share of total"},
    "unplaced_note": {
        "zh": "另有 {n:,} 篇（{share:.0%}）未定位到这一级地区，未画出。",
        "en": "{n:,} more articles ({share:.0%}) have no place at this level.",
    },
    "partial_period": {
        "zh": "不完整的时段：只含 {span}（{covered}/{days} 天）",
        "en": "Partial period: covers {span} ({covered} of {days} days)",
    },
    "partial_none": {"zh": "不完整的时段：数据未覆盖", "en": "Partial period: not covered by the data"},
    "tiny_bars_note": {
        "zh": "另有 {n} 个时段共 {articles:,} 篇，不到最高柱的 1%，柱子矮得看不见：悬停或下载 CSV 可见其数。",
        "en": "{n} more periods hold {articles:,} articles in all, under 1% of the tallest bar: too short to "
              "see; hover or download the CSV for their counts.",
    },
    "partial_periods_note": {
        "zh": "斜线浅色柱为不完整的时段：数据只覆盖其中一部分（{span}），不宜与完整时段直接比较。",
        "en": "Hatched, lighter bars are partial periods: the data cover only part of them ({span}); "
              "do not compare them with whole periods.",
    },
    "partial_points_note": {
        "zh": "空心点为不完整的时段：数据只覆盖其中一部分（{span}），占比波动更大。",
        "en": "Open markers are partial periods: the data cover only part of them ({span}), "
              "so their shares swing more.",
    },
    "top_places_note": {
        "zh": "只显示文章数最多的 {shown} 个地区（共 {total} 个）；下载 CSV 可得全部。",
        "en": "Showing the {shown} places with the most articles (of {total}); the CSV has them all.",
    },
    "top_places_theme_note": {
        "zh": "只显示所选主题文章最多的 {shown} 个地区（共 {total} 个）；下载 CSV 可得全部。",
        "en": "Showing the {shown} places with the most articles on the chosen themes (of {total}); "
              "the CSV has them all.",
    },
    "few_articles_note": {
        "zh": "地区名后为其文章数；灰色地区不足 {n} 篇，一篇文章就能使占比变动 5 个百分点以上。",
        "en": "Each place shows its number of articles; grey places have fewer than {n}, where one "
              "article moves a share by more than 5 points.",
    },
}
"""Label key → {'zh': ..., 'en': ...}."""
