"""The search box's query language: words that must all appear, alternatives, exclusions."""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.search_query import SearchQuery, parse_search


@pytest.mark.parametrize(("typed", "required", "excluded"), [
    ("乡村振兴", (("乡村振兴",),), ()),
    ("乡村振兴 协商", (("乡村振兴",), ("协商",)), ()),
    ("乡村振兴\u3000协商", (("乡村振兴",), ("协商",)), ()),  # a full-width space separates too
    ("党纪学习教育|作风建设", (("党纪学习教育", "作风建设"),), ()),
    ("党纪学习教育｜作风建设", (("党纪学习教育", "作风建设"),), ()),
    ("生态 -黄河", (("生态",),), ("黄河",)),
    ("生态 －黄河|长江", (("生态",),), ("黄河", "长江")),
    ('"one phrase" 协商', (("one phrase",), ("协商",)), ()),
    ("“三抓三促”", (("“三抓三促”",),), ()),  # Chinese quotation marks are searched for as typed
    ("协商 协商 - | \"\"", (("协商",),), ()),  # repeats count once; bare marks ask for nothing
    ("", (), ()),
])
def test_what_was_typed_becomes_required_groups_and_exclusions(typed, required, excluded):
    assert parse_search(typed) == SearchQuery(required, excluded)


def test_a_plain_word_is_a_single_term_search_and_a_query_is_not():
    assert parse_search("协商").single_term == "协商"
    assert parse_search("协商 委员").single_term is None
    assert parse_search("协商 -委员").single_term is None
    assert parse_search("协商|委员").terms == ("协商", "委员")
    assert parse_search("-").empty and parse_search("-").sql() == ("TRUE", ())


def test_matching_reads_the_title_and_the_text():
    query = parse_search("乡村振兴 协商 -调研")
    assert query.matches("协商会议", "推进乡村振兴")
    assert not query.matches("协商会议", "推进乡村振兴，开展调研")
    assert not query.matches(None, "推进乡村振兴")
    assert parse_search("-调研").matches(None, None)


TEXT = st.text(alphabet="甲乙丙丁 |-\"", max_size=12)
DUCKDB = duckdb.connect()


@settings(max_examples=200, deadline=None)
@given(typed=TEXT, title=st.one_of(st.none(), st.text(alphabet="甲乙丙丁", max_size=6)),
       text=st.one_of(st.none(), st.text(alphabet="甲乙丙丁", max_size=12)))
def test_the_sql_condition_says_what_python_says(typed, title, text):
    query = parse_search(typed)
    condition, params = query.sql()
    found = DUCKDB.execute(f"SELECT count(*) FROM (SELECT ?::VARCHAR AS title, ?::VARCHAR AS text) WHERE {condition}",
                           [title, text, *params]).fetchone()[0]
    assert bool(found) == query.matches(title, text)
