"""Chinese and English words of the keyword co-occurrence network.

One of the label tables :mod:`analysis.charts.labels` joins and looks labels up in: a
translator edits the words of one kind of chart in one small file.
"""

from __future__ import annotations

NETWORK_LABELS: dict[str, dict[str, str]] = {
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
}
"""Label key → {'zh': ..., 'en': ...}."""
