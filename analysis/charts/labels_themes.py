"""Chinese and English words of the theme charts: heatmap, trends and theme mix.

One of the label tables :mod:`analysis.charts.labels` joins and looks labels up in: a
translator edits the words of one kind of chart in one small file.
"""

from __future__ import annotations

THEME_LABELS: dict[str, dict[str, str]] = {
    "theme": {"zh": "主题", "en": "Theme"},
    "theme_heatmap": {"zh": "各地主题报道占比", "en": "Theme share by place"},
    "theme_heatmap_relative": {
        "zh": "各地主题报道占比（相对全体平均的倍数）",
        "en": "Theme share by place, relative to all places",
    },
    "relative_axis": {"zh": "相对全体平均（倍）", "en": "× the overall share"},
    "relative": {"zh": "相对全体平均", "en": "Relative to overall"},
    "theme_trends": {"zh": "主题报道占比随时间变化", "en": "Theme share over time"},
    "theme_heatmap_column": {
        "zh": "各地主题报道占比（各主题列内比较）",
        "en": "Theme share by place, each theme on its own scale",
    },
    "column_axis": {"zh": "本主题内的高低", "en": "Within the theme"},
    "column_max": {"zh": "本列最高", "en": "theme's highest"},
    "empty_themes_note": {
        "zh": "另有 {n} 个主题在所选范围内没有文章，未画出。",
        "en": "{n} more themes have no article in this selection and are not drawn.",
    },
    "colour_cap_note": {
        "zh": "色阶上限为 {cap:.0%}（第 {pct:.0f} 百分位），更高的格子同为最深色；格中数字为实际占比。",
        "en": "The colour scale stops at {cap:.0%} (the {pct:.0f}th percentile): higher cells share the "
        "darkest colour; the numbers are the true shares.",
    },
    "trends_top_note": {
        "zh": "显示文章最多的 {shown} 个主题（共 {total} 个主题有文章）；可在侧栏“主题”中选择要显示的主题。",
        "en": "Showing the {shown} themes with the most articles (of {total} with any); choose themes in "
        "the sidebar.",
    },
    "thin_periods_note": {
        "zh": "{n} 个时段文章不足 {min} 篇，占比只能是 0 或 100% 一类的极端值，未画出（数字见 CSV）。",
        "en": "Periods with fewer than {min} articles ({n}), whose shares can only be extremes such as 0 "
        "or 100%, are not drawn (their counts are in the CSV).",
    },
    "trends_chosen_note": {
        "zh": "显示侧栏所选的 {n} 个主题；占比的分母是同期全部文章。",
        "en": "Showing the {n} themes chosen in the sidebar, as shares of all articles of each period.",
    },
    "trends_chosen_one_note": {
        "zh": "显示侧栏所选的主题；占比的分母是同期全部文章。",
        "en": "Showing the theme chosen in the sidebar, as a share of all articles of each period.",
    },
    "mix_others_note": {
        "zh": "单列文章最多的 {shown} 个主题，其余 {n} 个合并为灰色的“其他主题”。",
        "en": "The {shown} themes with the most articles are shown; {n} others are merged as grey "
        "'Other themes'.",
    },
    "theme_mix": {"zh": "各地主题构成", "en": "Theme mix by place"},
    "share": {"zh": "报道占比", "en": "Share of articles"},
    "share_axis": {"zh": "报道占比（%）", "en": "Share of articles (%)"},
    "mix_axis": {"zh": "主题构成（%，按文章×主题计）", "en": "Theme mix (% of article-theme pairs)"},
    "mix": {"zh": "构成占比", "en": "Mix"},
    "other_themes": {"zh": "其他主题", "en": "Other themes"},
    "theme_articles": {"zh": "涉及该主题", "en": "Articles on theme"},
    "group_articles": {"zh": "地区报道总数", "en": "Articles in group"},
    "n_hits": {"zh": "命中词次", "en": "Term hits"},
}
"""Label key → {'zh': ..., 'en': ...}."""
