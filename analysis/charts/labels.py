"""Chinese and English labels for every chart: titles, axis titles and hover names.

Charts look labels up with :func:`label` so that the ``lang`` switch is one dictionary
and a translator edits one file. Plotly's own words in Chinese are here too
(:data:`PLOTLY_ZH_CN`). Period names and time-axis formats are in
:mod:`analysis.charts.period_axis`, importable from here as well.
"""

from __future__ import annotations

from typing import Literal

from analysis.charts.period_axis import (
    AXIS_DATE_FORMAT,
    WHOLE_PERIOD,
    is_whole_period,
    period_label,
    period_start,
)

__all__ = [
    "AXIS_DATE_FORMAT",
    "GROUP_WORDS",
    "LABELS",
    "PLOTLY_ZH_CN",
    "WHOLE_PERIOD",
    "Lang",
    "group_label",
    "is_whole_period",
    "label",
    "period_label",
    "period_start",
]

Lang = Literal["zh", "en"]

LABELS: dict[str, dict[str, str]] = {
    # overview
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
        "en": "Partial period: only {span} ({covered} of {days} days)",
    },
    "partial_none": {"zh": "不完整的时段：数据未覆盖", "en": "Partial period: not covered by the data"},
    "partial_periods_note": {
        "zh": "斜线浅色柱为不完整的时段：数据只覆盖其中一部分（{first:%Y-%m-%d} 至 {last:%Y-%m-%d}），"
              "不宜与完整时段直接比较。",
        "en": "Hatched, lighter bars are partial periods: the data cover only part of them ({first:%Y-%m-%d} "
              "to {last:%Y-%m-%d}); do not compare them with whole periods.",
    },
    "partial_points_note": {
        "zh": "空心点为不完整的时段：数据只覆盖其中一部分（{first:%Y-%m-%d} 至 {last:%Y-%m-%d}），"
              "占比波动更大。",
        "en": "Open markers are partial periods: the data cover only part of them ({first:%Y-%m-%d} to "
              "{last:%Y-%m-%d}), so their shares swing more.",
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
    # keywords
    "top_terms": {"zh": "高频词", "en": "Top terms"},
    "term": {"zh": "词语", "en": "Term"},
    "frequency": {"zh": "词频", "en": "Frequency"},
    "frequency_axis": {"zh": "词频（次）", "en": "Frequency (occurrences)"},
    "rate_per_10k": {"zh": "每万词频次", "en": "Rate per 10k words"},
    "rate_per_10k_axis": {"zh": "词频（次/万词）", "en": "Rate (per 10,000 words)"},
    "docfreq": {"zh": "出现篇数", "en": "Articles containing"},
    "rank": {"zh": "排名", "en": "Rank"},
    "tfidf": {"zh": "TF-IDF", "en": "TF-IDF"},
    "keyness": {"zh": "关键性词语（对数似然比 G²）", "en": "Keyness (log-likelihood G²)"},
    "keyness_axis": {
        "zh": "对数似然比 G²（正：目标语料偏多；负：参照语料偏多）",
        "en": "G² (positive: over-used in target; negative: in reference)",
    },
    "g2": {"zh": "G²", "en": "G²"},
    "log_ratio": {"zh": "对数比（log₂）", "en": "Log ratio (log₂)"},
    "p_value": {"zh": "p 值", "en": "p-value"},
    "target": {"zh": "目标语料", "en": "Target"},
    "reference": {"zh": "参照语料", "en": "Reference"},
    "target_frequency": {"zh": "目标语料词频", "en": "Target frequency"},
    "reference_frequency": {"zh": "参照语料词频", "en": "Reference frequency"},
    "slogans": {"zh": "政策提法", "en": "Policy slogans"},
    "slogan": {"zh": "提法", "en": "Slogan"},
    "slogan_spread": {
        "zh": "政策提法的扩散：累计提及地区数",
        "en": "How slogans spread: places that have mentioned them",
    },
    "slogan_spread_note": {
        "zh": "每一级台阶是一个地区首次提及该提法；地区层级同左侧“地区层级”。",
        "en": "Each step is a place mentioning the slogan for the first time, at the sidebar's place level.",
    },
    "no_spread_note": {
        "zh": "这些提法各只在一个地区出现过，尚未扩散到别处：每条线只有一级台阶。",
        "en": "Each of these slogans has been mentioned in one place only: none has spread yet.",
    },
    "same_spread_note": {
        "zh": "{slogans}在同样的日期传到同样多的地区：它们的线完全重合，只看得到最后画的一条。",
        "en": "{slogans} reached as many places on the same dates: their lines lie on top of each other.",
    },
    "first_mention": {"zh": "首次提及", "en": "First mention"},
    "first_mention_axis": {"zh": "在该地首次提及的日期", "en": "Date of first mention there"},
    "places_so_far": {"zh": "累计地区数", "en": "Places so far"},
    "places_axis": {"zh": "已提及的地区数（个）", "en": "Places that have mentioned it"},
    "unit_places": {"zh": "个", "en": ""},
    "mentions": {"zh": "提及次数", "en": "Mentions"},
    "mentions_axis": {"zh": "提及次数（次）", "en": "Mentions"},
    "first_date": {"zh": "首次出现", "en": "First seen"},
    "last_date": {"zh": "最近出现", "en": "Last seen"},
    "n_groups": {"zh": "涉及地区数", "en": "Places"},
    "groups": {"zh": "地区", "en": "Places"},
    # themes
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
    # network
    "network": {"zh": "关键词共现网络", "en": "Keyword co-occurrence network"},
    "co_articles": {"zh": "共现篇数", "en": "Articles with both"},
    "pmi": {"zh": "PMI", "en": "PMI"},
    "npmi": {"zh": "NPMI", "en": "NPMI"},
    "docfreq_word": {"zh": "出现篇数（分词后含该词的文章）", "en": "Articles with this word (as segmented)"},
    "degree": {"zh": "关联词数", "en": "Degree"},
    "strength": {"zh": "共现总篇数", "en": "Weighted degree"},
    "network_note": {
        "zh": "节点大小：出现篇数；连线粗细：共现篇数",
        "en": "Node size: articles containing; edge width: co-occurrences",
    },
    "network_note_degree": {
        "zh": "节点大小：共现总篇数；连线粗细：共现篇数",
        "en": "Node size: weighted degree; edge width: co-occurrences",
    },
    # maps
    "few_articles": {"zh": "文章太少，数值仅供参考", "en": "Too few articles: read with care"},
    "map": {"zh": "各地报道数量分布", "en": "Articles by region"},
    "region": {"zh": "地区", "en": "Region"},
    "code": {"zh": "区划代码", "en": "Code"},
    "no_data": {"zh": "无数据", "en": "No data"},
    "not_a_region": {"zh": "非行政区划单位", "en": "Not an administrative unit"},
    "value": {"zh": "数值", "en": "Value"},
}
"""Label key → {'zh': ..., 'en': ...}."""


def label(key: str, lang: Lang = "zh") -> str:
    """Return the label for ``key`` in ``lang``.

    Raises:
        KeyError: naming the unknown key or language.
    """
    try:
        return LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no chart label {key!r} in language {lang!r}") from None


def colon(lang: Lang = "zh") -> str:
    """What follows the name of a value: Chinese takes the full-width colon, with no space."""
    return "：" if lang == "zh" else ": "


def articles_count(n: float, lang: Lang = "zh") -> str:
    """A number of articles standing alone (a row label, a bar): ``330 篇``, ``330 articles``."""
    if lang == "en":
        return f"{n:,.0f} article{'' if n == 1 else 's'}"
    return f"{n:,.0f} {label('unit_articles', lang)}"


def list_separator(lang: Lang = "zh") -> str:
    """What stands between the items of a list in running text: Chinese takes 、, English a comma."""
    return "、" if lang == "zh" else ", "


def field(key: str, lang: Lang = "zh") -> str:
    """The label for ``key`` as the name of a value in a hover line: ``占比：`` or ``Share: ``."""
    return f"{label(key, lang)}{colon(lang)}"


PLOTLY_ZH_CN: dict[str, object] = {
    "dictionary": {
        "Download plot as a png": "下载为 PNG 图片",
        "Download plot as a PNG": "下载为 PNG 图片",
        "Download plot": "下载图片",
        "Zoom": "框选放大",
        "Pan": "平移",
        "Box Select": "矩形选择",
        "Lasso Select": "套索选择",
        "Zoom in": "放大",
        "Zoom out": "缩小",
        "Autoscale": "自动缩放",
        "Reset axes": "重置坐标轴",
        "Reset view": "重置视图",
        "Reset": "重置",
        "Show closest data on hover": "悬停时显示最近的数据",
        "Compare data on hover": "悬停时比较数据",
        "Toggle Spike Lines": "显示或隐藏参考线",
        "Produced with Plotly": "由 Plotly 生成",
        "Snapshot succeeded": "图片已生成",
        "Taking snapshot - this may take a few seconds": "正在生成图片，请稍候",
        "Sorry, there was a problem downloading your snapshot!": "抱歉，图片下载失败",
        "Double-click to zoom back out": "双击恢复原来的大小",
        "Double-click on legend to isolate one trace": "双击图例可只显示这一项",
        "Click to enter Plot title": "点击输入图表标题",
        "Click to enter X axis title": "点击输入横轴标题",
        "Click to enter Y axis title": "点击输入纵轴标题",
        "Click to enter Colorscale title": "点击输入色阶标题",
        "trace": "数据系列",
        "new text": "新文字",
        "lat": "纬度",
        "lon": "经度",
    },
    "format": {
        "days": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
        "shortDays": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
        "months": [f"{m}月" for m in range(1, 13)],
        "shortMonths": [f"{m}月" for m in range(1, 13)],
        "date": "%Y-%m-%d",
        "decimal": ".",
        "thousands": ",",
    },
}
"""Plotly's own words (toolbar tooltips, hints, month and day names) in Chinese, passed with
each chart as the ``zh-CN`` locale (:func:`analysis.charts.style.chart_config`)."""


GROUP_WORDS = {"未知": "Unknown", "全部": "All"}
"""The analysis tables' labels for "no place or period" and "not split", in English."""


def group_label(group: str, lang: Lang) -> str:
    """A group's name as a chart shows it: place names as they are, ``未知`` → Unknown in English."""
    return GROUP_WORDS.get(group, group) if lang == "en" else group
