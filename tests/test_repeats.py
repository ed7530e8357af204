"""An article read twice counts once, and its file's report names the repeat."""

import json

from analysis.loading import load_articles
from analysis.loading.repeats import count_repeats_once


def records(*rows):
    return "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n"


def test_the_same_title_and_text_is_counted_once_with_a_warning_naming_the_article_kept(tmp_path):
    first = {"id": "a1", "title": "县政协调研乡村振兴", "text": "委员们走进田间地头，了解产业发展情况。", "date": "2024-05-20"}
    same_text = {**first, "id": "b7"}
    same_id = {**first, "text": "委员们召开座谈会，听取意见建议。"}
    other = {"id": "c3", "title": "市政协召开常委会议", "text": "会议协商讨论了营商环境议题。", "date": "2024-05-21"}
    (tmp_path / "one.jsonl").write_text(records(first, other), encoding="utf-8")
    (tmp_path / "two.jsonl").write_text(records(same_text, same_id), encoding="utf-8")
    result, dropped = count_repeats_once(load_articles([tmp_path]))
    assert dropped == 1 and sorted(result.articles["doc_id"]) == ["a1", "a1~2", "c3"]  # same id, other text: kept
    one, two = result.reports
    assert (one.articles, two.articles) == (2, 1)
    codes = [(w.code, w.params["where"], w.params["same_as"]) for w in two.warnings]
    assert codes == [("repeat_article", f"{tmp_path / 'two.jsonl'}#1", f"{tmp_path / 'one.jsonl'}#1")]
    assert sum(r.articles for r in result.reports) == len(result.articles)


def test_a_load_without_repeats_is_returned_as_it_was(tmp_path):
    (tmp_path / "one.jsonl").write_text(records({"title": "甲", "text": "委员们开展调研。"}), encoding="utf-8")
    loaded = load_articles([tmp_path])
    result, dropped = count_repeats_once(loaded)
    assert dropped == 0 and result is loaded


def test_the_same_story_in_a_day_s_json_and_markdown_export_counts_once(tmp_path):
    """The two 新闻联播 exports of a day: a no-break space in one title, a crawler's stamp after the other."""
    text = "<p>央视网消息（新闻联播）：委员们走进田间地头，了解产业发展情况。</p>"
    day = {"videoList": [{"video_title": "[视频]县政协调研\u00a0乡村振兴", "pub_date": "2024-05-20 19:00:00",
                          "video_detail": {"id": "V1", "content": text}}]}
    (tmp_path / "20240520.json").write_text(json.dumps(day, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "20240520.md").write_text(
        f"# 新闻联播\n\n### 县政协调研 乡村振兴\n\n{text}\n\n---\n\n(更新时间戳: 1716202800000)\n", encoding="utf-8")
    loaded = load_articles([tmp_path / "20240520.json", tmp_path / "20240520.md"])
    assert loaded.articles["title"].tolist() == ["县政协调研 乡村振兴"] * 2
    assert loaded.articles["text"].tolist() == ["委员们走进田间地头，了解产业发展情况。"] * 2
    assert [p.code for p in loaded.reports[1].skipped] == ["markdown_footer"]
    result, dropped = count_repeats_once(loaded)
    assert dropped == 1 and result.articles["doc_id"].tolist() == ["V1"]
    assert [w.code for w in result.reports[1].warnings] == ["repeat_article"]
