"""Incremental, parallel and crash-safe ingest."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest
from pandas.testing import assert_frame_equal
from test_store import TINY

import analysis.store.aggregates as aggregates
import analysis.store.analyze as analyze
import analysis.store.ingest as ingest_module
import analysis.store.parallel as parallel
from analysis.demo import generate_demo_articles
from analysis.paths import data_path
from analysis.store import Filters, ingest_paths, open_store
from analysis.tokenize import build_tokenizer, tokenize_articles

REPO = Path(__file__).resolve().parents[1]


def snapshot(store) -> dict[str, pd.DataFrame]:
    """Everything ingest wrote, keyed by doc_id and term text (not by internal ids)."""
    db = store._db
    return {
        "articles": db.frame("SELECT doc_id, content_hash, n_tokens, n_chars, themes, dict_version, month "
                             "FROM articles ORDER BY doc_id"),
        "terms": db.frame("SELECT a.doc_id, v.term, d.count FROM doc_term_counts d JOIN articles a USING (doc_key) "
                          "JOIN vocabulary v USING (term_id) ORDER BY 1, 2"),
        "themes": db.frame("SELECT a.doc_id, t.theme, t.n_hits, t.score, t.assigned FROM doc_themes t "
                           "JOIN articles a USING (doc_key) ORDER BY 1, 2"),
        "slogans": db.frame("SELECT a.doc_id, s.slogan, s.quoted, count(*) AS n FROM doc_slogans s "
                            "JOIN articles a USING (doc_key) GROUP BY ALL ORDER BY 1, 2, 3"),
        "names": db.frame("SELECT a.doc_id, array_to_string(n.contexts, ' ') AS contexts, n.version "
                          "FROM doc_names n JOIN articles a USING (doc_key) ORDER BY 1"),
        "tokens": store.tokens_table().sort_values("doc_id", ignore_index=True),
        "top terms": store.term_counts(top=50),
        "heatmap": store.theme_counts(by="prefecture", period="month"),
    }


def stored_contexts(store) -> set[str]:
    """Every string of the person-name contexts ingest stored."""
    return set(store.sql("SELECT DISTINCT unnest(contexts) AS s FROM doc_names")["s"])


def assert_same_store(left, right) -> None:
    for name, table in snapshot(left).items():
        assert_frame_equal(table, snapshot(right)[name], obj=name)


@pytest.fixture
def spy(monkeypatch):
    """Count the articles handed to the segmenter (in this process)."""
    seen: list[str] = []
    original = analyze.read_texts

    def counting(titles, texts, *, analyzer, renumber=True):
        seen.extend(texts)
        return original(titles, texts, analyzer=analyzer, renumber=renumber)

    monkeypatch.setattr(analyze, "read_texts", counting)
    return seen


def test_incremental_ingest_segments_only_new_articles(spy):
    with open_store(None) as store:
        first = store.ingest(TINY.iloc[:3], workers=1)
        assert (first.new, first.skipped_existing, len(spy)) == (3, 0, 3)
        second = store.ingest(TINY, workers=1)
        assert (second.new, second.skipped_existing, len(spy)) == (2, 3, 5)
        third = store.ingest(TINY, workers=1)
        assert (third.new, third.skipped_existing, third.batches, len(spy)) == (0, 5, 0, 5)
        assert store.count_articles() == 5


def test_the_same_text_from_elsewhere_is_not_added_again(spy):
    moved = TINY.assign(doc_id=TINY["doc_id"] + "-moved", source="elsewhere", outlet="丙报")
    repeated = pd.concat([TINY, TINY.iloc[[0]]], ignore_index=True)
    with open_store(None) as store:
        summary = store.ingest(repeated, workers=1)
        assert (summary.new, summary.duplicates) == (5, 1)
        first = TINY["doc_id"].iloc[0]
        assert summary.repeats[["doc_id", "same_as", "reason"]].values.tolist() == [[first, first, "text"]]
        summary = store.ingest(moved, workers=1)
        assert (summary.new, summary.skipped_existing) == (0, 5)
        assert len(spy) == 5


def test_a_changed_text_replaces_the_article_with_its_doc_id():
    corrected = TINY.copy()
    corrected.loc[0, "text"] = "会议围绕社区治理开展协商。"
    with open_store(None) as store:
        store.ingest(TINY, workers=1)
        summary = store.ingest(corrected, workers=1)
        assert (summary.new, summary.replaced, summary.skipped_existing) == (1, 1, 4)
        assert store.count_articles() == 5
        assert store.get_article("t1")["text"] == "会议围绕社区治理开展协商。"
        counts = store.term_counts(top=None).set_index("term")["frequency"]
        assert counts["乡村振兴"] == 2
        assert counts["社区治理"] == 2


def test_a_new_dictionary_makes_stored_articles_stale_until_resegmented(tmp_path):
    userdict = tmp_path / "userdict.txt"
    userdict.write_text(data_path("userdict.txt").read_text(encoding="utf-8") + "\n委员建议 50 n\n", encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        store.ingest(TINY, workers=1)
    with open_store(tmp_path / "store", userdict=userdict) as store:
        assert store.stale_articles() == 5
        summary = store.ingest(TINY.iloc[:2], workers=1)
        assert (summary.new, summary.resegmented, store.stale_articles()) == (0, 2, 3)
        summary = store.resegment(workers=1)
        assert (summary.resegmented, store.stale_articles()) == (3, 0)
        expected = tokenize_articles(TINY, tokenizer=build_tokenizer(userdict=userdict))
        assert_frame_equal(store.tokens_table().sort_values("doc_id", ignore_index=True), expected)
        assert "委员建议" in set(store.term_counts(top=None)["term"])
        assert store.count_articles() == 5


def test_new_title_words_in_the_name_lists_make_stored_name_contexts_stale_until_resegmented(tmp_path):
    names = tmp_path / "names.toml"
    original = data_path("names.toml").read_text(encoding="utf-8")
    names.write_text(original.replace('words = ["高市早苗", "阿尔巴尼斯"]', 'words = ["高市早苗"]', 1), encoding="utf-8")
    articles = TINY.assign(text=TINY["text"] + "馆长王大明介绍。")
    with open_store(tmp_path / "store") as store:
        store.ingest(articles, workers=1)
        assert "王大明" not in stored_contexts(store)  # 馆长 is no title, 介绍 no after-word
    with open_store(tmp_path / "store", names=names) as store:
        assert store.stale_articles() == 0  # [people] finds no contexts: no change for stored articles
    names.write_text(original.replace('after = ["同志"', 'after = ["介绍", "同志"', 1), encoding="utf-8")
    with open_store(tmp_path / "store", names=names) as store:
        assert store.stale_articles() == 5
        before = [v["names_version"] for v in store.info()["versions"]]
        assert (store.resegment(workers=1).resegmented, store.stale_articles()) == (5, 0)
        after = [v["names_version"] for v in store.info()["versions"]]
        assert before != after and after == [store.analyzer.versions[2]]  # store-info shows the lists' version
        assert "王大明" in stored_contexts(store)  # read back from before the new after-word 介绍


def test_a_store_written_before_name_contexts_were_stored_still_opens_and_resegment_adds_them(tmp_path):
    with open_store(tmp_path / "store") as store:
        store.ingest(TINY, workers=1)
        expected = store.term_counts(top=None, leave_out=("place", "person"))
        store.sql("DROP TABLE doc_names")  # as an older version wrote it
    with open_store(tmp_path / "store", read_only=True) as old:  # as the dashboard opens a store
        assert old.stale_articles() == 5  # no article has its name contexts
        assert {v["names_version"] for v in old.info()["versions"]} == {None}
        assert_frame_equal(old.term_counts(top=None, leave_out=("place", "person")), expected)  # from the texts
    with open_store(tmp_path / "store") as store:  # opened for writing: the table is made, empty
        assert store.stale_articles() == 5
        assert (store.resegment(workers=1).resegmented, store.stale_articles()) == (5, 0)
        assert store.sql("SELECT count(*) AS n FROM doc_names")["n"][0] == 5  # one row each, if empty
        assert_frame_equal(store.term_counts(top=None, leave_out=("place", "person")), expected)


def test_batches_chunks_and_frames_do_not_change_the_result():
    articles = generate_demo_articles(120, seed=5)
    done: list[tuple[int, int | None]] = []
    with open_store(None) as one, open_store(None) as many:
        one.ingest(articles, workers=1)
        frames = (articles.iloc[i : i + 50] for i in range(0, 120, 50))
        summary = many.ingest(frames, workers=1, batch_size=7, chunk_size=3, total=120,
                              progress=lambda n, total: done.append((n, total)))
        assert summary.batches == 14  # chunks of 3 make batches of 9
        assert done[-1] == (120, 120)
        assert [n for n, _ in done] == sorted(n for n, _ in done)
        assert_same_store(one, many)


def decoded(results) -> list[tuple[list[str], list[tuple[int, str, int]]]]:
    """Each result's token sequence and (article, term, count) entries, as terms.

    A result with an owner is read with the terms its owner sent so far.
    """
    sent: dict = {}
    out = []
    for result in results:
        terms = result.vocab
        if result.owner is not None:
            terms = sent.setdefault(result.owner, [])
            assert result.vocab_from == len(terms)
            terms.extend(result.vocab)
        bags = zip(result.count_rows.tolist(), result.count_codes.tolist(), result.count_values.tolist(), strict=True)
        out.append(([terms[c] for c in result.seq_codes.tolist()], sorted((r, terms[c], n) for r, c, n in bags)))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("receiver", [None, "ingest"])
def test_this_process_analyses_until_the_pool_is_up_then_the_pool_takes_over(spy, monkeypatch, receiver):
    started: list = []

    class Recorded(parallel._PoolStart):
        def __init__(self, *args) -> None:
            super().__init__(*args)
            started.append(self)

    monkeypatch.setattr(parallel, "_PoolStart", Recorded)
    config = analyze.AnalyzerConfig.default()
    local = analyze.Analyzer.build(config)
    articles = generate_demo_articles(120, seed=13).assign(doc_key=range(120))
    chunks = [articles.iloc[i : i + 20] for i in range(0, 120, 20)]
    expected = [analyze.analyse_chunk(config, chunk, analyzer=local) for chunk in chunks]
    del spy[:]

    def source():
        for i, chunk in enumerate(chunks):
            if i == 2:  # the pool was asked for after the first chunk: wait until it is up
                deadline = time.monotonic() + 120
                while not started[0].ready() and time.monotonic() < deadline:
                    time.sleep(0.05)
            yield chunk

    results = list(parallel.map_chunks(source(), config=config, workers=2, local=local, pool_after=20,
                                       receiver=receiver))
    assert len(started) == 1
    assert len(spy) == 40  # the first two chunks here, the other four in the pool
    assert decoded(results) == decoded(expected)
    if receiver is None:  # each chunk's own codes, whoever made them
        assert {r.owner for r in results} == {None}
        assert [r.vocab for r in results] == [r.vocab for r in expected]
    else:  # this process's codes, then the workers'
        assert results[0].owner == results[1].owner == local.token_codes.owner
        assert all(r.owner[0] != os.getpid() for r in results[2:])
    codes = ("seq_codes", "count_codes", "count_values") if receiver is None else ()
    for got, want in zip(results, expected, strict=True):
        for field in ("doc_keys", "theme_ids", "theme_scores", *codes):
            assert (getattr(got, field) == getattr(want, field)).all(), field


def test_analysing_a_chunk_leaves_the_cycle_collector_as_it_found_it():
    import gc

    config = analyze.AnalyzerConfig.default()
    chunk = generate_demo_articles(5, seed=14).assign(doc_key=range(5))
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            analyze.analyse_chunk(config, chunk)
            assert gc.isenabled() is enabled
        finally:
            gc.enable()


def test_batches_are_written_with_one_duckdb_thread_and_every_thread_comes_back_after():
    store = open_store(None)
    threads = "SELECT current_setting('threads')"
    store._db.con.execute("SET threads = 3")  # as a user may have set it
    before = store._db.scalar(threads)
    during: list[int] = []
    store.ingest(generate_demo_articles(30, seed=15), workers=1, batch_size=10, chunk_size=10,
                 progress=lambda done, total: during.append(store._db.con.execute(threads).fetchone()[0]))
    assert during and set(during) == {ingest_module.WRITE_THREADS}
    assert store._db.scalar(threads) == before


def test_a_small_input_does_not_wait_for_the_pool_to_start():
    config = analyze.AnalyzerConfig.default()
    local = analyze.Analyzer.build(config)
    chunk = generate_demo_articles(5, seed=14).assign(doc_key=range(5))
    results = list(parallel.map_chunks([chunk], config=config, workers=2, local=local, pool_after=0))
    assert [list(r.doc_keys) for r in results] == [[0, 1, 2, 3, 4]]


@pytest.mark.slow
def test_a_process_pool_gives_the_same_store_as_this_process():
    articles = generate_demo_articles(300, seed=6)
    with open_store(None) as local, open_store(None) as pooled:
        local.ingest(articles, workers=1)
        summary = pooled.ingest(articles, workers=2, chunk_size=40)
        assert summary.new == 300
        # 8 chunks, 4 in flight: once the 8th is out, each result is written as it comes
        # (chunks 1-6 together, then 7, then 8), so little is left to write after the last
        assert summary.batches == 3
        assert_same_store(local, pooled)


def test_ingest_paths_loads_files_and_keeps_their_reports(tmp_path):
    generate_demo_articles(50, seed=7).to_parquet(tmp_path / "a.parquet")
    (tmp_path / "broken.csv").write_bytes(b"")
    with open_store(None) as store:
        summary, reports = ingest_paths(store, [tmp_path / "a.parquet", tmp_path / "broken.csv"], workers=1)
        assert summary.new == 50
        assert [r.status for r in reports] == ["loaded", "failed"]


@pytest.mark.slow
def test_a_killed_ingest_leaves_whole_batches_and_resumes(tmp_path, monkeypatch):
    articles = generate_demo_articles(2400, seed=8)
    for i in range(3):
        articles.iloc[i * 800 : (i + 1) * 800].to_parquet(tmp_path / f"part{i}.parquet")
    inputs = [str(tmp_path / f"part{i}.parquet") for i in range(3)]
    store_dir = tmp_path / "store"
    command = [sys.executable, "-m", "analysis.cli", "ingest", *inputs, "--store", str(store_dir),
               "--batch-size", "100", "--workers", "1"]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    progress = store_dir / "ingest-progress.json"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if progress.exists() and json.loads(progress.read_text())["batches"] >= 1:
            break
        time.sleep(0.02)
    assert process.poll() is None, process.stderr.read().decode()
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    with monkeypatch.context() as patch:
        patch.setattr(aggregates, "MIN_ARTICLES", 0)  # the roll-ups of any store, rebuilt on opening
        store = open_store(store_dir)
    with store:
        stored = store.count_articles()
        assert 100 <= stored < 2400
        assert stored % 100 == 0  # whole batches only
        assert store.info()["runs"][0]["status"] == "interrupted"
        assert store.info()["aggregates"] == "fresh"
        assert store.count_articles(Filters(level="province", places=("620000",))) <= stored

    finished = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert f"{2400 - stored:,} new, {stored:,} already in the store" in finished.stderr
    with open_store(store_dir) as store, open_store(None) as clean:
        ingest_paths(clean, inputs, workers=1)
        assert store.count_articles() == 2400
        duplicates = store._db.scalar("SELECT count(*) - count(DISTINCT content_hash) FROM articles")
        assert duplicates == 0
        assert_same_store(store, clean)


@pytest.mark.slow
def test_a_killed_parallel_ingest_leaves_no_worker_behind(tmp_path):
    generate_demo_articles(6000, seed=9).to_parquet(tmp_path / "a.parquet")
    tag = f"govthemes-test-{os.getpid()}-{time.monotonic_ns()}"
    command = [sys.executable, "-m", "analysis.cli", "ingest", str(tmp_path / "a.parquet"), "--store",
               str(tmp_path / "store"), "--workers", "2", "--batch-size", "500"]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "GOVTHEMES_TEST_TAG": tag})
    progress = tmp_path / "store" / "ingest-progress.json"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if progress.exists() and json.loads(progress.read_text())["batches"] >= 1:
            break
        time.sleep(0.02)
    assert process.poll() is None
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and tagged_processes(tag):
        time.sleep(0.1)
    assert tagged_processes(tag) == []  # workers and fork server left when their parent died
    with open_store(tmp_path / "store") as store:
        assert 500 <= store.count_articles() < 6000


def tagged_processes(tag: str) -> list[int]:
    """Processes (ours) whose environment carries ``tag``."""
    found = []
    for process in psutil.process_iter(["pid"]):
        try:
            if process.environ().get("GOVTHEMES_TEST_TAG") == tag:
                found.append(process.pid)
        except psutil.Error:
            continue
    return found


def test_a_small_addition_extends_the_roll_ups_to_the_same_numbers(monkeypatch):
    articles = generate_demo_articles(300, seed=12)
    first, later = articles.iloc[:200], articles.iloc[200:]
    monkeypatch.setattr(ingest_module, "EXTEND_MAX_SHARE", 1.0)
    monkeypatch.setattr(aggregates, "MIN_ARTICLES", 0)  # roll-ups for every store
    with open_store(None) as extended, open_store(None) as rebuilt:
        extended.ingest(first, workers=1)
        extended.ingest(later, workers=1)
        extensions = extended.sql("SELECT value FROM meta WHERE key = 'extensions'")["value"].tolist()
        assert extensions == ["2"]  # both runs extended the (empty, then first) roll-ups
        rebuilt.ingest(articles, workers=1)
        for f in [Filters(), Filters(date_from=dt.date(2023, 5, 9), date_to=dt.date(2024, 8, 1)),
                  Filters(level="prefecture", places=("620100", "622900")), Filters(outlets=("none",))]:
            assert_frame_equal(extended.term_counts(f, top=None), rebuilt.term_counts(f, top=None))
            assert_frame_equal(extended.keyness(f, level="prefecture", target_adcode="620100"),
                               rebuilt.keyness(f, level="prefecture", target_adcode="620100"))
        assert_frame_equal(extended.options()["places"]["county"], rebuilt.options()["places"]["county"])


def test_a_small_store_keeps_no_roll_ups_until_an_ingest_takes_it_past_the_threshold(monkeypatch):
    monkeypatch.setattr(aggregates, "MIN_ARTICLES", 250)
    articles = generate_demo_articles(300, seed=15)
    with open_store(None) as small, open_store(None) as built:
        small.ingest(articles.iloc[:200], workers=1)
        built.ingest(articles.iloc[:200], workers=1)
        built.rebuild_aggregates()
        assert (small.info()["aggregates"], built.info()["aggregates"]) == ("unbuilt", "fresh")
        for f in [Filters(), Filters(date_from=dt.date(2023, 5, 9), date_to=dt.date(2024, 8, 1)),
                  Filters(level="prefecture", places=("620100", "622900"))]:
            assert_frame_equal(small.term_counts(f, top=None), built.term_counts(f, top=None))
        assert_frame_equal(small.options()["places"]["county"], built.options()["places"]["county"])
        small.ingest(articles.iloc[200:], workers=1)
        assert small.info()["aggregates"] == "fresh"  # 300 articles: worth their roll-ups now


def test_an_edited_data_file_is_not_analysed_with_an_analyzer_cached_before_the_edit(tmp_path):
    for name in ("userdict.txt", "themes.toml"):
        (tmp_path / name).write_bytes(data_path(name).read_bytes())
    files = {"userdict": tmp_path / "userdict.txt", "stopwords": data_path("stopwords"),
             "themes": tmp_path / "themes.toml"}
    before = analyze.worker_analyzer(analyze.AnalyzerConfig.default(**files))
    themes = files["themes"].read_text(encoding="utf-8")
    files["themes"].write_text(themes.replace('"纪律规矩"', '"纪律规矩意识"', 1), encoding="utf-8")
    after = analyze.worker_analyzer(analyze.AnalyzerConfig.default(**files))
    assert after is not before
    assert after.theme_version != before.theme_version
    assert analyze.worker_analyzer(analyze.AnalyzerConfig.default(**files)) is after  # cached again


def test_editing_a_themes_label_or_description_leaves_stored_scores_current(tmp_path):
    path = tmp_path / "themes.toml"
    original = data_path("themes.toml").read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    before = analyze.Analyzer.build(analyze.AnalyzerConfig.default(themes=path))
    path.write_text(original.replace('label = "党纪学习教育与作风建设"', 'label = "党纪学习教育"', 1)
                    .replace('description_zh = "水资源、', 'description_zh = "水资源和', 1)
                    .replace('version = "2026.1"', 'version = "2026.2"', 1), encoding="utf-8")
    relabelled = analyze.Analyzer.build(analyze.AnalyzerConfig.default(themes=path))
    assert relabelled.themes.labels["party_discipline"] == "党纪学习教育"
    assert relabelled.theme_version == before.theme_version  # no score changes: nothing to analyse again
    path.write_text(original.replace("threshold = 4.0", "threshold = 4.5", 1), encoding="utf-8")
    assert analyze.Analyzer.build(analyze.AnalyzerConfig.default(themes=path)).theme_version != before.theme_version


def test_a_repeat_of_an_article_still_in_flight_is_named_too():
    with open_store(None) as store:
        summary = store.ingest([TINY, TINY.iloc[[1]].assign(doc_id="other")], workers=1)
        assert (summary.new, summary.duplicates) == (5, 1)
        assert summary.repeats["doc_id"].tolist() == ["other"]
        assert summary.repeats["reason"].tolist() == ["text"]
        assert summary.repeats["same_as"].isna().all()  # analysed in the same run, not yet committed


def test_the_worker_fork_server_is_started_only_when_a_pool_may_be_used():
    options = ingest_module.IngestOptions
    assert not ingest_module.may_use_pool(options(total=3_000))  # the demo corpus: analysed here
    assert ingest_module.may_use_pool(options(total=10_000))
    assert ingest_module.may_use_pool(options())  # size unknown: may grow past 4,000
    assert not ingest_module.may_use_pool(options(workers=1))
    assert ingest_module.may_use_pool(options(workers=2, total=10))  # asked for explicitly
    assert not ingest_module.may_use_pool(options(scheduler="tcp://127.0.0.1:8786"))


def test_workers_start_and_analyse_without_importing_pandas():
    # pandas is half of a worker's start-up (its fork server imports the analysis modules)
    script = (
        "import sys, numpy as np\n"
        "from analysis.store.parallel import start_worker\n"
        "import analysis.store.prebuilt\n"
        "from analysis.store.analyze import AnalyzerConfig, ArticleChunk, analyse_chunk\n"
        "chunk = ArticleChunk(np.array([7]), ['市政协召开常委会会议'], ['开展“三抓三促”行动，推进乡村振兴。'])\n"
        "result = analyse_chunk(AnalyzerConfig.default(), chunk)\n"
        "print('pandas' in sys.modules, list(result.theme_ids), list(result.slogan_texts))\n"
    )
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert shown.stdout.split(maxsplit=1) == [
        "False", "['party_discipline', 'consultation', 'rural_revitalization'] ['三抓三促']\n"]


@pytest.mark.parametrize("main_script", ["console", "benchmarks/run.py", "dashboard.py"])
def test_the_main_scripts_that_workers_import_again_import_nothing_heavy(main_script):
    # a worker process starts by running its parent's main script as __mp_main__
    if main_script == "console":  # the govthemes console script imports its entry point
        run = "import analysis.console"
    else:
        run = f"import runpy; runpy.run_path({main_script!r}, run_name='__mp_main__')"
    script = f"import sys; {run}; print(sorted({{'pandas', 'streamlit', 'duckdb'}} & set(sys.modules)))"
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           cwd=Path(__file__).resolve().parents[1])
    assert shown.stdout.strip() == "[]"
