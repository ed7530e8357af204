"""Long documents can be counted paragraph by paragraph."""

from analysis.loading.sections import split_into_paragraphs
from analysis.schema import build_articles, validate_articles


def test_each_paragraph_becomes_an_article_and_headings_join_the_next():
    text = "一、工作回顾\n" + "过去一年，全省推进节水型社会建设，水资源利用效率提高。" * 3 + "\n" + "生态保护修复成效明显，黄河流域生态保护持续加强，治理成果显著。" * 2
    articles = build_articles([{"doc_id": "r1", "title": "报告", "text": text, "source": "r.csv#1",
                                "province": "甘肃省"}])
    parts = validate_articles(split_into_paragraphs(articles))
    assert parts["doc_id"].tolist() == ["r1#p1", "r1#p2"]
    assert parts["source"].tolist() == ["r.csv#1#p1", "r.csv#1#p2"]
    assert parts["text"].iloc[0].startswith("一、工作回顾\n过去一年")
    assert set(parts["province"]) == {"甘肃省"} and set(parts["title"]) == {"报告"}


def test_short_documents_stay_whole():
    articles = build_articles([{"doc_id": "a", "text": "短讯。", "source": "s"}])
    assert split_into_paragraphs(articles)["doc_id"].tolist() == ["a#p1"]
