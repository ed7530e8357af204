"""Running text is joined one way in each language; a date span is said by one function everywhere.

Chart subtitles and hover text, the filter summary under a saved picture and the overview's
key figures all name a span of days: they say it the same way, and a span of one day is
that day, never "from it to itself".
"""

import datetime as dt

import pandas as pd
import pytest

from analysis.charts.phrasing import date_span

JUNE_14, JUNE_15 = dt.date(2024, 6, 14), dt.date(2024, 6, 15)


@pytest.mark.parametrize(
    ("first", "last", "lang", "year", "expected"),
    [
        (JUNE_14, JUNE_15, "zh", True, "2024-06-14 至 2024-06-15"),
        (JUNE_14, JUNE_15, "en", True, "2024-06-14 to 2024-06-15"),
        (JUNE_14, JUNE_14, "zh", True, "2024-06-14 当天"),
        (JUNE_14, JUNE_14, "en", True, "2024-06-14 only"),
        (dt.date(2024, 1, 1), JUNE_15, "zh", False, "1月1日至6月15日"),  # no space between CJK and 日
        (dt.date(2024, 1, 1), JUNE_15, "en", False, "Jan 1 to Jun 15"),
        (JUNE_14, JUNE_14, "zh", False, "6月14日当天"),
        (JUNE_14, JUNE_14, "en", False, "Jun 14 only"),
        (None, JUNE_14, "zh", True, "… 至 2024-06-14"),  # an open end is not "one day"
        (JUNE_14, None, "en", True, "2024-06-14 to …"),
        (None, None, "en", True, "… to …"),
    ],
)
def test_a_date_span_is_said_the_same_way_in_either_language(first, last, lang, year, expected):
    assert date_span(first, last, lang, year=year) == expected


def test_timestamps_of_one_day_are_one_day_whatever_their_time():
    assert date_span(pd.Timestamp("2024-06-14 08:00"), pd.Timestamp("2024-06-14 17:30"), "en") == "2024-06-14 only"
    assert date_span(pd.Timestamp("2023-12-30"), pd.Timestamp("2024-01-02"), "zh") == "2023-12-30 至 2024-01-02"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("last", [JUNE_14, JUNE_15])
def test_the_chart_note_the_filter_summary_and_the_key_figures_say_a_span_alike(lang, last):
    from analysis.charts import plot_articles_over_time
    from ui.state import FilterState
    from ui.tab_overview import key_figures
    from ui.view import View

    span = date_span(JUNE_14, last, lang)
    month = pd.DataFrame({"group": None, "period": ["2024-06"], "n_articles": [4]})
    note = plot_articles_over_time(month, period="month", coverage=(JUNE_14, last), lang=lang)
    assert f"（{span}）" in note.layout.title.subtitle.text or f"({span})" in note.layout.title.subtitle.text
    assert date_span(JUNE_14, last, lang, year=False) in note.data[0].hovertext[0]
    view = View(store=None, source_label="t", state=FilterState(date_from=JUNE_14, date_to=last), filters=None,
                names={}, theme_labels={}, lang=lang, date_bounds=(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
    assert view.filter_description().endswith(span)
    summary = {"articles": 4, "provinces": 1, "prefectures": 1, "counties": 1, "characters": 4000,
               "first_date": pd.Timestamp(JUNE_14), "last_date": pd.Timestamp(last), "days": (last - JUNE_14).days + 1}
    assert key_figures(summary, lang)[-1][2] == span


def test_an_open_end_of_the_date_filter_is_the_corpus_first_or_last_day():
    from ui.state import FilterState
    from ui.view import View

    def described(bounds, **dates):
        return View(store=None, source_label="t", state=FilterState(**dates), filters=None, names={},
                    theme_labels={}, lang="en", date_bounds=bounds).filter_description()

    assert described((dt.date(2024, 1, 1), JUNE_15), date_from=JUNE_15) == "Date: 2024-06-15 only"
    assert described(None, date_to=JUNE_14) == "Date: … to 2024-06-14"  # no dated article: the start is open


def test_two_days_a_year_apart_are_a_span_even_when_said_without_the_year():
    first, last = dt.date(2023, 6, 14), dt.date(2024, 6, 14)
    assert date_span(first, last, "zh", year=False) == "6月14日至6月14日"
    assert date_span(first, last, "en", year=False) == "Jun 14 to Jun 14"
