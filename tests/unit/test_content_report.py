"""The content report's counting (send_guide/triage/content_report.py) and its tables and CSV
(send_guide/triage/report_tables.py): England's weeks, "other" topics, shares, empty weeks and
damaged rows."""

import csv
import datetime as dt
import io
import json

import pytest

from send_guide import intents
from send_guide.topics import catalogue
from send_guide.triage.content_report import (
    COULD_NOT_ANSWER,
    OTHER_TOPICS,
    TOP_TOPICS,
    Question,
    Rating,
    build_report,
    language_of,
    last_weeks,
    question_intents,
    start_of,
    topic_name,
    week_of,
)
from send_guide.triage.report_tables import Share, answers_table, languages_table, tables, topics_table, write_csv

UTC = dt.timezone.utc
WEEKS = last_weeks(dt.date(2026, 12, 2))  # a Wednesday: the last week started on Monday 30 November
TOPICS = sorted(catalogue().topics)


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), UTC)


def asked(day: dt.date, intent: str, language: str = "en", times: int = 1) -> list[Question]:
    return [Question(at(day), intent, language)] * times


def test_the_weeks_are_the_last_eight_mondays_ending_with_this_week() -> None:
    assert len(WEEKS) == 8
    assert WEEKS[-1] == dt.date(2026, 11, 30) and WEEKS[0] == dt.date(2026, 10, 12)
    assert all(week.weekday() == 0 for week in WEEKS)
    assert last_weeks(dt.date(2026, 11, 30), 2) == (dt.date(2026, 11, 23), dt.date(2026, 11, 30))  # a Monday


def test_a_week_starts_at_midnight_in_england_in_summer_time_and_winter_time() -> None:
    # 18 October 2026 is in British Summer Time: 23:30 UTC on Sunday is already Monday in England.
    assert week_of(dt.datetime(2026, 10, 18, 23, 30, tzinfo=UTC)) == dt.date(2026, 10, 19)
    assert start_of(dt.date(2026, 10, 19)) == dt.datetime(2026, 10, 18, 23, 0, tzinfo=UTC)
    # The clocks went back on 25 October: in winter England's midnight is midnight UTC.
    assert week_of(dt.datetime(2026, 11, 1, 23, 30, tzinfo=UTC)) == dt.date(2026, 10, 26)
    assert start_of(dt.date(2026, 11, 2)) == dt.datetime(2026, 11, 2, 0, 0, tzinfo=UTC)


def test_questions_are_counted_by_topic_and_week_with_the_topics_titles() -> None:
    first, second = TOPICS[0], TOPICS[1]
    questions = [*asked(WEEKS[0], first, times=3), *asked(WEEKS[7], first), *asked(WEEKS[7], second, times=2)]
    report = build_report(questions, [], WEEKS)
    assert [(row.name, row.counts) for row in report.topics] == [
        (topic_name(first), (3, 0, 0, 0, 0, 0, 0, 1)), (topic_name(second), (0, 0, 0, 0, 0, 0, 0, 2))]
    assert topic_name(first) == catalogue().get(first).title
    assert report.questions == (3, 0, 0, 0, 0, 0, 0, 3)


def test_after_the_most_asked_topics_the_rest_are_other_and_could_not_answer_comes_last() -> None:
    questions = [question for number, intent in enumerate(TOPICS[:TOP_TOPICS + 2])
                 for question in asked(WEEKS[2], intent, times=10 - number)]
    questions += asked(WEEKS[3], intents.FALLBACK, times=4)
    report = build_report(questions, [], WEEKS)
    names = [row.name for row in report.topics]
    assert names == [*(topic_name(intent) for intent in TOPICS[:TOP_TOPICS]), OTHER_TOPICS, COULD_NOT_ANSWER]
    assert report.topics[TOP_TOPICS].counts[2] == (10 - TOP_TOPICS) + (10 - TOP_TOPICS - 1)
    assert report.could_not_answer == (0, 0, 0, 4, 0, 0, 0, 0)
    assert sum(report.questions) == sum(row.total for row in report.topics) == len(questions)


def test_questions_with_the_same_report_name_are_one_topic() -> None:
    questions = [*asked(WEEKS[1], intents.DEADLINE), *asked(WEEKS[1], intents.DEADLINE_LATE)]
    [row] = build_report(questions, [], WEEKS).topics
    assert row.name == topic_name(intents.DEADLINE) and row.counts[1] == 2


def test_greetings_thanks_yes_no_and_crisis_are_not_questions() -> None:
    counted = question_intents()
    assert {intents.GREET, intents.GOODBYE, intents.THANKS, intents.AFFIRM, intents.DENY, intents.CRISIS,
            intents.SHOW_MENU, intents.TELL_ME_MORE, intents.INFORM_ROLE, intents.CALLBACK}.isdisjoint(counted)
    assert {intents.FALLBACK, intents.GLOSSARY, intents.DEADLINE, *TOPICS} <= counted


def test_the_shares_are_per_week_and_nothing_to_count_is_not_zero() -> None:
    questions = [*asked(WEEKS[6], TOPICS[0], times=3), *asked(WEEKS[6], intents.FALLBACK)]
    ratings = [Rating(at(WEEKS[6]), False), Rating(at(WEEKS[6]), True), Rating(at(WEEKS[6]), True),
               Rating(at(WEEKS[5]), False)]
    report = build_report(questions, ratings, WEEKS)
    assert report.ratings == (0, 0, 0, 0, 0, 1, 2 + 1, 0)
    assert report.not_helpful == (0, 0, 0, 0, 0, 1, 1, 0)
    table = answers_table(report)
    rows = dict(table.rows)
    assert rows[WEEKS[6]] == (4, 1, Share(1, 4), 3, 1, Share(1, 3))
    assert rows[WEEKS[5]][2].percent is None and rows[WEEKS[5]][5].percent == 100
    assert table.total == ("All weeks", (4, 1, Share(1, 4), 4, 2, Share(2, 4)))


def test_anything_outside_the_weeks_is_left_out() -> None:
    before = WEEKS[0] - dt.timedelta(days=1)
    after = WEEKS[-1] + dt.timedelta(days=7)
    report = build_report([*asked(before, TOPICS[0]), *asked(after, TOPICS[0])],
                          [Rating(at(before), False), Rating(at(after), False)], WEEKS)
    assert report.empty and not report.topics and not report.languages


def test_an_empty_report_has_weeks_of_nothing_and_tables_that_say_so() -> None:
    report = build_report([], [], WEEKS)
    assert report.empty and report.questions == (0,) * 8 and report.ratings == (0,) * 8
    topics, answers, languages = tables(report)
    assert topics.rows == () and topics.total == ("All questions", (0,) * 9)
    assert all(cells[2].percent is None and cells[5].percent is None for _week, cells in answers.rows)
    assert languages.rows == ()


def test_languages_are_counted_most_used_first_with_their_english_names() -> None:
    questions = [*asked(WEEKS[7], TOPICS[0], "pl", 2), *asked(WEEKS[7], TOPICS[0], "ur", 3),
                 *asked(WEEKS[7], intents.FALLBACK, "en", 1)]
    report = build_report(questions, [], WEEKS)
    assert [(language.name, language.questions) for language in report.languages] == [
        ("Urdu", 3), ("Polish", 2), ("English", 1)]
    assert dict(languages_table(report).rows)["Urdu (ur)"] == (3, Share(3, 6))


@pytest.mark.parametrize("data, code", [
    (json.dumps({"event": "user", "text": "hello", "parse_data": {"language": {"code": "pl", "reason": "picked"}}}),
     "pl"),
    (json.dumps({"event": "user", "text": "hello", "parse_data": {"intent": {"name": "greet"}}}), "en"),
    (json.dumps({"event": "user", "parse_data": None}), "en"),
    ('{"event": "user", "text": "cut off in the mid', None),
    ("[1, 2]", None),
    ("", None),
    (None, None),
    (json.dumps({"parse_data": {"language": {"code": "=HYPERLINK(\"x\")"}}}), None),
    (json.dumps({"parse_data": {"language": "pl"}}), "en"),
])
def test_only_the_language_code_is_taken_from_an_event_and_a_damaged_one_gives_none(data, code) -> None:
    assert language_of(data) == code


def test_the_csv_has_the_tables_numbers_with_weeks_as_dates_and_no_share_when_nothing_was_counted() -> None:
    report = build_report([*asked(WEEKS[7], TOPICS[0], times=2), *asked(WEEKS[7], intents.FALLBACK)],
                          [Rating(at(WEEKS[7]), False)], WEEKS)
    buffer = io.StringIO()
    write_csv(answers_table(report), buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert rows[0] == ["Week starting", "Questions", "Could not answer", "Could not answer (%)", "Ratings",
                       "Rated not helpful", "Rated not helpful (%)"]
    assert rows[1] == ["2026-10-12", "0", "0", "", "0", "0", ""]
    assert rows[8] == ["2026-11-30", "3", "1", "33.3", "1", "1", "100.0"]
    assert rows[9] == ["All weeks", "3", "1", "33.3", "1", "1", "100.0"]
    buffer = io.StringIO()
    write_csv(topics_table(report), buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert rows[0] == ["Topic", *(week.isoformat() for week in WEEKS), "All weeks"]
    assert rows[1] == [topic_name(TOPICS[0]), *["0"] * 7, "2", "2"]
    assert rows[-1] == ["All questions", *["0"] * 7, "3", "3"]
