"""The EHC timeline card: its steps are the deadline engine's dates, in order, with the right state
and today's place; the text list and the widget's payload say the same; late steps offer help."""

import datetime as dt
import json

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.deadline_actions import DeadlineAnswer, DeadlineTimeline
from send_guide import intents
from send_guide.deadlines import Event, OrderKind, TransferKind, deadlines_for, in_words
from send_guide.deadlines.rules import RULES, STEP_NAMES
from send_guide.situation import read, reply
from send_guide.timeline_card import (
    CARD_TYPE,
    StepState,
    card_for,
    card_for_events,
    text_of_card,
)
from tests.run_async import run_async
from tests.unit.test_actions import tracker

D = dt.date
TODAY = D(2026, 12, 4)


def button(offer):
    return {"title": offer.title, "payload": f"/{offer.intent}{json.dumps(offer.entities) if offer.entities else ''}"}


def by_key(card):
    return {step.key: step for step in card.steps}


def test_every_rule_has_a_step_name() -> None:
    assert set(STEP_NAMES) == set(RULES)


CASES = [(event, D(2026, 10, 1), {}) for event in Event if event is not Event.PHASE_TRANSFER] + [
    (Event.PHASE_TRANSFER, D(2027, 9, 1), {"transfer": kind}) for kind in TransferKind] + [
    (Event.TRIBUNAL_ORDER, D(2026, 10, 1), {"order": kind}) for kind in OrderKind]


@pytest.mark.parametrize("event, on, extra", CASES, ids=lambda value: getattr(value, "value", str(value)))
def test_the_card_shows_each_date_of_the_deadline_engine_with_its_law(event: Event, on: D, extra: dict) -> None:
    timeline = deadlines_for(event, on, today=TODAY, **extra)
    card = card_for(timeline, TODAY)
    dated = [step for step in card.steps if step.date is not None and not step.key.startswith("event:")]
    assert [(step.key, step.date, step.source) for step in dated] == [
        (d.rule.key, d.due, d.rule.source) for d in timeline.deadlines]
    [given] = [step for step in card.steps if step.key == f"event:{event.value}"]
    assert given.date == on and given.source == ""
    assert [step.when for step in card.steps] == sorted(step.when for step in card.steps)


def test_a_request_in_september_the_road_to_the_final_plan() -> None:
    """Request received Monday 14 September 2026 (6 weeks: Monday 26 October; 16: Monday 4 January 2027;
    20: Monday 1 February 2027), seen on Friday 4 December 2026."""
    card = card_for(deadlines_for(Event.REQUEST, D(2026, 9, 14), today=TODAY), TODAY)
    assert [(step.state, step.date) for step in card.steps] == [
        (StepState.DONE, D(2026, 9, 14)),
        (StepState.LATE, D(2026, 10, 26)),
        (StepState.UNKNOWN, None),  # the draft plan: no date in law
        (StepState.DUE, D(2027, 1, 4)),
        (StepState.DUE, D(2027, 2, 1)),
    ]
    assert card.today_at == 2
    steps = by_key(card)
    assert steps["decide_to_assess"].note == "This date passed 39 days ago. If it has not happened yet, it is late."
    assert steps["final_plan"].note == "59 days left."
    assert "weeks 14 to 16" in steps["undated:request"].note
    assert steps["undated:request"].source == RULES["draft_plan_comments"].source


def test_the_text_list_marks_today_between_the_steps_and_names_each_law() -> None:
    card = card_for(deadlines_for(Event.REQUEST, D(2026, 9, 14), today=TODAY), TODAY)
    lines = card.text().splitlines()
    assert lines[0] == "Your EHC timeline:"
    assert lines[3] == "- Today: Friday 4 December 2026."
    assert lines[2].startswith("- Late: The council decides whether to assess, Monday 26 October 2026.")
    assert lines[2].endswith("(Law: SEND Regulations 2014, regulations 4 and 5)")
    assert lines[-1].startswith("Source: ")


def test_the_payload_is_the_same_steps_as_the_text() -> None:
    card = card_for(deadlines_for(Event.DECISION, D(2026, 9, 1), today=TODAY), TODAY)
    payload = card.payload(button)
    assert payload["type"] == CARD_TYPE and payload["today"] == "2026-12-04" and payload["text"] == card.text()
    assert payload["today_words"] == in_words(TODAY)
    for step in payload["steps"]:
        line = f"- {step['state_words']}: {step['name']}, {step['date_words']}. {step['note']}"
        assert line in payload["text"]
    assert json.loads(json.dumps(payload)) == payload  # sent as JSON as it is


def test_today_on_a_due_date_is_the_last_day_and_today_comes_before_it() -> None:
    on = D(2026, 10, 23)  # 6 weeks later is 4 December 2026
    card = card_for(deadlines_for(Event.REQUEST, on, today=TODAY), TODAY)
    decide = by_key(card)["decide_to_assess"]
    assert decide.date == TODAY and decide.state is StepState.DUE and decide.note == "This is the last day."
    assert card.steps[card.today_at] == decide


def test_a_meeting_still_to_come_is_due_not_done_and_today_can_come_first() -> None:
    card = card_for(deadlines_for(Event.REVIEW_MEETING, D(2027, 1, 20), today=TODAY), TODAY)
    meeting = by_key(card)["event:review-meeting"]
    assert meeting.state is StepState.DUE and "47 days from today" in meeting.note
    assert card.today_at == 0 and "- Today:" in card.text().splitlines()[1]


def test_what_happened_today_comes_before_the_today_marker() -> None:
    card = card_for(deadlines_for(Event.DECISION, TODAY, today=TODAY), TODAY)
    assert card.steps[0].key == "event:decision" and card.steps[0].state is StepState.DONE
    assert card.today_at == 1 and card.text().splitlines()[2] == "- Today: Friday 4 December 2026."


def test_a_later_event_shows_the_earlier_council_step_happened() -> None:
    card = card_for_events([(Event.REQUEST, D(2025, 1, 6)), (Event.DRAFT_PLAN, D(2025, 5, 1))], TODAY)
    assert card is not None
    steps = by_key(card)
    assert steps["decide_to_assess"].state is StepState.DONE
    assert "no_plan_notice" not in steps  # a draft plan means there will be a plan
    assert "undated:request" not in steps  # the family gave the draft plan's own date
    assert steps["draft_plan_comments"].state is StepState.LATE
    assert steps["final_plan"].state is StepState.LATE
    assert card.today_at == len(card.steps)  # every step is in the past
    assert card.text().splitlines()[-3] == "- Today: Friday 4 December 2026."


def test_late_steps_offer_the_matching_letter_and_a_person() -> None:
    card = card_for_events([(Event.REQUEST, D(2025, 1, 6))], TODAY)
    assert card is not None
    final = by_key(card)["final_plan"]
    assert [(o.title, o.intent, o.entities) for o in final.offers] == [
        ("Help me write a letter", intents.LETTER, {"letter_kind": "final-plan-late"}),
        ("Talk to a person", intents.TALK_TO_PERSON, {})]
    appeal = by_key(card_for(deadlines_for(Event.DECISION, D(2026, 1, 5), today=TODAY), TODAY))["appeal"]
    assert appeal.state is StepState.LATE and [o.intent for o in appeal.offers] == [intents.TALK_TO_PERSON]
    assert all(not step.offers for step in card.steps if step.state is not StepState.LATE)


def test_dates_the_engine_refuses_give_no_card() -> None:
    assert card_for_events([(Event.REQUEST, D(2013, 1, 1))], TODAY) is None
    assert card_for_events([], TODAY) is None
    card = card_for_events([(Event.REQUEST, D(2013, 1, 1)), (Event.DECISION, D(2026, 11, 20))], TODAY)
    assert card is not None and {step.key for step in card.steps} == {
        "event:decision", "contact_mediation_adviser", "appeal"}


@pytest.mark.parametrize("custom", [None, "text", {"data": "x"}, {"data": {"type": "form"}},
                                    {"data": {"type": CARD_TYPE, "text": 3}}, {"type": CARD_TYPE, "text": "x"}])
def test_only_a_timeline_card_has_card_text(custom) -> None:
    assert text_of_card(custom) is None


def test_the_deadline_answer_is_followed_by_its_card() -> None:
    slots = {"deadline_event": "request", "deadline_date": "2025-01-06", "deadline_outcome": "done"}
    for action in (DeadlineAnswer(), DeadlineTimeline()):
        dispatcher = CollectingDispatcher()
        run_async(action.run(dispatcher, tracker(intents.AFFIRM, "yes", slots=slots), {}))
        answer, card = dispatcher.messages
        assert answer["text"] and answer["buttons"]
        payload = card["custom"]["data"]
        assert payload["type"] == CARD_TYPE and text_of_card(card["custom"]) == payload["text"]
        final = next(step for step in payload["steps"] if step["key"] == "final_plan")
        assert final["state"] == "late" and final["date"] == "2025-05-26"
        assert final["offers"][0]["payload"] == '/ask_letter{"letter_kind":"final-plan-late"}'
        assert final["offers"][1]["payload"] == "/talk_to_person"


def test_a_story_with_dates_gets_a_card_of_every_exact_date() -> None:
    text = ("We asked for an EHC needs assessment on 6 January 2025. The draft plan came on 1 May 2025 "
            "and we still have no final plan. Is the council late?")
    answer = reply(read(text, TODAY), TODAY)
    assert answer is not None and answer.card is not None
    steps = by_key(answer.card)
    assert steps["event:request"].date == D(2025, 1, 6) and steps["event:draft-plan"].date == D(2025, 5, 1)
    assert steps["final_plan"].state is StepState.LATE


def test_a_story_without_an_exact_date_gets_no_card() -> None:
    answer = reply(read("We asked for an assessment a few weeks ago and heard nothing. Is that normal?", TODAY), TODAY)
    assert answer is not None and answer.card is None


def test_the_urgency_agrees_with_the_card_about_steps_a_later_event_settled() -> None:
    """A draft plan shows the council decided to assess: the case is late with the final plan, not
    with the decision, as its timeline shows."""
    from send_guide.triage.message import triage_message

    triage = triage_message("We asked for an EHC needs assessment on 2 September 2024. The draft plan came on "
                            "6 January 2025. We still have no final plan. What can we do?", TODAY)
    assert triage.urgency.reason.startswith("The council is 683 days late: final plan was due Monday 20 January 2025")
    assert {d.rule.key for d in triage.deadlines} == {"final_plan", "draft_plan_comments"}


def test_an_event_told_without_its_day_settles_the_steps_before_it() -> None:
    """"The final EHCP came in July 2025": no exact day, but the final plan is not late."""
    card = card_for_events([(Event.REQUEST, D(2025, 1, 6)), (Event.DRAFT_PLAN, D(2025, 3, 3))], TODAY,
                           happened=[Event.PLAN_MADE])
    assert card is not None
    steps = by_key(card)
    assert steps["final_plan"].state is StepState.DONE
    assert "draft_plan_comments" not in steps  # the plan is final: comments on the draft are over
    assert [step.state for step in card.steps] == [StepState.DONE] * len(card.steps)


def test_a_story_of_help_not_given_under_a_final_plan_answers_that_with_the_plan_done() -> None:
    text = ("My daughter's final EHCP came in July 2025. The draft plan came on 3 March 2025 and we asked for the "
            "assessment on 6 January 2025. The school is still not giving her the speech therapy in section F. "
            "Who is responsible and what do I do?")
    reading = read(text, TODAY)
    assert reading.main is not None and reading.main.key == "provision_not_delivered"
    answer = reply(reading, TODAY)
    assert answer is not None and answer.card is not None
    assert not [step for step in answer.card.steps if step.state is StepState.LATE]
    assert "The duty is the council's" in answer.text
