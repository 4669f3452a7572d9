"""The deadline conversation through the real Rasa server and action server, over REST."""

import datetime as dt

import pytest

from send_guide.deadlines import Event, deadlines_for, in_words
from send_guide.time import today_in_england
from send_guide.timeline_card import card_for
from tests.e2e.test_conversation import answered_with, texts


def said(replies: list) -> str:
    return "\n\n".join(texts(replies))


@pytest.mark.parametrize(("message", "expected"), [
    ("we asked for an assessment on 2 September 2024, when should we hear?", "by Monday 14 October 2024"),
    ("the decision letter is dated 31/10/2025, what is the last day to appeal?", "is Friday 2 January 2026"),
    ("we got the draft plan on 18/12/2025", "until Thursday 1 January 2026"),
    ("the annual review meeting was on 4 November 2025, when should the decision come",
     "by Tuesday 2 December 2025"),
    ("proposed amendments came on 16/12/2025, when is the final amended plan due", "by Tuesday 10 February 2026"),
    ("mediation certificate issued on 20 May 2025, when must I appeal", "is Friday 20 June 2025"),
    ("my daughter moves from year 6 to secondary school in September 2026", "by Saturday 14 February 2026"),
    ("the tribunal ordered on 7 July 2025 that the council must name the school", "by Monday 21 July 2025"),
    ("I told the mediation adviser I do not want mediation on 16 April 2025", "by Wednesday 23 April 2025"),
    ("we moved house to Luton and the old council knew on 3 November 2025", "by Friday 21 November 2025"),
    ("the EHC plan was issued on 15 March 2024, when is the annual review due", "by Friday 14 March 2025"),
])
def test_each_event_from_free_text_gets_its_date(chat, message: str, expected: str) -> None:
    reply = said(chat(message))
    assert expected in reply, reply
    assert "I read the date as" in reply and "Source: EHC timescales reference" in reply


def test_missing_pieces_are_asked_then_answered_with_timeline_and_late_help(chat) -> None:
    assert "What happened?" in said(chat("can you work out my ehcp dates"))
    assert "draft plan sent to you" in said(chat('/inform_deadline_event{"deadline_event":"draft-plan"}'))
    reply = chat("18/12/2025")
    assert "until Thursday 1 January 2026" in said(reply)
    [with_buttons] = [message for message in reply if message.get("buttons")]
    assert [b["payload"] for b in with_buttons["buttons"]] == ["/deadline_timeline", "/deadline_late"]
    assert "All the dates from Thursday 18 December 2025" in said(chat("/deadline_timeline"))
    assert answered_with(chat("what if the council is late"), "utter_deadline_late")


def test_a_text_only_client_gets_the_timeline_card_as_its_steps_in_text(chat) -> None:
    """Over REST the card comes as one message with both: the steps as text (what a client that
    shows only text reads) and the card the widget draws. Its dates are the deadline engine's."""
    reply = chat("we asked for an assessment on 2 September 2024, when should we hear?")
    [card] = [message for message in reply if message.get("custom")]
    today = today_in_england()
    expected = card_for(deadlines_for(Event.REQUEST, dt.date(2024, 9, 2), today=today), today)
    assert card["text"] == expected.text()
    assert "- Done: The council got the request for an assessment, Monday 2 September 2024." in card["text"]
    assert "- Late: The final EHC plan, Monday 20 January 2025." in card["text"]
    assert f"- Today: {in_words(today)}." in card["text"]
    steps = card["custom"]["data"]["steps"]
    assert [(step["key"], step["date"]) for step in steps if step["date"]] == [
        (step.key, step.date.isoformat()) for step in expected.steps if step.date]
    assert reply.index(card) == len(reply) - 1  # after the answer it pictures


def test_a_date_can_be_corrected(chat) -> None:
    assert "Friday 2 January 2026" in said(chat("the decision letter is dated 31/10/2025"))
    reply = said(chat("no, the date was 10 June 2025"))
    assert "Monday 1 September 2025" in reply and "Tuesday 10 June 2025" in reply


def test_an_impossible_date_is_explained_and_asked_again(chat) -> None:
    reply = said(chat("we got the draft plan on 31/02/2025"))
    assert "not a real date" in reply and "draft plan sent to you" in reply
    assert "until Thursday 1 January 2026" in said(chat("18 December 2025"))


def test_a_future_received_date_is_confirmed(chat) -> None:
    soon = dt.date.today() + dt.timedelta(days=40)
    reply = said(chat(f"we got the decision letter on {soon:%d/%m/%Y}"))
    assert "in the future. Is that right?" in reply
    assert "last day to appeal" in said(chat("yes"))


def test_a_date_before_ehc_plans_is_explained(chat) -> None:
    reply = said(chat("we requested the assessment on 1/3/2013"))
    assert "1 September 2014" in reply and "request for an assessment?" in reply


def test_the_form_can_be_left(chat) -> None:
    chat("work out my deadlines")
    assert "stopped working out dates" in said(chat("cancel"))
    chat("work out my deadlines")
    assert answered_with(chat("hello"), "utter_greet")


def test_a_crisis_in_the_middle_gets_crisis_contacts_first(chat) -> None:
    chat("work out my deadlines")
    replies = chat("I want to kill myself")
    assert answered_with(replies[:2], "utter_crisis")


def test_a_vague_date_gets_a_question_for_the_exact_day(chat) -> None:
    reply = said(chat("we asked for an assessment sometime in March, when will they decide?"))
    assert "exact day" in reply and "request for an assessment?" in reply
    assert "by Monday 14 April 2025" in said(chat("3 March 2025"))


def test_a_school_year_is_enough_for_a_phase_transfer(chat) -> None:
    reply = said(chat("my son is in year 6, when must his plan name the secondary school"))
    assert "name the new school or setting by" in reply and "14 February" in reply


@pytest.mark.parametrize(("year", "why"), [(dt.date.today().year + 5, "more than 3 years from today"),
                                         (9999, '"1/10/9999" is not a real date')])
def test_a_date_years_ahead_is_refused_in_words_and_yes_still_gets_a_reply(chat, year: int, why: str) -> None:
    reply = said(chat(f"we asked for an assessment on 1/10/{year}"))
    assert why in reply and "request for an assessment?" in reply
    after = said(chat("yes"))
    assert after.strip() and "something went wrong" not in after


def test_a_school_move_before_ehc_plans_gets_a_reply(chat) -> None:
    reply = said(chat("the move to secondary school was in September 2013"))
    assert "1 September 2014" in reply and "When does the move happen?" in reply


def test_a_decision_letter_leads_with_contacting_the_mediation_adviser(chat) -> None:
    replies = texts(chat("the decision letter is dated 10/06/2025, what is the last day to appeal?"))
    answer = next(text for text in replies if "last day to appeal" in text)
    lines = answer.splitlines()
    assert lines[0].startswith("If you want to appeal, contact the mediation adviser by Sunday 10 August 2025.")
    assert any(line.startswith("The last day to appeal to the SEND Tribunal is Monday 1 September 2025.")
               for line in lines[1:])
