"""Chinese and English words of the keyword charts: top terms, keyness and the spread of policy slogans.

One of the label tables :mod:`analysis.charts.labels` joins and looks labels up in: a
translator edits the words of one kind of chart in one small file.
"""

from __future__ import annotations

KEYWORD_LABELS: dict[str, dict[str, str]] = {
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
}
"""Label key → {'zh': ..., 'en': ...}."""
