"""Reading events and dates from free text, and the deadline conversation's steps, without Rasa."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from send_guide import intents
from send_guide.deadlines import Event, OrderKind, TransferKind
from send_guide.deadlines.dialogue import (
    ASK_CONFIRM,
    ASK_DATE,
    ASK_DETAIL,
    ASK_EVENT,
    DeadlineState,
    answer,
    full_timeline,
    step,
)
from send_guide.deadlines.reading import (
    DateProblem,
    is_date_correction,
    is_deadline_question,
    read_date,
    read_event,
    read_order_kind,
    read_transfer_kind,
)

D = dt.date
TODAY = D(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(("text", "expected"), [
    ("we asked for an assessment on 3rd March", D(2026, 3, 3)),  # no year: the last 3 March
    ("the decision letter is dated 10/01/2025", D(2025, 1, 10)),  # day first, as in the UK
    ("03/04/2025", D(2025, 4, 3)),
    ("draft plan received 18.12.25", D(2025, 12, 18)),
    ("2025-03-03", D(2025, 3, 3)),
    ("March 3rd, 2025", D(2025, 3, 3)),
    ("the 5th of May 2024", D(2024, 5, 5)),
    ("we sent it last Tuesday", D(2026, 11, 24)),
    ("two weeks ago", D(2026, 11, 11)),
    ("a fortnight ago", D(2026, 11, 11)),
    ("yesterday", D(2026, 11, 24)),
])
def test_dates_people_write(text: str, expected: D) -> None:
    found = read_date(text, TODAY)
    assert found.value == expected, found


def test_a_meeting_date_without_a_year_is_the_next_one() -> None:
    assert read_date("the meeting is on 4 March", TODAY, prefer_future=True).value == D(2027, 3, 4)
    assert read_date("it was on 4 March", TODAY).value == D(2026, 3, 4)


@pytest.mark.parametrize("text", ["31/02/2025", "31st February", "13/13/2025", "29/02/2025", "30 feb"])
def test_impossible_dates_are_reported(text: str) -> None:
    assert read_date(text, TODAY).problem is DateProblem.IMPOSSIBLE


@pytest.mark.parametrize("text", ["we asked for an assessment on 1/10/9999", "31/12/9999", "9999-12-31",
                                  "1 October 9999", "1/1/0001", "0001-01-01", "5/5/1066", "5 May 2300"])
def test_a_year_far_from_today_is_an_impossible_date(text: str) -> None:
    """Issue 17 item 3: 1/10/9999 was read as a date, and working out its deadlines ran past the
    calendar's end (OverflowError). A year a century or more away cannot be meant."""
    found = read_date(text, TODAY)
    assert found.value is None and found.problem is DateProblem.IMPOSSIBLE, found


def test_a_year_in_the_sensible_range_is_still_read() -> None:
    assert read_date("1/10/2030", TODAY).value == D(2030, 10, 1)  # the engine says "more than 3 years"
    assert read_date("5/5/2012", TODAY).value == D(2012, 5, 5)  # the engine says "before EHC plans"


@pytest.mark.parametrize("text", ["sometime in March", "last week", "a few weeks ago"])
def test_vague_dates_are_reported(text: str) -> None:
    assert read_date(text, TODAY).problem is DateProblem.VAGUE


def test_no_date() -> None:
    assert read_date("may I ask about the review", TODAY).problem is DateProblem.NONE_FOUND


@pytest.mark.parametrize(("text", "event"), [
    ("we asked for an assessment", Event.REQUEST),
    ("they refused to assess, the letter is dated", Event.DECISION),
    ("we got the draft plan", Event.DRAFT_PLAN),
    ("the annual review meeting is next week", Event.REVIEW_MEETING),
    ("proposed amendments came in the post", Event.AMENDMENTS),
    ("we have a mediation certificate", Event.CERTIFICATE),
    ("I told them I do not want mediation", Event.MEDIATION_DECLINED),
    ("my son moves to secondary school", Event.PHASE_TRANSFER),
    ("the tribunal ordered the council to amend the plan", Event.TRIBUNAL_ORDER),
    ("we moved house to a new council", Event.MOVE),
    ("the plan was issued", Event.PLAN_MADE),
    ("they want to cease the plan", Event.CEASE),
])
def test_events_people_describe(text: str, event: Event) -> None:
    assert read_event(text) is event


@pytest.mark.parametrize("text", [
    "When should we have had the final plan?", "When should I have received the final plan?",
    "we have not received the final plan", "we haven't had the plan", "we never got a plan",
    "we should've had the plan by now"])
def test_a_plan_not_yet_had_is_not_a_plan_made(text: str) -> None:
    assert read_event(text) is not Event.PLAN_MADE


@pytest.mark.parametrize("text", ["we got the final plan on 3 May", "We received the final EHC plan in March",
                                  "we had the final plan in June 2025"])
def test_a_plan_received_is_a_plan_made(text: str) -> None:
    assert read_event(text) is Event.PLAN_MADE


def test_amending_a_plan_is_not_ending_it() -> None:
    assert read_event("they want to amend her plan") is not Event.CEASE
    assert read_event("the council is ending her plan") is Event.CEASE


def test_kinds_of_move_and_order() -> None:
    assert read_transfer_kind("from year 11 to college") is TransferKind.TO_POST16
    assert read_transfer_kind("moving up to secondary") is TransferKind.SCHOOL
    assert read_transfer_kind("from one college to another college") is TransferKind.POST16_TO_POST16
    assert read_order_kind("they must name the school") is OrderKind.SCHOOL_NAME
    assert read_order_kind("to carry out an assessment") is OrderKind.ASSESS


@pytest.mark.parametrize(("text", "expected"), [
    ("we got a decision letter on 3/12/2026", True),
    ("request went in 10/09/2025", True),
    ("it was 31/02/2025 when we applied", True),
    # A vague date told in passing is not a question about dates (issue 15: offered, never forced) ...
    ("we asked for an assessment sometime in March", False),
    ("they said no last week, is it worth appealing?", False),
    # ... unless the person asks about a date or a time limit.
    ("we asked for an assessment in March, when should they decide?", True),
    ("they refused last week, what is the last day to appeal?", True),
    ("how do I apply for an assessment", False),
    ("my son was born on 3/4/2015, can he get an assessment", False),
    ("what happens after 20 weeks", False),
])
def test_deadline_questions_are_recognised(text: str, expected: bool) -> None:
    assert is_deadline_question(text, TODAY) is expected


def talk(*messages: tuple[str, str | None]):
    state, result = DeadlineState(), None
    for number, (text, intent) in enumerate(messages):
        result = step(state, text, intent, TODAY, fresh=number == 0)
        state = result.state
    return result


def test_one_message_with_everything_finishes_at_once() -> None:
    result = talk(("the decision letter is dated 10/01/2025, what is the last day to appeal?", "ask_deadline"))
    assert result.outcome == "done" and result.ask is None
    reply = answer(result.state, TODAY)
    first, _, third = reply.splitlines()[:3]
    assert first.startswith("If you want to appeal, contact the mediation adviser by Monday 10 March 2025.")
    assert third.startswith("The last day to appeal to the SEND Tribunal is Monday 10 March 2025.")
    assert "I read the date as Friday 10 January 2025" in reply
    assert "not legal advice" in reply and reply.endswith("Source: EHC timescales reference (SEND Regulations 2014).")


def test_the_asked_deadline_comes_first() -> None:
    final = talk(("request went in 10/09/2025, when is the final plan due?", "ask_deadline"))
    first_line = answer(final.state, TODAY).splitlines()[0]
    assert first_line.startswith("The council must send the final EHC plan by Wednesday 28 January 2026")
    hear = talk(("we asked for an assessment on 2/9/2024, when should we hear?", "ask_deadline"))
    assert "Monday 14 October 2024" in answer(hear.state, TODAY).splitlines()[0]


def test_a_decision_letter_answer_leads_with_the_first_thing_the_family_must_do() -> None:
    """The mediation adviser must be contacted by 10 August; the appeal can wait until 1 September
    (the tribunal's August rule), so the earlier date comes first, whatever was asked."""
    today = D(2026, 6, 15)
    result = step(DeadlineState(), "the decision letter is dated 10/06/2026, what is the last day to appeal?",
                  "ask_deadline", today, fresh=True)
    first, why, appeal = answer(result.state, today).splitlines()[:3]
    assert first == ("If you want to appeal, contact the mediation adviser by Monday 10 August 2026. "
                     "That is 56 days from today.")
    assert "do not move this date if it falls on a weekend" in why  # 10 August is a Monday, but say so
    assert appeal.startswith("The last day to appeal to the SEND Tribunal is Tuesday 1 September 2026.")
    assert "regulation 33" in answer(result.state, today) and "rule 20(1)(c)" in answer(result.state, today)


def test_every_answer_with_dates_names_who_helps_for_free() -> None:
    result = step(DeadlineState(), "got the refusal to assess letter yesterday what do i do now", "ask_deadline",
                  TODAY, fresh=True)
    assert "phone Luton SENDIAS" in answer(result.state, TODAY)
    assert "{contact" not in answer(result.state, TODAY)


@pytest.mark.parametrize("message", [
    "my dd is in yr 6 with an ehcp, when will they put her secondary school in the plan",
    "ds in yr 11, when must the plan name his college",
])
def test_a_school_year_written_short_is_a_school_move_with_its_date(message: str) -> None:
    result = step(DeadlineState(), message, "ask_deadline", TODAY, fresh=True)
    assert result.outcome == "done", result
    assert "2027" in answer(result.state, TODAY)


def test_missing_pieces_are_asked_for_in_order() -> None:
    assert talk(("work out my dates", "ask_deadline")).ask == ASK_EVENT
    assert talk(("work out my dates", "ask_deadline"), ("the draft plan", None)).ask == ASK_DATE
    assert talk(("the tribunal ordered on 7/7/2025", "ask_deadline")).ask == ASK_DETAIL
    done = talk(("the tribunal ordered on 7/7/2025", "ask_deadline"), ("to make a plan", None))
    assert done.outcome == "done" and done.state.detail == OrderKind.MAKE_PLAN.value


def test_bad_dates_get_a_clear_message_and_the_question_again() -> None:
    impossible = talk(("we got the draft plan", "ask_deadline"), ("31/02/2025", None))
    assert impossible.ask == ASK_DATE and "not a real date" in impossible.messages[0]
    far = talk(("we asked for an assessment on 1/10/9999", "ask_deadline"))
    assert far.ask == ASK_DATE and '"1/10/9999" is not a real date' in far.messages[0]
    assert "year" in far.messages[0]
    early = talk(("we asked for an assessment on 1/3/2013", "ask_deadline"))
    assert early.ask == ASK_DATE and "1 September 2014" in early.messages[0]
    vague = talk(("we asked for an assessment", "ask_deadline"), ("in March", None))
    assert vague.ask == ASK_DATE and "exact day" in vague.messages[0]


def test_a_date_years_ahead_is_refused_clearly_not_confirmed() -> None:
    far = talk(("we asked for an assessment on 1/10/2031", "ask_deadline"))
    assert far.ask == ASK_DATE and far.state.date is None and far.state.pending_date is None
    assert "more than 3 years from today" in far.messages[0]
    for year in ("2031", "9999"):
        after_yes = talk((f"we asked for an assessment on 1/10/{year}", "ask_deadline"), ("yes", "affirm"))
        assert after_yes.ask == ASK_DATE and after_yes.outcome == "asking"


def test_a_school_move_before_ehc_plans_gets_a_reply_not_a_crash() -> None:
    before = talk(("the move to secondary school was in September 2013", "ask_deadline"))
    assert before.ask == ASK_DATE and "1 September 2014" in before.messages[0]
    # September 2014 itself is after the start, but its deadline (14 February 2014) is not.
    early = talk(("the move to secondary school was in September 2014", "ask_deadline"))
    assert early.ask == ASK_DATE and early.state.date is None
    assert "Friday 14 February 2014" in early.messages[-1]


EVENT_WORDS = ["we asked for an assessment on", "the decision letter is dated", "we got the draft plan on",
               "the annual review meeting is on", "the move to secondary school is on", "the plan was issued on",
               "the tribunal ordered them to make a plan on", "we got the mediation certificate on"]


@given(st.sampled_from(EVENT_WORDS), st.dates(min_value=D(1900, 1, 1), max_value=D(9999, 12, 31)))
def test_any_date_ends_in_an_answer_or_a_question_never_an_error(words: str, day: D) -> None:
    state = DeadlineState()
    for number, (text, intent) in enumerate([(f"{words} {day:%d/%m/%Y}", "ask_deadline"), ("yes", "affirm")]):
        result = step(state, text, intent, TODAY, fresh=number == 0)
        state = result.state
        if result.outcome == "done":
            assert answer(state, TODAY) and full_timeline(state, TODAY)
            return
        assert result.ask is not None


def test_a_future_received_date_is_confirmed() -> None:
    future = talk(("the decision letter came on 5/12/2026", "ask_deadline"))
    assert future.ask == ASK_CONFIRM and future.state.date is None
    accepted = talk(("the decision letter came on 5/12/2026", "ask_deadline"), ("yes", "affirm"))
    assert accepted.outcome == "done" and accepted.state.date == "2026-12-05"
    refused = talk(("the decision letter came on 5/12/2026", "ask_deadline"), ("no", "deny"))
    assert refused.ask == ASK_DATE and refused.state.date is None
    # A meeting is usually in the future: no question about that.
    assert talk(("the review meeting is on 4/12/2026", "ask_deadline")).outcome == "done"


def test_corrections_keep_the_rest() -> None:
    first = talk(("we got the draft plan on 18/11/2026", "ask_deadline"))
    corrected = step(first.state, "no, it was 20 November", "correct_deadline", TODAY)
    assert corrected.outcome == "done"
    assert corrected.state.event == Event.DRAFT_PLAN.value and corrected.state.date == "2026-11-20"
    new_event = step(first.state, "sorry it was the decision letter not the draft", "correct_deadline", TODAY)
    assert new_event.state.event == Event.DECISION.value and new_event.state.date == "2026-11-18"


def test_the_form_can_always_be_left() -> None:
    for text, intent in [("stop", None), ("cancel please", None), ("no", "deny"), ("never mind", None)]:
        assert talk(("work out my dates", "ask_deadline"), (text, intent)).outcome == "stopped"
    moved = talk(("work out my dates", "ask_deadline"), ("what does SENCO mean", "ask_glossary"))
    assert moved.outcome == "moved_on"
    crisis = talk(("work out my dates", "ask_deadline"), ("we got the draft plan on 1/1/2026", "crisis"))
    assert crisis.outcome == "moved_on"


def test_timeline_lists_every_date_with_its_status() -> None:
    result = talk(("we asked for an assessment on 2/9/2024", "ask_deadline"))
    text = full_timeline(result.state, D(2024, 11, 1))
    assert "Monday 14 October 2024" in text and "overdue by 18 days" in text
    assert "Monday 20 January 2025" in text and "80 days left" in text


@pytest.mark.parametrize(("text", "expected"), [
    ("no that is wrong, it was the 6th of october", True),
    ("the correct date is 2 february", True),
    ("sorry I meant 05/05/2025", True),
    ("no thanks", False),
    ("what is the correct way to apply", False),
])
def test_date_corrections_are_recognised(text: str, expected: bool) -> None:
    assert is_date_correction(text, TODAY) is expected


def test_a_school_year_gives_the_transfer_year() -> None:
    result = talk(("my son is in year 6 now, when must the plan name his secondary school", "ask_deadline"))
    assert result.outcome == "done" and result.state.date == "2027-09-01"
    assert "Sunday 14 February 2027" in answer(result.state, TODAY)
    to_college = talk(("she is in year 11, moving to college", "ask_deadline"))
    assert to_college.state.detail == TransferKind.TO_POST16.value
    assert "Tuesday 30 March 2027" in answer(to_college.state, TODAY)


def test_a_school_move_with_a_month_and_year_is_a_deadline_question() -> None:
    """A month and year is all a school move needs ("A month and year is enough")."""
    assert is_deadline_question("my daughter moves from year 6 to secondary school in September 2026", TODAY)
    assert not is_deadline_question("my daughter moves to secondary school in September", TODAY)


def test_is_the_council_late_is_answered_with_the_date_that_passed() -> None:
    """"Is the council late?" gets the council's date that has passed, not the next one to come."""
    today = D(2026, 12, 3)
    late = step(DeadlineState(), "we asked for an assessment on 15 October 2026, is the council late?",
                "ask_deadline", today, fresh=True)
    first = answer(late.state, today).splitlines()[0]
    assert "by Thursday 26 November 2026" in first and "the council is late" in first
    not_yet = step(DeadlineState(), "we asked for an assessment on 1 December 2026, are they late?",
                   "ask_deadline", today, fresh=True)
    assert "by Tuesday 12 January 2027" in answer(not_yet.state, today).splitlines()[0]


@pytest.mark.parametrize("today, says", [
    (D(2026, 6, 15), "So you have not missed it. Your first date is Monday 10 August 2026."),
    (D(2026, 8, 20), "The date Monday 10 August 2026 has passed, but Tuesday 1 September 2026 has not."),
    (D(2026, 9, 2), "The last day was Tuesday 1 September 2026, so it has passed."),
])
def test_have_i_missed_it_is_answered_from_the_familys_own_dates(today: D, says: str) -> None:
    """The mediation adviser by 10 August, the appeal by 1 September (the tribunal's August rule)."""
    asked = "the decision letter is dated 10/06/2026, have I missed the deadline to appeal?"
    result = step(DeadlineState(), asked, "ask_deadline", today, fresh=True)
    assert says in answer(result.state, today, asked)
    assert "missed it" not in answer(result.state, today, "when is the last day to appeal?")


def test_a_message_with_two_questions_gets_both_dates_in_order() -> None:
    """"When should we get the paperwork, and when does the council have to decide?" for a review
    meeting on Thursday 14 January 2027: the papers 2 weeks before (Thursday 31 December 2026,
    regulation 20(3) and (4)) and the decision 4 weeks after (Thursday 11 February 2027, 20(10))."""
    today = dt.date(2026, 12, 4)
    text = ("Our annual review meeting is on 14 January 2027. When should we get the paperwork, "
            "and when does the council have to decide?")
    result = step(DeadlineState(), text, intents.DEADLINE, today, fresh=True)
    said = answer(result.state, today, text)
    papers, decision = said.index("by Thursday 31 December 2026"), said.index("by Thursday 11 February 2027")
    assert papers < decision
    assert "regulation 20(3) and (4)" in said and "regulation 20(10)" in said
