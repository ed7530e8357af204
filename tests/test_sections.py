"""Long documents can be counted paragraph by paragraph.

The fixtures' reports are short; ``min_document_chars=0`` splits them as a 20,000-character
report would be split (documents under ``SPLIT_MIN_CHARS`` otherwise stay whole).
"""

from analysis.loading.sections import SPLIT_MIN_CHARS, split_into_paragraphs
from analysis.schema import build_articles, validate_articles


def test_each_paragraph_becomes_an_article_and_headings_join_the_next():
    text = "一、工作回顾\n" + "过去一年，全省推进节水型社会建设，水资源利用效率提高。" * 3 + "\n" + "生态保护修复成效明显，黄河流域生态保护持续加强，治理成果显著。" * 2
    articles = build_articles([{"doc_id": "r1", "title": "报告", "text": text, "source": "r.csv#1",
                                "province": "甘肃省"}])
    parts = validate_articles(split_into_paragraphs(articles, min_document_chars=0))
    assert parts["doc_id"].tolist() == ["r1#p1", "r1#p2"]
    assert parts["source"].tolist() == ["r.csv#1#p1", "r.csv#1#p2"]
    assert parts["text"].iloc[0].startswith("一、工作回顾\n过去一年")
    assert set(parts["province"]) == {"甘肃省"}


def test_only_the_first_paragraph_keeps_the_title_so_it_is_counted_once_and_later_ones_carry_it_as_kicker():
    paragraphs = ["推进节水型社会建设，水资源利用效率不断提高，取得明显成效。" * 3, "生态保护修复成效明显，治理成果显著。" * 4]
    articles = build_articles([{"doc_id": "r1", "title": "甘肃省政府工作报告", "kicker": "二〇二六年",
                                "text": "\n".join(paragraphs), "source": "r.csv#1"}])
    parts = split_into_paragraphs(articles, min_document_chars=0)
    assert parts["title"].tolist()[0] == "甘肃省政府工作报告" and parts["title"].isna().tolist() == [False, True]
    assert parts["kicker"].tolist() == ["二〇二六年", "甘肃省政府工作报告"]


def test_a_split_document_s_later_paragraphs_are_listed_under_its_title_but_counted_without_it():
    from analysis.store import open_store

    text = "\n".join(f"第{n}段：推进节水型社会建设，提高水资源利用效率，保护生态环境。" * 2 for n in range(1, 13))
    store = open_store(None)
    store.ingest(split_into_paragraphs(build_articles([{"doc_id": "r", "title": "甘肃省政府工作报告", "text": text,
                                                         "source": "r.csv#1", "date": "2026-01-20"}]),
                                       min_document_chars=0))
    listed = store.list_articles()
    assert set(listed["title"]) == {"甘肃省政府工作报告"}
    assert listed["doc_id"].tolist() == [f"r#p{n}" for n in range(1, 13)]  # in the report's order: p2 before p10
    assert listed["lead"].isna().tolist() == [True] + [False] * 11  # the later ones told apart
    assert listed["lead"].iloc[1].startswith("第2段：推进节水型社会建设")
    counts = store.term_counts(top=None).set_index("term")
    assert counts.loc["甘肃省", "frequency"] == counts.loc["政府", "frequency"] == 1  # the title's words, once
    assert counts.loc["节水型社会", "docfreq"] == 12


def test_a_document_of_one_short_paragraph_is_one_unit():
    articles = build_articles([{"doc_id": "a", "text": "短讯。", "source": "s"}])
    assert split_into_paragraphs(articles, min_document_chars=0)["doc_id"].tolist() == ["a#p1"]


def test_in_a_corpus_mixing_reports_and_news_only_the_long_reports_are_split():
    report = "\n".join(f"第{n}部分：坚持节水优先，推进水资源集约安全利用，提高用水效率，保护生态环境。" * 8
                       for n in range(1, 11))  # about 3,500 characters in ten paragraphs
    news = "县政协组织委员视察河湖治理。\n委员们实地察看了河道整治情况。\n大家表示将持续关注。"
    articles = build_articles([{"doc_id": "r", "title": "政府工作报告", "text": report, "source": "r.csv#1"},
                               {"doc_id": "n", "title": "委员视察河湖", "text": news, "source": "n.txt"}])
    assert len(report) >= SPLIT_MIN_CHARS > len(news)
    parts = validate_articles(split_into_paragraphs(articles))
    assert parts["doc_id"].tolist() == [f"r#p{n}" for n in range(1, 11)] + ["n"]
    whole = parts.set_index("doc_id").loc["n"]
    assert (whole["title"], whole["text"], whole["source"]) == ("委员视察河湖", news, "n.txt")


def test_the_same_paragraph_in_two_documents_is_two_units_not_a_repeat():
    from analysis.store import open_store

    same = "\n".join(["各位代表：过去一年，我们坚持稳中求进工作总基调，推进高质量发展，经济运行总体平稳。" * 2] * 1
                     + ["今年要继续推进节水型社会建设，提高水资源利用效率，加强黄河流域生态保护。" * 2])
    reports = build_articles([{"doc_id": p, "title": f"{p}政府工作报告", "text": same, "source": f"{p}.csv#1"}
                              for p in ("甘肃省", "青海省")])
    store = open_store(None)
    summary = store.ingest(split_into_paragraphs(reports, min_document_chars=0))
    assert store.count_articles() == 4 and summary.repeats.empty
