"""Segmentation: the governance dictionary, quoted formulas, term filters, backends."""

from __future__ import annotations

import difflib
import json
import subprocess
import sys

import jieba
import pandas as pd
import pytest

from analysis.paths import data_path
from analysis.schema import build_articles
from analysis.token_rules import classify_token
from analysis.tokenize import (
    DEFAULT_STOPWORDS,
    DEFAULT_USERDICT,
    build_tokenizer,
    classify_quoted,
    tokenize_articles,
)
from analysis.wordlists import DictionaryError, read_stopwords, read_userdict
from tests.conftest import corpus_path

# Fixture sentences, written for these tests.
MEETING = "本报白银讯（通讯员李明）3月8日，市政协召开十二届二十次常委会会议，围绕“强科技”行动开展专题协商。"
FORMULAE = (
    "会议强调，要深入学习贯彻党的二十大精神，认真贯彻落实“两个确立”，"
    "增强“四个意识”、坚定“四个自信”、做到“两个维护”。"
)
NUMBERS = "2024年1至4月，全市新建高标准农田8.2万亩，第十四届政协委员提交提案136件，提案办理率达100%。"


@pytest.fixture(scope="module")
def tokenizer():
    return build_tokenizer()


# --- the dictionary and stopword files -------------------------------------------------------


def test_userdict_has_several_hundred_entries_in_named_sections():
    entries = read_userdict(data_path(DEFAULT_USERDICT))
    assert len(entries) >= 400
    sections = {e.section for e in entries}
    assert {"cppcc-bodies", "cppcc-procedures", "development-policy", "slogans"} <= sections
    # every word given to the segmenter has a frequency; the not-slogans list is no dictionary word
    assert all(e.freq is not None and e.freq >= 1 for e in entries if e.section != "not-slogans")


REQUIRED_TERMS = {
    "cppcc": "常委会会议 主席会议 提案办理 委员工作室 界别 专委会 社情民意信息 协商议政 民主监督 委员履职",
    "policy": "新质生产力 党纪学习教育 乡村振兴 营商环境 高质量发展 中国式现代化 全过程人民民主 "
    "共同富裕 铸牢中华民族共同体意识 生态文明 黄河流域生态保护和高质量发展",
    "slogans": "百企兴百村 三抓三促 六个典范 强工业 强省会 有事好商量 双进双联 两个确立 两个维护 "
    "四个意识 四个自信 枫桥经验",
}


@pytest.mark.parametrize("group", sorted(REQUIRED_TERMS))
def test_userdict_holds_the_required_terms(group):
    entries = {e.word: e for e in read_userdict(data_path(DEFAULT_USERDICT))}
    missing = [w for w in REQUIRED_TERMS[group].split() if w not in entries]
    assert missing == []
    if group == "slogans":
        assert {entries[w].section for w in REQUIRED_TERMS[group].split()} == {"slogans"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("新质生产力 many n", "line 3"),
        ("新质生产力 0 n", "freq >= 1"),
        ("新质生产力 10 n extra", "expected `word freq tag`"),
        ("乡村振兴 10 n", "repeats the entry on line 2"),
    ],
)
def test_a_malformed_dictionary_line_is_named(tmp_path, line, message):
    path = tmp_path / "dict.txt"
    path.write_text(f"# [test] a section\n乡村振兴 10 n\n{line}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=message):
        read_userdict(path)


def test_dictionary_entries_may_omit_freq_and_tag(tmp_path):
    path = tmp_path / "dict.txt"
    path.write_text("甲乙丙丁\n# [slogans] x\n戊己 5\n", encoding="utf-8")
    entries = read_userdict(path)
    assert [(e.word, e.freq, e.tag, e.section) for e in entries] == [
        ("甲乙丙丁", None, None, ""),
        ("戊己", 5, None, "slogans"),
    ]


def test_stopword_files_say_what_and_why():
    files = sorted(data_path(DEFAULT_STOPWORDS).glob("*.txt"))
    assert {f.name for f in files} >= {"function_words.txt", "official_formulae.txt"}
    for path in files:
        assert path.read_text(encoding="utf-8").startswith("# ")
    official = read_stopwords(data_path(DEFAULT_STOPWORDS) / "official_formulae.txt")
    assert {"会议强调", "进一步", "深入学习贯彻", "高度重视", "认真贯彻落实", "重要讲话精神"} <= official


def test_stopwords_are_read_from_a_folder_a_file_or_a_list(tmp_path):
    (tmp_path / "a.txt").write_text("# header\n我们\n\n  他们  \n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("会议强调\n", encoding="utf-8")
    assert read_stopwords(tmp_path) == {"我们", "他们", "会议强调"}
    assert read_stopwords(tmp_path / "b.txt") == {"会议强调"}
    assert read_stopwords([tmp_path / "a.txt"]) == {"我们", "他们"}


# --- quoted formulas -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("三抓三促", "numbered"),
        ("六个典范", "numbered"),
        ("百企兴百村", "numbered"),
        ("双进双联", "numbered"),
        ("引技引智引才", "parallel"),
        ("有事好商量", "dictionary"),
        ("一对一", "word"),  # in the not-slogans section: an everyday word, quoted
        ("和平方舟", "word"),  # a ship's name
        ("嫦娥四号", "name"),  # a spacecraft: kept whole, but no slogan
        ("深海一号", "name"),
        ("安徒生号", "name"),  # a ship: four characters or more ending in 号
        ("海油观澜号", "name"),  # five characters, no numeral: kept whole only as a name
        ("五一口号", "numbered"),  # a call (口号), no name
        ("甘肃字号", "short"),  # a brand campaign (X字号), no name
        ("一号", "numbered"),  # nothing before the number: not a name
        ("第一", None),  # an ordinal: a rank, no formula (第一次 was quoted twice in 新闻联播)
        ("第一次", None),
        ("第二个结合", "numbered"),  # more than an ordinal
        ("放管服", "short"),
        ("主力军", "short"),
        ("良渚论坛", "name"),  # a forum, a press event, a programme, a craft, army units: names
        ("委员通道", "name"),
        ("天宫课堂", "name"),
        ("星际客机", "name"),
        ("李志强班", "name"),
        ("刘老庄连", "name"),
        ("冷得可怕", None),  # descriptions, not coinages: segmented as usual, never slogans
        ("智慧的路", None),
        ("非常严重", None),
        ("十分重要", None),  # a degree adverb, though 十 is a numeral
        ("热气腾腾", None),  # a reduplication is no parallel formula
        ("甜甜圈", None),
        ("有没有", None),  # an A-not-A question
        ("获得感", "short"),  # 获得 is a word, not a complement with 得
        ("乙类乙管", "parallel"),  # the repeated character stands apart
        ("时时放心不下", "parallel"),  # side by side, but five characters or more
        ("要抓紧落实", None),  # a short quotation, not a formula
        ("我们要把这件事情办好", None),  # longer than 8 characters
        ("补短板、强优势", None),  # punctuation inside
        ("5G基站", None),  # not all CJK
        ("好", None),  # one character
    ],
)
def test_classify_quoted(phrase, kind):
    assert classify_quoted(phrase, slogans=frozenset({"有事好商量"}), not_slogans=frozenset({"一对一", "和平方舟"})) == kind


def test_quoted_formulas_stay_single_tokens_even_outside_the_dictionary(tokenizer):
    text = "县政协开展“五进五促”活动，推广“引技引智引才”做法，当好“主力军”。"
    tokens = tokenizer.cut(text)
    assert {"五进五促", "引技引智引才", "主力军"} <= set(tokens)
    assert "".join(tokens) == text


def test_quoted_named_days_are_dates_not_formulas_while_plans_stay(tokenizer):
    text = "“六一”国际儿童节前夕，各地落实“十四五”规划，“五一”假期游客增多。"
    reading = tokenizer.read(text)
    assert [phrase for phrase, _ in reading.slogan_mentions()] == ["十四五"]
    assert {"六一", "五一"}.isdisjoint(reading.terms) and "十四五" in reading.terms


def test_quotations_and_titles_are_segmented_normally(tokenizer):
    text = "他说：“要抓紧落实。”又说“要抓紧落实”，《关于加快发展新质生产力的实施意见》印发。"
    tokens = tokenizer.cut(text)
    assert "要抓紧落实" not in tokens
    assert "新质生产力" in tokens
    assert "".join(tokens) == text


@pytest.mark.parametrize("term", sorted(" ".join(REQUIRED_TERMS.values()).split()))
def test_dictionary_terms_are_single_tokens_in_a_sentence(tokenizer, term):
    assert term in tokenizer.cut(f"会上，大家围绕{term}进行了讨论。")


def test_short_slogans_do_not_swallow_their_neighbours(tokenizer):
    assert tokenizer.cut("持续做强工业经济") == ["持续", "做强", "工业", "经济"]
    assert tokenizer.cut("做大做强县域经济") == ["做大", "做强", "县域经济"]
    assert tokenizer.cut("加力实施强工业行动") == ["加力", "实施", "强工业", "行动"]


# --- content terms ---------------------------------------------------------------------------


def test_terms_drop_punctuation_numbers_single_characters_and_stopwords(tokenizer):
    assert tokenizer.terms(MEETING) == [
        "白银", "李明", "常委会会议", "强科技", "行动", "专题协商",
    ]  # fmt: skip
    assert tokenizer.terms(FORMULAE) == [
        "党的二十大", "精神", "两个确立", "四个意识", "四个自信", "两个维护",  # 做到: generic; 坚定: a formula
    ]  # fmt: skip
    # 2024, 年, 1, 至, 4, 月, 8.2, 万亩, 第十四届, 136, 件, 100% are all gone,
    # and 政协委员 is a stopword of 政协 prose (data/stopwords/cppcc_institutions.txt), 全市 a
    # generic scope word (data/stopwords/generic_words.txt)
    assert tokenizer.terms(NUMBERS) == [
        "新建", "高标准农田", "提交", "提案", "提案办理", "率达",
    ]  # fmt: skip


def test_continuation_marks_and_page_numbers_are_not_terms(tokenizer):
    # 优化: a generic verb (data/stopwords/generic_words.txt)
    assert tokenizer.terms("会议要求优化营商环境。（下转第2版）（上接第一版）见第3版") == ["营商环境"]


def test_formulas_made_of_numerals_are_kept(tokenizer):
    assert tokenizer.terms("“十四五”时期编制十四五规划，开展“七五”普法") == [  # 开展, 时期: stopwords
        "十四五", "编制", "十四五", "规划", "七五", "普法",
    ]  # fmt: skip


def test_units_after_a_dropped_number_a_year_word_and_for_example_are_not_terms(tokenizer):
    # 1.2万公里 leaves 万公里 (公 ends no number); 新增 is a stopword too.
    text = "例如上一年新修公路1.2万公里，新建住房300万平方米，新增装机500万千瓦。"
    assert tokenizer.terms(text) == ["新修", "公路", "新建", "住房", "装机"]


@pytest.mark.parametrize(
    "token",
    ["万例", "一场", "一场场", "亿斤", "亿立方米", "万标箱", "万亿美元", "八成", "三分之一", "百分之十",
     "一个多月", "第二轮", "十年间", "千伏", "一部分"],
)
def test_numbers_with_a_measure_word_or_unit_are_no_terms(token):
    # 新闻联播's monthly top terms held 万例 (确诊病例超过1万例: the digits cut off), and the
    # whole corpus 一场 196 times, 亿斤 155, 八成 64.
    assert classify_token(token, stopwords=frozenset(), dictionary_words=frozenset()) == ""


@pytest.mark.parametrize("token", ["零部件", "零件", "百度", "一带一路", "两国", "一线", "三农", "一张图"])
def test_words_that_begin_with_a_numeral_stay_terms(token):
    # 零 begins a number only before another numeral; 度 is no unit (百度); the rest have
    # characters that are no unit.
    assert classify_token(token, stopwords=frozenset(), dictionary_words=frozenset()) == token


def test_a_sentence_of_figures_keeps_only_its_words(tokenizer):
    # Written for this test, in the shape of a report's paragraph of figures.
    text = "全市粮食产量达到十亿斤，八成以上的零部件在本地配套，新增充电桩三万台，累计开行班列一万列。"
    assert tokenizer.terms(text) == ["粮食产量", "零部件", "本地", "配套", "充电", "开行", "班列"]


def test_the_sides_and_pledges_of_diplomatic_and_party_reports_are_not_terms(tokenizer):
    # Written for this test, in the shape of a meeting report (data/stopwords/official_formulae.txt,
    # generic_words.txt): the sides, the pledge and the verb are formulae; what is agreed stays.
    text = "双方同意深化务实合作，中方坚定支持对方维护国家主权，深刻领悟“两个确立”的决定性意义。"
    assert tokenizer.terms(text) == ["务实", "合作", "对方", "国家主权", "两个确立"]


def test_the_aims_of_the_theme_education_are_cut_whole(tokenizer):
    # Written for this test: the formula of the 2023 主题教育 left 以学 and 建新 as terms (总要求: 总/要求).
    text = "牢牢把握建新功的总要求，以学铸魂、以学增智、以学正风、以学促干。创建新功能区。"
    assert tokenizer.terms(text) == ["建新功", "以学铸魂", "以学增智", "以学正风", "以学促干", "创建", "功能区"]


def test_words_of_courtesy_are_not_terms(tokenizer):
    # Written for this test, in the shape of a report's closing thanks.
    text = "我们向各界人士表示诚挚的感谢，致以衷心的谢意和崇高的敬意。"
    assert tokenizer.terms(text) == ["各界人士"]


def test_a_report_s_list_markers_self_names_and_effort_adverbs_are_not_terms(tokenizer):
    text = "一要稳增长，二要保民生，三要防风险。我区全力推进大湾区建设，累计入选试点5个。"
    assert tokenizer.terms(text) == ["稳增长", "民生", "防风险", "大湾区", "试点"]


def test_news_words_the_base_dictionary_cuts_wrongly_leave_no_halves(tokenizer):
    assert tokenizer.terms("以军在加沙地带中部发起攻势") == ["以军", "加沙地带", "中部", "发起", "攻势"]
    assert tokenizer.terms("第4届亚残运会开幕。日本强推核污染水排海。") == [
        "亚残运会", "开幕", "日本", "强推", "核污染水", "排海",
    ]  # fmt: skip
    # 号线 of 地铁18号线, 以新 of 以新技术, and a spoken 其实 are stopwords
    assert tokenizer.terms("地铁18号线以新技术建成，其实很快") == ["地铁", "技术", "很快"]  # 建成: a stopword
    # 七里海, a wetland in 天津, is not 七 + 里海 (the Caspian Sea), which stays a word of its own
    assert tokenizer.terms("七里海湿地与里海沿岸") == ["七里海", "湿地", "里海", "沿岸"]


def test_model_villages_stay_whole_unquoted_and_a_quoted_one_is_no_slogan(tokenizer):
    # Written for this test: 十八洞村 was 洞村 (十八 a dropped numeral), 下姜村 姜村, 神山村 山村.
    text = "走进十八洞村、下姜村和神山村，再到梁家河北边的核桃峪村。"
    assert tokenizer.terms(text) == ["十八洞村", "下姜村", "神山村", "梁家河", "北边", "核桃峪村"]
    assert tokenizer.read("讲好“十八洞村”故事").quoted == [("十八洞村", "word")]  # a name, not a slogan



def test_a_report_s_local_regulations_are_one_term_and_its_copula_none(tokenizer):
    assert tokenizer.terms("废止地方性法规，根本在于落实") == ["废止", "地方性法规", "根本"]  # 落实: a stopword


def test_the_leadership_formula_is_no_term_but_the_party_centre_is(tokenizer):
    text = "在以习近平同志为核心的党中央坚强领导下，从全年来看，党中央部署落实。"
    assert "以习近平同志为核心的党中央" in tokenizer.cut(text)
    assert tokenizer.terms(text) == ["坚强", "党中央", "部署"]


def test_analyse_counts_word_tokens_without_punctuation(tokenizer):
    # MEETING has 26 tokens, 7 of them punctuation: （ ） ， ， “ ” 。
    terms, n_words = tokenizer.analyse(MEETING)
    assert len(tokenizer.cut(MEETING)) == 26
    assert n_words == 19
    assert terms == tokenizer.terms(MEETING)


def test_one_reading_gives_terms_word_count_quoted_formulas_and_slogan_words(tokenizer):
    text = MEETING + "实施强工业行动，开展“三比三看”“放管服”活动，认真贯彻落实“两个确立”。"
    reading = tokenizer.read(text)
    assert (reading.terms, reading.n_tokens) == tokenizer.analyse(text)
    assert reading.quoted == [("强科技", "dictionary"), ("三比三看", "numbered"), ("放管服", "dictionary"),
                              ("两个确立", "dictionary")]
    assert reading.slogan_words == ["强工业"]  # 强科技 is quoted, so not listed again


@pytest.mark.parametrize("text", ["", "  \n\t ", "。，！"])
def test_empty_and_blank_text_have_no_terms(tokenizer, text):
    assert tokenizer.analyse(text) == ([], 0)


# --- versions, backends and global state -----------------------------------------------------


def test_version_is_a_short_hash_of_dictionary_stopwords_and_backend(tmp_path, tokenizer):
    assert len(tokenizer.version) == 12
    assert int(tokenizer.version, 16) >= 0
    assert build_tokenizer().version == tokenizer.version
    (tmp_path / "extra.txt").write_text("我们\n", encoding="utf-8")
    assert build_tokenizer(stopwords=tmp_path).version != tokenizer.version
    assert build_tokenizer(hmm=False).version != tokenizer.version
    assert build_tokenizer(backend="jieba").version != build_tokenizer(backend="rjieba").version


def test_auto_falls_back_to_jieba_when_rjieba_cannot_be_imported(monkeypatch):
    monkeypatch.setitem(sys.modules, "rjieba", None)  # makes `import rjieba` fail
    fallback = build_tokenizer(backend="auto")
    assert fallback.backend == "jieba"
    assert fallback.terms(FORMULAE)[:3] == ["党的二十大", "精神", "两个确立"]
    with pytest.raises(ImportError, match="backend='jieba'"):
        build_tokenizer(backend="rjieba")


def test_building_tokenizers_leaves_jieba_and_rjieba_global_state_alone():
    import rjieba

    was_initialized = jieba.dt.initialized
    build_tokenizer(backend="jieba")
    build_tokenizer(backend="rjieba")
    assert jieba.dt.initialized == was_initialized
    assert "百企兴百村" not in jieba.dt.FREQ
    assert "百企兴百村" not in rjieba.cut("推进百企兴百村")


def test_an_rjieba_tokenizer_does_not_build_the_rjieba_packages_unused_default_instance():
    # importing the rjieba package builds a stock-dictionary Jieba (0.17 s) we never use
    script = ("import sys; from analysis.tokenize import build_tokenizer; "
              "t = build_tokenizer(backend='rjieba'); print('rjieba' in sys.modules, t.terms('推进乡村振兴'))")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert shown.stdout.split() == ["False", "['乡村振兴']"]


def test_the_segmenter_is_built_at_the_first_cut_or_when_prepared():
    # an ingesting process whose workers segment everything needs only the version
    lazy = build_tokenizer()
    assert not lazy.prepared and len(lazy.version) == 12
    assert lazy.terms("推进乡村振兴") == ["乡村振兴"]
    assert lazy.prepared
    assert build_tokenizer().prepare().prepared


def test_an_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="backend must be"):
        build_tokenizer(backend="pkuseg")  # type: ignore[arg-type]


# --- the tokens table ------------------------------------------------------------------------


def test_tokenize_articles_segments_title_and_text_once(tokenizer):
    articles = build_articles(
        [
            {"doc_id": "a", "title": "政协委员建言乡村振兴", "text": MEETING, "source": "t"},
            {"doc_id": "b", "title": None, "text": "", "source": "t"},
        ]
    )
    tokens = tokenize_articles(articles, tokenizer=tokenizer)
    assert list(tokens.columns) == ["doc_id", "terms", "n_tokens", "dict_version"]
    assert tokens["doc_id"].tolist() == ["a", "b"]
    assert tokens["terms"].tolist() == [
        ["建言", "乡村振兴", *tokenizer.terms(MEETING)],
        [],
    ]
    assert tokens["n_tokens"].tolist() == [3 + 19, 0]
    assert tokens["n_tokens"].dtype == "int64"
    assert set(tokens["dict_version"]) == {tokenizer.version}
    assert articles["title"].iloc[0] == "政协委员建言乡村振兴"  # input untouched


def test_tokenize_articles_of_no_articles(tokenizer):
    tokens = tokenize_articles(build_articles([]), tokenizer=tokenizer)
    assert tokens.empty
    assert list(tokens.columns) == ["doc_id", "terms", "n_tokens", "dict_version"]


# --- real text: rjieba and jieba agree -------------------------------------------------------


def _real_texts() -> list[str]:
    folder = corpus_path("rmrb-20220705-articles")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    texts.append((corpus_path("seed-page") / "page.txt").read_text(encoding="utf-8"))
    return texts


REWEIGHTED = "\n".join(f"{word} {freq} n" for word, freq in
                       [("经济", 90000), ("发展", 90000), ("建设", 60000), ("工作", 60000), ("社会", 60000)])
"""Stock words given new counts: jieba once added the new counts to its total without taking
off the old ones (~270,000 here), where jieba-rs takes them off; the two then cut differently."""


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("userdict", ["shipped", "reweighted"])
def test_rjieba_and_jieba_agree_on_real_text(userdict, tmp_path):
    path = None
    if userdict == "reweighted":
        path = tmp_path / "userdict.txt"
        path.write_text(data_path("userdict.txt").read_text(encoding="utf-8") + "\n" + REWEIGHTED + "\n",
                        encoding="utf-8")
    fast, slow = build_tokenizer(backend="rjieba", userdict=path), build_tokenizer(backend="jieba", userdict=path)
    matched = total = 0
    differences = []
    for text in _real_texts():
        ours, reference = fast.cut(text), slow.cut(text)
        blocks = difflib.SequenceMatcher(None, reference, ours, autojunk=False)
        matched += sum(block.size for block in blocks.get_matching_blocks())
        total += len(reference)
        differences += [
            (reference[i1:i2], ours[j1:j2]) for op, i1, i2, j1, j2 in blocks.get_opcodes() if op != "equal"
        ]
    print(f"agreement {matched}/{total} = {matched / total:.6f}; differences: {differences}")
    assert matched / total >= 0.995
    # Measured: the only differences are ASCII runs with '.' that jieba splits and
    # rjieba keeps (163.com); no Chinese token differs.
    assert all(any(ch.isascii() for ch in "".join(a + b)) for a, b in differences)


@pytest.mark.corpus
def test_real_articles_tokenize_into_a_valid_table(tokenizer):
    path = corpus_path("cppcc-local-news-pages") / "articles.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = build_articles(
        [{"doc_id": r["id"], "title": r["title"], "text": r["text"], "source": "t"} for r in records]
    )
    tokens = tokenize_articles(articles, tokenizer=tokenizer)
    assert len(tokens) == len(records)
    assert (tokens["n_tokens"] >= tokens["terms"].map(len)).all()
    flat = pd.Series([t for terms in tokens["terms"] for t in terms])
    assert (flat.str.len() >= 2).all()
    assert {"协商议政", "社情民意"} & set(flat)


def test_url_pieces_and_domains_are_not_terms(tokenizer):
    terms = tokenizer.terms("详见 https://tv.cctv.com/2024/06/14/index.shtml 或 www.gov.cn，发展新质生产力 GDP 5G")
    assert not {"https", "tv.cctv.com", "www.gov.cn", "shtml", "www"} & set(terms)
    assert {"新质生产力", "GDP", "5G"} <= set(terms)
