"""Top terms without place and person names, on a three-article corpus counted by hand.

Bags of words as stored (stopwords and punctuation dropped):

====  ==========  ===============================================================
n1    2024-01-05  兰州 ×2, 协商会议, 回应, 龚怀宝 ×2, 关切, 乡村振兴
      兰州市      (市政协主席龚怀宝主持…龚怀宝强调…回应委员关切)
n2    2024-02-10  乡村振兴, 关切, 临夏 ×2, 王芳, 民生, 协商
      临夏州      (委员王芳同志参加…), byline 通讯员黄秀雪
n3    2024-03-01  龚怀宝, 协商, 红古讯, 黄秀雪, 乡村振兴
      甘肃省      (本报红古讯 龚怀宝视察…黄秀雪参加协商)
====  ==========  ===============================================================

39 word tokens. Names: 兰州 and 临夏 (prefectures), 红古讯 (the dateline of 红古区);
龚怀宝 (1 of its 3 uses right after 主席: a third, above the 30% share), 王芳 (after 委员
and before 同志), 黄秀雪 (n2's byline). 关切 stands after 委员 too, but is listed as no name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from analysis.name_terms import count_name_contexts, load_name_lists, name_context_finder
from analysis.schema import build_articles
from analysis.store import Filters, open_store
from analysis.store import names as store_names
from tests.conftest import REPO_ROOT
from tests.test_dashboard_keywords import _chart
from tests.test_store import GANSU, LANZHOU, LINXIA, article

NAMES = build_articles([
    article("n1", "兰州市政协召开协商会议", "市政协主席龚怀宝主持会议。龚怀宝强调，兰州要推进乡村振兴，回应委员关切。",
            "2024-01-05", "甲报", {**LANZHOU, "adcode": "620100", "locality": "兰州市"}),
    article("n2", "临夏州政协调研乡村振兴", "委员王芳同志参加调研。临夏要协商，关切民生。", "2024-02-10", "甲报",
            {**LINXIA, "adcode": "622900", "locality": "临夏回族自治州"}, author="通讯员黄秀雪"),
    article("n3", None, "本报红古讯 龚怀宝视察乡村振兴，黄秀雪参加协商。", "2024-03-01", "甲报",
            {**GANSU, "adcode": "620000", "locality": "甘肃省"}),
])
ALL_TERMS = ["乡村振兴", "龚怀宝", "临夏", "兰州", "关切", "协商", "协商会议", "回应", "民生", "王芳", "红古讯",
             "黄秀雪"]
WORDS = ["乡村振兴", "关切", "协商", "协商会议", "回应", "民生"]


@pytest.fixture(scope="module")
def store():
    store = open_store(None)
    store.ingest(NAMES, workers=1)
    yield store
    store.close()


def test_top_terms_leave_out_place_and_person_names_and_say_which(store):
    assert store.term_counts(top=None)["term"].tolist() == ALL_TERMS
    table = store.term_counts(top=None, leave_out=("place", "person"))
    assert table["term"].tolist() == WORDS
    assert table["frequency"].tolist() == [3, 2, 2, 1, 1, 1]
    assert table["rank"].tolist() == [1, 2, 3, 4, 5, 6]  # counted again among the terms kept
    assert table["rate_per_10k"].iloc[0] == pytest.approx(3 / 39 * 10_000)  # names stay in the denominator
    assert table.attrs == {"total_tokens": 39,
                           "left_out": {"place": ["临夏", "兰州", "红古讯"], "person": ["龚怀宝", "王芳", "黄秀雪"]}}


def test_top_counts_the_rows_kept_after_the_names_are_dropped(store):
    assert store.term_counts(top=3)["term"].tolist() == ["乡村振兴", "龚怀宝", "临夏"]
    table = store.term_counts(top=3, leave_out=("place", "person"))
    assert table["term"].tolist() == ["乡村振兴", "关切", "协商"]
    # only the names the three rows would have shown are said to be left out
    assert table.attrs["left_out"] == {"place": ["临夏", "兰州"], "person": ["龚怀宝"]}


@pytest.mark.parametrize(("kinds", "expected", "left_out"), [
    (("place",), ["乡村振兴", "龚怀宝", "关切", "协商", "协商会议", "回应", "民生", "王芳", "黄秀雪"],
     {"place": ["临夏", "兰州", "红古讯"]}),
    (("person",), ["乡村振兴", "临夏", "兰州", "关切", "协商", "协商会议", "回应", "民生", "红古讯"],
     {"person": ["龚怀宝", "王芳", "黄秀雪"]}),
])
def test_either_kind_of_name_can_be_left_out_alone(store, kinds, expected, left_out):
    table = store.term_counts(top=None, leave_out=kinds)
    assert table["term"].tolist() == expected and table.attrs["left_out"] == left_out


def test_person_names_come_from_the_filtered_articles_only(store):
    lanzhou = Filters(level="prefecture", places=("620100",))
    table = store.term_counts(lanzhou, top=None, leave_out=("person",))
    assert table.attrs["left_out"] == {"person": ["龚怀宝"]}  # 2 uses in n1, 1 after 主席
    assert table["term"].tolist() == ["兰州", "乡村振兴", "关切", "协商会议", "回应"]
    march = store.term_counts(Filters(date_from=dt.date(2024, 3, 1)), top=None, leave_out=("person",))
    # n3 alone: 龚怀宝 never follows a title there, and 黄秀雪 is n2's byline
    assert march.attrs["left_out"] == {"person": []}
    assert march["term"].tolist() == ["乡村振兴", "协商", "红古讯", "黄秀雪", "龚怀宝"]


def test_the_texts_read_for_person_names_are_a_sample_of_evenly_spaced_runs(store, monkeypatch):
    def doc_ids(keys):
        found = store.sql("SELECT doc_key, doc_id FROM articles")
        return found.set_index("doc_key").loc[keys, "doc_id"].tolist()

    db = store._db
    assert doc_ids(store_names.sample_articles(db, Filters())) == ["n1", "n2", "n3"]
    assert doc_ids(store_names.sample_articles(db, Filters(), size=2)) == ["n1", "n2"]  # one run of two
    assert doc_ids(store_names.sample_articles(db, Filters(), size=2, run=1)) == ["n1", "n3"]  # first and last
    assert doc_ids(store_names.sample_articles(db, Filters(), level="prefecture", code="622900")) == ["n2"]
    assert len(store_names.sample_articles(db, Filters(search="没有这个词"))) == 0
    monkeypatch.setattr(store_names, "SAMPLE_ARTICLES", 1)  # n1 alone: 王芳 and 黄秀雪 are not seen
    table = store.term_counts(top=None, leave_out=("person",))
    assert table.attrs["left_out"] == {"person": ["龚怀宝"]}


def test_ingest_stores_each_article_s_name_contexts_as_found_in_its_title_and_text(store):
    stored = store.sql("SELECT a.doc_id, n.contexts, n.version FROM doc_names n JOIN articles a USING (doc_key) "
                       "ORDER BY 1")
    # n1: 主席龚怀宝主 gives 龚怀, 龚怀宝, 怀宝 (the given name), 委员关切 gives 关切 and 切 (关 is a
    # surname too), then 龚怀宝 before 强调; n2: 委员王芳同志 gives 王芳, 王芳同, 芳同, then 王芳 before
    # 同志; n3 has no title and nothing before an after-word that begins with a surname
    assert stored["doc_id"].tolist() == ["n1", "n2", "n3"]
    assert [list(c) for c in stored["contexts"]] == [
        ["龚怀", "龚怀宝", "怀宝", "关切", "切", "龚怀宝"], ["王芳", "王芳同", "芳同", "王芳"], []]
    assert set(stored["version"]) == {name_context_finder(load_name_lists()).version}


def test_person_names_are_found_in_the_texts_where_no_current_contexts_are_stored(store, monkeypatch):
    db = store._db
    keys = store_names.sample_articles(db, Filters())
    lists = load_name_lists()
    texts = [f"{t or ''}\n{x or ''}" for t, x in store.sql("SELECT title, text FROM articles ORDER BY doc_key")
             .itertuples(index=False)]
    from_texts = count_name_contexts(texts, lists=lists)
    read = []
    original = db.frame
    monkeypatch.setattr(db, "frame", lambda sql, params=(): read.append(sql) or original(sql, params))
    assert store_names._name_contexts(db, keys, lists) == from_texts
    assert not any("text" in sql for sql in read)  # all stored: no text read
    # other titles (a new version of the lists): the contexts come from the texts, with those titles
    fewer = dataclasses.replace(lists, titles=("主席",))
    assert store_names._name_contexts(db, keys, fewer) == count_name_contexts(texts, lists=fewer) == {
        "龚怀": 1, "龚怀宝": 2, "怀宝": 1, "王芳": 1}  # 龚怀宝 before 强调, 王芳 before 同志
    assert any("text" in sql for sql in read)
    # a store written before doc_names existed
    monkeypatch.setattr(db, "has_table", lambda name: False)
    assert store_names._name_contexts(db, keys, lists) == from_texts


def test_an_empty_selection_leaves_nothing_out_and_the_cli_s_plain_counts_are_unchanged(store):
    empty = store.term_counts(Filters(search="没有这个词"), top=10, leave_out=("place", "person"))
    assert empty.empty and empty.attrs["left_out"] == {"place": [], "person": []}
    plain = store.term_counts(top=3)
    assert "left_out" not in plain.attrs and plain["rank"].tolist() == [1, 2, 3]
    with pytest.raises(ValueError, match="kinds must be among place, person"):
        store.term_counts(top=3, leave_out=("title",))


def test_keyness_leaves_out_the_names_of_the_target_s_own_articles_with_the_same_code(store):
    table = store.keyness(level="prefecture", target_adcode="620100", top=None, min_frequency=1,
                          leave_out=("place", "person"))
    assert "兰州" not in set(table["term"]) and "龚怀宝" not in set(table["term"])
    assert table.attrs["left_out"] == {"place": ["兰州"], "person": ["龚怀宝"]}


def test_the_cooccurrence_network_pairs_the_top_terms_without_names_and_says_which_it_left_out(store):
    # by articles: 乡村振兴 3; 关切, 协商, 龚怀宝 2; then 临夏, 兰州, 协商会议… 1 (ties by term)
    assert store.cooccurrence(top=4, min_count=1).attrs["terms"] == ["乡村振兴", "关切", "协商", "龚怀宝"]
    pairs = store.cooccurrence(top=4, min_count=1, leave_out=("place", "person"))
    assert pairs.attrs["terms"] == ["乡村振兴", "关切", "协商", "协商会议"]
    assert pairs.attrs["left_out"] == {"place": ["临夏", "兰州"], "person": ["龚怀宝"]}
    counted = {(a, b): n for a, b, n in pairs[["term_a", "term_b", "n_articles"]].itertuples(index=False)}
    assert counted == {("乡村振兴", "关切"): 2, ("乡村振兴", "协商"): 2, ("乡村振兴", "协商会议"): 1,
                       ("关切", "协商"): 1, ("关切", "协商会议"): 1}  # 协商 and 协商会议 share no article


def test_countries_and_world_regions_are_place_names_too():
    world = build_articles([
        article("w1", "委员建言对外开放", "美国加征关税，我们要深化与东盟和亚洲的合作，开放合作。", "2024-01-05", "甲报", GANSU),
        article("w2", "委员谈开放", "开放合作，美国。", "2024-01-06", "甲报", GANSU),
    ])
    with open_store(None) as store:
        store.ingest(world, workers=1)
        assert {"美国", "亚洲"} <= set(store.term_counts(top=None)["term"])
        table = store.term_counts(top=None, leave_out=("place",))
        assert not {"美国", "亚洲"} & set(table["term"]) and "东盟" in set(table["term"])  # an organisation stays
        assert table.attrs["left_out"]["place"] == ["美国", "亚洲"]  # by frequency: 2, then 1


def test_a_name_before_tongzhi_is_read_back_from_the_word_two_or_three_characters():
    from analysis.name_terms import count_name_contexts, load_name_lists

    contexts = count_name_contexts(["向龚怀宝同志学习", "王芳同志", "同志们好"], lists=load_name_lists())
    assert contexts == {"龚怀宝": 1, "王芳": 1}  # 怀宝: 怀 is no surname; 同志们 has nothing before it


def _contexts_as_the_rule_says(text: str, lists) -> Counter:
    """The name-context rule written plainly, to check the lean finder against.

    One alternation of the titles (longest first) and one of the after-words, each matched
    left to right without overlaps, as the finder matches them.
    """
    def alternation(words):
        return "|".join(sorted(map(re.escape, words), key=len, reverse=True))

    found: Counter = Counter()
    for match in re.finditer(f"(?:{alternation(lists.titles)})([\u4e00-\u9fff]{{2,4}})", text):
        name = match.group(1)
        if name[0] in lists.surnames:
            found.update({name[:2], name[:3], name[1:3]})
    for match in re.finditer(alternation(lists.after), text):
        tail = re.search("[\u4e00-\u9fff]{2,3}\\Z", text[max(0, match.start() - 3) : match.start()])
        if tail:
            tail = tail.group()
            found.update({tail[i:] for i in (-3, -2) if len(tail) >= -i and tail[i] in lists.surnames})
    foreign = f"[{''.join(lists.foreign_characters)}]"
    for match in re.finditer(f"(?:{alternation(lists.foreign_titles)})({foreign}{{2,}})", text):
        found["~" + match.group(1)] += 1
    for match in re.finditer(alternation(set(lists.after) | set(lists.foreign_after)), text):
        run = re.search(f"{foreign}+\\Z", text[: match.start()])
        before = text[run.start() - 1] if run and run.start() else ""
        if match.group() in lists.foreign_after and run and len(run.group()) >= 2 and before not in lists.place_markers:
            found["~" + run.group()] += 1
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["主席", "委员", "同志", "强调", "王", "龚", "怀", "宝", "芳", "东", "海", "关切",
                                 "，", "\n", "a", "市政协", "通讯员", "总统", "外长", "说", "会谈", "迪", "萨", "纳",
                                 "亚克", "在", "："]), max_size=30).map("".join))
def test_the_lean_name_context_finder_finds_what_the_rule_says_on_any_text(text):
    lists = load_name_lists()
    assert Counter(name_context_finder(lists).of_text(text)) == _contexts_as_the_rule_says(text, lists)


def test_a_speaker_named_before_a_colon_is_a_name_but_a_court_or_a_reporter_is_not():
    from analysis.name_terms import corpus_name_terms
    from analysis.places import load_gazetteer
    from analysis.tokenize import build_tokenizer, tokenize_articles

    # Written for this test, in the shape of a 新闻联播 feature: the villager is named with
    # no title, and speaks after her name and a colon; 最高法： and 记者： are no speakers' names.
    texts = ["春节前，王秀兰回到村里。\n王秀兰：以前路难走，现在好了。\n王秀兰：孩子们都回来了。",
             "最高法：依法惩治电信诈骗。记者：您怎么看？"]
    articles = build_articles([
        {"doc_id": f"p{i}", "title": "", "text": text, "source": "t"} for i, text in enumerate(texts)])
    tokens = tokenize_articles(articles, tokenizer=build_tokenizer())
    lists = load_name_lists()
    names = corpus_name_terms(articles, tokens, gazetteer=load_gazetteer(), lists=lists)
    assert "王秀兰" in names and not {"高法", "最高", "记者"} & names
    untitled = dataclasses.replace(lists, after=tuple(word for word in lists.after if word != "："))
    assert "王秀兰" not in corpus_name_terms(articles, tokens, gazetteer=load_gazetteer(), lists=untitled)


def test_a_member_named_before_weiyuan_is_a_name_but_a_standing_or_sector_member_is_not():
    from analysis.name_terms import count_name_contexts, load_name_lists, person_name_terms

    texts = ["在南立新委员看来，要做好联系。", "常务委员会召开，常务委员出席。", "卫生界委员发言。"]
    lists = load_name_lists()
    contexts = count_name_contexts(texts, lists=lists)
    assert contexts["南立新"] == 1  # 南 is a surname (南振岐), 委员 follows names
    names = person_name_terms({"南立新": 1, "常务": 2, "卫生界": 1}, contexts, not_names=lists.not_names)
    assert names == {"南立新"}


def test_a_name_and_its_title_segmented_as_one_word_is_a_name_when_the_name_is_one_alone():
    from analysis.name_terms import count_name_contexts, load_name_lists, person_name_terms

    lists = load_name_lists()
    texts = ["龚怀宝同志指出，要协商。", "会上，龚怀宝强调团结。", "高级委员出席。"]
    contexts = count_name_contexts(texts, lists=lists)
    assert contexts["龚怀宝"] == 2 and contexts["高级"] == 1  # 高 is a surname, 委员 follows names
    frequencies = {"龚怀宝": 2, "龚怀宝总书记": 5, "龚怀宝主席": 1, "王芳主席": 1, "政协主席": 4, "高级委员": 1}
    names = person_name_terms(frequencies, contexts, not_names=lists.not_names, after=lists.after)
    # 王芳 is never seen as a name here, 政协 is no name, and 高级 only ever stands before 委员
    assert names == {"龚怀宝", "龚怀宝总书记", "龚怀宝主席"}
    assert person_name_terms(frequencies, contexts, not_names=lists.not_names) == {"龚怀宝"}  # without `after`
    # a listed name stands for a found one: 王芳主席 with 王芳 listed, though never seen alone
    assert person_name_terms(frequencies, contexts, not_names=lists.not_names, after=lists.after,
                             people=["王芳"]) == {"龚怀宝", "龚怀宝总书记", "龚怀宝主席", "王芳主席"}


def test_the_leader_named_only_with_his_title_as_one_word_is_left_out_of_a_local_paper_s_network():
    local = build_articles([
        article("x1", "市政协学习贯彻习近平总书记重要讲话精神", "会议传达学习习近平总书记重要讲话，强调协商民主。",
                "2024-01-05", "甲报", LANZHOU),
        article("x2", "县政协协商议政", "委员围绕协商民主建言，学习习近平总书记重要讲话。", "2024-01-06", "甲报",
                LANZHOU),
    ])
    with open_store(None) as store:
        store.ingest(local, workers=1)
        assert "习近平总书记" in set(store.term_counts(top=None)["term"])  # 习近平 is never alone here
        pairs = store.cooccurrence(top=5, min_count=1, leave_out=("person",))
        assert "习近平总书记" not in pairs.attrs["terms"] and pairs.attrs["left_out"]["person"] == ["习近平总书记"]


@pytest.mark.parametrize(
    ("texts", "whole", "halves"),
    [
        # the names follow 首相 and 总理, but 阿 is no surname and the title rules read two
        # or three characters, so only data/names.toml's [people] finds them
        (["日本首相高市早苗发表错误言论，多方要求高市早苗撤回。", "澳大利亚总理阿尔巴尼斯表示，阿尔巴尼斯在致辞中说。"],
         {"高市早苗", "阿尔巴尼斯"}, {"早苗", "阿尔巴尼"}),
        # 新闻联播's monthly top terms: 栗战书 was cut 栗/战书, 博鲁阿尔特 博鲁/阿尔特 (栗 is no
        # listed surname, 博 begins no Chinese name)
        (["委员长栗战书出席会议。", "秘鲁总统博鲁阿尔特表示欢迎。"], {"栗战书", "博鲁阿尔特"}, {"战书", "博鲁", "阿尔特"}),
    ],
)
def test_a_listed_foreign_name_is_cut_whole_and_left_out_though_no_title_rule_finds_it(texts, whole, halves):
    from analysis.name_terms import corpus_name_terms, load_name_lists
    from analysis.places import load_gazetteer
    from analysis.tokenize import build_tokenizer, tokenize_articles

    # Written for this test.
    articles = build_articles([
        {"doc_id": f"p{i}", "title": "", "text": text, "source": "t"} for i, text in enumerate(texts)])
    tokens = tokenize_articles(articles, tokenizer=build_tokenizer())
    terms = {term for bag in tokens["terms"] for term in bag}
    assert whole <= terms and not halves & terms
    names = corpus_name_terms(articles, tokens, gazetteer=load_gazetteer(), lists=load_name_lists())
    assert whole <= names


def test_a_listed_name_seldom_beside_a_title_is_left_out_of_the_top_terms():
    from analysis.name_terms import corpus_name_terms, load_name_lists
    from analysis.places import load_gazetteer
    from analysis.tokenize import build_tokenizer, tokenize_articles

    # Written for this test: a feature on one person names them without a title most times.
    texts = ["追记模范检察官蒋春尧。蒋春尧生前办理的案件，蒋春尧总是加班。", "莫兰迪的静物画展出。莫兰迪一生画瓶子。"]
    articles = build_articles([
        {"doc_id": f"p{i}", "title": "", "text": text, "source": "t"} for i, text in enumerate(texts)])
    tokens = tokenize_articles(articles, tokenizer=build_tokenizer())
    names = corpus_name_terms(articles, tokens, gazetteer=load_gazetteer(), lists=load_name_lists())
    assert {"蒋春尧", "莫兰迪"} <= names


# --- the keywords tab ------------------------------------------------------------------------


@pytest.mark.slow
def test_the_top_terms_chart_brings_place_and_person_names_back_with_its_toggles():
    os.environ.setdefault("GOVTHEMES_DEMO_ARTICLES", "600")
    at = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=240).run()
    at.multiselect(key="flt_places").set_value(["620900"]).run()  # 酒泉市: its own name and chair's rank high
    assert not at.exception, at.exception
    bars = _bars(at)
    assert len(bars) == 25 and not {"酒泉", "龚怀宝"} & bars
    assert _left_out(at).startswith("高频词图、词云和下载的表格已略去地名") and "（酒泉" in _left_out(at)
    at.toggle(key="kw_terms_places").set_value(True).run()
    assert "酒泉" in _bars(at) and "龚怀宝" not in _bars(at)
    assert _left_out(at).startswith("高频词图、词云和下载的表格已略去人名")
    at.toggle(key="kw_terms_people").set_value(True).run()
    assert {"酒泉", "龚怀宝"} <= _bars(at)
    assert at.toggle(key="kw_keyness_places").value is False  # the keyness chart keeps its own toggles


@pytest.mark.slow
def test_the_network_leaves_out_place_and_person_names_until_its_toggles_bring_them_back():
    os.environ.setdefault("GOVTHEMES_DEMO_ARTICLES", "600")
    at = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=240).run()
    at.multiselect(key="flt_places").set_value(["620900"]).run()  # 酒泉市
    assert not at.exception, at.exception
    assert not {"酒泉", "龚怀宝"} & _nodes(at)
    assert any(c.value.startswith("网络图已略去地名") and "酒泉" in c.value for c in at.caption)
    at.toggle(key="nw_terms_places").set_value(True)
    at.toggle(key="nw_terms_people").set_value(True).run()
    assert {"酒泉", "龚怀宝"} <= _nodes(at)
    assert at.toggle(key="kw_terms_places").value is False  # the top terms keep their own toggles


def _nodes(at: AppTest) -> set[str]:
    """The terms the co-occurrence network draws (its last trace holds the nodes)."""
    return set(_chart(at, "共现")["data"][-1]["text"])


def _bars(at: AppTest) -> set[str]:
    return {term for trace in _chart(at, "高频词")["data"] for term in trace["y"]}


def _left_out(at: AppTest) -> str:
    """The first caption saying what was left out: the top terms' (the keyness chart's comes later)."""
    return next(c.value for c in at.caption if "已略去" in c.value)


def test_the_top_terms_caption_says_it_speaks_for_the_chart_the_word_cloud_and_the_csv():
    from ui.name_toggles import left_out_caption

    caption = left_out_caption({"place": ["兰州"], "person": ["龚怀宝", "王芳"]}, "en", key="terms_left_out")
    assert caption.startswith("Left out of the chart, the word cloud and the CSV: 1 place name (兰州); "
                              "2 person names (龚怀宝, 王芳) — they say where")


def test_a_name_quoted_with_shuo_is_a_name_but_a_new_year_message_is_not():
    from analysis.name_terms import count_name_contexts, load_name_lists, person_name_terms

    # written for this test: 龚怀宝 once before 说, once alone (share 0.5); 贺词 begins
    # with the surname 贺 and stands before 说 too
    texts = ["龚怀宝说，要稳增长。", "会上，龚怀宝讲话。", "新年贺词说，大家辛苦了。"]
    lists = load_name_lists()
    contexts = count_name_contexts(texts, lists=lists)
    assert contexts["龚怀宝"] == 1 and contexts["贺词"] == 1  # 0 and 0 before 说 was an after-word
    names = person_name_terms({"龚怀宝": 2, "贺词": 1}, contexts, not_names=lists.not_names)
    assert names == {"龚怀宝"}


# --- transliterated foreign names ([foreign_names] of data/names.toml) ----------------------

# Written for these tests: a foreign name the segmenter cuts in two (迪萨纳/亚克), three uses
# (after 总统, before 说, before 表示), beside ordinary words made of the same characters.
FOREIGN = ["斯里兰卡总统迪萨纳亚克抵达北京。迪萨纳亚克说，两国友谊深厚。",
           "迪萨纳亚克表示感谢。西亚局势和马达生产也是话题。",
           "西亚和亚洲的马达市场。西亚国家在莫斯科会谈。"]


def test_a_foreign_name_is_found_after_a_foreign_title_and_before_a_verb_but_not_a_city_before_a_verb():
    lists = load_name_lists()
    assert count_name_contexts(FOREIGN, lists=lists) == {"~迪萨纳亚克": 3}  # not ~莫斯科: 在 comes first
    assert count_name_contexts(["总统府发表声明，总统特使出席，他对记者说。"], lists=lists) == {}  # runs of 0 or 1
    # a Chinese name after 总统 is found by the Chinese rule, not taken for a foreign run
    assert not any(s.startswith("~") for s in count_name_contexts(["国家主席习近平会见。"], lists=lists))


def test_the_pieces_of_a_foreign_name_are_names_and_ordinary_words_of_its_characters_are_not():
    from analysis.name_terms import corpus_name_terms, name_pieces
    from analysis.places import load_gazetteer
    from analysis.tokenize import build_tokenizer, tokenize_articles

    lists = load_name_lists()
    # every beginning and end of the run, not its middle, nor a country or its end (罗斯 of
    # 俄罗斯总统, 俄 being no transliteration character)
    assert name_pieces({"~迪萨纳亚克": 3, "~俄罗斯": 2, "~罗斯": 1, "王芳": 1}, lists=lists) == {
        "迪萨": 3, "迪萨纳": 3, "迪萨纳亚": 3, "迪萨纳亚克": 3, "萨纳亚克": 3, "纳亚克": 3, "亚克": 3, "王芳": 1}
    articles = build_articles([
        {"doc_id": f"f{i}", "title": "", "text": text, "source": "t"} for i, text in enumerate(FOREIGN)])
    tokens = tokenize_articles(articles, tokenizer=build_tokenizer())
    uses = Counter(term for bag in tokens["terms"] for term in bag)
    assert uses["迪萨纳"] == uses["亚克"] == 3 and uses["西亚"] == 3 and uses["马达"] == 2  # cut in two
    names = corpus_name_terms(articles, tokens, gazetteer=load_gazetteer(), lists=lists)
    assert {"迪萨纳", "亚克"} <= names and not {"西亚", "马达", "亚洲", "局势"} & (names - lists.foreign_places)
    without = dataclasses.replace(lists, foreign_characters=frozenset())
    assert not {"迪萨纳", "亚克"} & corpus_name_terms(articles, tokens, gazetteer=load_gazetteer(), lists=without)


def test_a_store_leaves_the_pieces_of_foreign_names_out_and_finds_them_again_under_new_lists():
    articles = build_articles([article(f"f{i}", None, text, f"2025-01-0{i + 1}", "甲报", LANZHOU)
                               for i, text in enumerate(FOREIGN)])
    lists = load_name_lists()
    with open_store(None) as store:
        store.ingest(articles, workers=1)
        table = store.term_counts(top=None, leave_out=("person",))
        assert {"西亚", "马达"} <= set(table["term"]) and not {"迪萨纳", "亚克"} & set(table["term"])
        assert {"迪萨纳", "亚克"} <= set(table.attrs["left_out"]["person"])
        # contexts stored under other foreign lists are found again from the texts
        fewer = dataclasses.replace(lists, foreign_titles=("国王",), foreign_after=("会见",))
        assert name_context_finder(fewer).version != name_context_finder(lists).version
        db = store._db
        keys = store_names.sample_articles(db, Filters())
        assert store_names._name_contexts(db, keys, fewer) == {}
