"""What a case keeps of a situation reading (send_guide/situation/summary.py), the triage of a whole
message (send_guide/triage/message.py) and the call back's story from the tracker: the least
needed, none of the family's words, and deadlines and urgency from the exact dates in the story."""

import datetime as dt
import json

from rasa_sdk import Tracker

from actions.tracker_helpers import user_messages_before
from send_guide.situation import read
from send_guide.situation.summary import MAX_DATES, describe, story_deadlines, summarise, summary_lines
from send_guide.triage import callback
from send_guide.triage.message import MAX_CHARS, story_of, triage_message
from send_guide.triage.urgency import Level

TODAY = dt.date(2026, 3, 30)
# The decision letter of 10 February 2026: the appeal (Tribunal Procedure Rules 2008, rule 20(1)(c))
# and the call to the mediation adviser (SEND Regulations 2014, regulation 33) are due 2 months
# later, Friday 10 April 2026 (a working day, so the tribunal does not move it): 11 days after TODAY.
STORY = ("My son Amina-Joseph is 9 and in Year 4. Call me on 07700 900123 or amina@example.org. "
         "We asked the council to assess him and they said no. The decision letter is dated 10 February 2026. "
         "School say he is fine. Should I appeal? Who can help me? I am at my wits end.")
PRIVATE = ("Amina", "07700", "example.org", "wits", "School say", "Should I appeal", "10 February")


def test_a_summary_keeps_what_was_found_and_none_of_the_words() -> None:
    summary = summarise(read(STORY, TODAY), TODAY)
    stored = json.dumps(summary)
    assert json.loads(stored) == summary, "JSON-serialisable, unchanged by the round trip"
    assert not [word for word in PRIVATE if word in stored]
    assert summary["situation"] == {"key": "refused_assessment", "title": "The council said no to an assessment"}
    assert summary["questions"] == 2 and summary["distress"] is True
    assert summary["writer"] == "parent" and summary["age"] == 9 and summary["school_year"] == "Year 4"
    assert summary["dates"] == [{"event": "decision", "exact": True, "date": "2026-02-10", "problem": None}]


def test_deadlines_come_from_exact_dates_as_the_law_counts_them() -> None:
    summary = summarise(read(STORY, TODAY), TODAY)
    assert summary["deadlines"] == [
        {"rule": "contact_mediation_adviser", "event": "decision", "from": "2026-02-10", "due": "2026-04-10"},
        {"rule": "appeal", "event": "decision", "from": "2026-02-10", "due": "2026-04-10"}]
    lines = summary_lines(summary, TODAY)
    assert ("Deadlines from the exact dates: The last day to appeal to the SEND Tribunal is Friday 10 April 2026. "
            "11 days left (from the decision date, Tuesday 10 February 2026). Tribunal Procedure (First-tier "
            "Tribunal) (HESC) Rules 2008, rule 20(1)(c).") in lines
    assert any(line.startswith("Deadlines from the exact dates: If you want to appeal, contact the mediation "
                               "adviser by Friday 10 April 2026.") and "regulation 33" in line for line in lines)
    # Shown later, the same summary counts from that day: the family's deadline has passed.
    later = summary_lines(summary, dt.date(2026, 4, 12))
    assert any("appeal to the SEND Tribunal" in line and "Passed 2 days ago" in line for line in later)


def test_vague_dates_are_kept_as_not_exact_and_start_no_deadline() -> None:
    text = ("I asked the council in September and they said no last week. Is it worth appealing? "
            "It has been hard this month.")
    summary = summarise(read(text, TODAY), TODAY)
    assert summary["deadlines"] == []
    assert {(d["event"], d["exact"], d["date"]) for d in summary["dates"]} == {
        ("request", False, None), ("decision", False, None)}, "a vague date with no event is left out"
    assert "Dates given: decision: not an exact day" in summary_lines(summary, TODAY)
    assert triage_message(text, TODAY).urgency.level is Level.NORMAL


def test_a_date_the_deadline_engine_refuses_is_kept_but_starts_no_deadline() -> None:
    reading = read("The decision letter is dated 5 March 2013. Can I still appeal?", TODAY)
    summary = summarise(reading, TODAY)
    assert summary["dates"] == [{"event": "decision", "exact": True, "date": "2013-03-05", "problem": None}]
    assert summary["deadlines"] == [] and story_deadlines(reading, TODAY) == []


def test_a_long_repeating_message_keeps_each_date_once_and_only_a_few() -> None:
    dates = " ".join(f"The review meeting was on {day} March 2026." for day in range(1, 29))
    summary = summarise(read((STORY + " ") * 20 + dates, TODAY), TODAY)
    assert len(summary["dates"]) == MAX_DATES
    assert len({json.dumps(d, sort_keys=True) for d in summary["dates"]}) == MAX_DATES
    keys = [(d["rule"], d["from"]) for d in summary["deadlines"]]
    assert len(keys) == len(set(keys)) and ("appeal", "2026-02-10") in keys


def test_a_message_with_no_situation_says_so() -> None:
    summary = summarise(read("Hello, thank you.", TODAY), TODAY)
    assert summary["situation"] is None and summary["questions"] == 0 and summary["distress"] is False
    assert summary_lines(summary, TODAY)[:2] == ["Situation: None found", "Questions asked: None"]


def test_an_empty_old_or_damaged_summary_shows_what_can_be_read_and_never_fails() -> None:
    assert describe(None, TODAY) == [] and describe({}, TODAY) == [] and describe("{}", TODAY) == []  # type: ignore
    damaged = {"situation": "x", "also": "not a list", "questions": "2", "dates": [{"exact": True, "date": "31/02"}, 5],
               "deadlines": [{"rule": "no such rule", "due": "2026-01-01"}, {"rule": "appeal", "due": "soon"}],
               "writer": "young_person"}
    assert describe(damaged, TODAY) == [("Situation", ["None found"]), ("Dates given", ["event not said: not an "
                                        "exact day"]), ("Written by", ["young person"])]


def test_the_urgency_of_a_message_follows_the_queue_rules() -> None:
    assert triage_message(STORY, TODAY).urgency.level is Level.URGENT
    assert "Deadline in 11 days" in triage_message(STORY, TODAY).urgency.reason
    late = triage_message("We asked the council for an EHC needs assessment on 1 June 2026 and have heard "
                          "nothing. What can I do?", dt.date(2026, 9, 1))
    assert late.urgency.level is Level.HIGH and "council is" in late.urgency.reason
    harm = triage_message("My partner hits me. " + STORY, TODAY)
    assert harm.urgency.level is Level.IMMEDIATE, "harm anywhere in it comes first, whatever the deadlines"
    assert triage_message(STORY, TODAY).answer is not None


def test_a_story_over_several_messages_keeps_the_newest_within_the_limit() -> None:
    assert story_of(["  first  ", "", "second"]) == "first\nsecond"
    old, new = "o" * (MAX_CHARS - 10), "n" * 20
    assert story_of([old, new]) == new
    assert len(story_of(["x" * (MAX_CHARS * 2)])) == MAX_CHARS
    assert story_of([]) == ""


def test_the_call_back_urgency_adds_the_deadlines_of_the_story() -> None:
    state = callback.CallBackState(asking="confirm", consent_at="2026-03-30T10:00:00+00:00")
    assert callback.urgency_of(state, TODAY).level is Level.NORMAL, "no key date in the form"
    story = triage_message(STORY, TODAY).deadlines
    result = callback.urgency_of(state, TODAY, story)
    assert result.level is Level.URGENT and "appeal" in result.reason
    state.safeguarding = True
    assert callback.urgency_of(state, TODAY, story).level is Level.IMMEDIATE


def test_the_story_is_what_was_typed_before_the_call_back_and_outside_any_call_back_form() -> None:
    def user(text: str, intent: str) -> dict:
        return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}

    events = [
        user("The council said no to an assessment.", "describe_situation"),
        user("/situation_more{\"situation\":\"refused_assessment\"}", "situation_more"),
        user("call me back", "request_callback"),
        {"event": "active_loop", "name": "callback_form"},
        user("yes", "affirm"), user("07700 900123", "inform"), user("cancel", "deny"),
        {"event": "active_loop", "name": None},
        user("The letter is dated 10 February 2026.", "inform_deadline_event"),
        user("can someone ring me", "request_callback"),
        {"event": "active_loop", "name": "callback_form"},
        user("yes", "affirm"),
    ]
    tracker = Tracker("t", {}, {}, events, False, None, {}, "action_listen")
    assert user_messages_before(tracker, "request_callback", "callback_form") == [
        "The council said no to an assessment.", "call me back", "The letter is dated 10 February 2026."]
    assert user_messages_before(Tracker("t", {}, {}, events[:2], False, None, {}, "action_listen"),
                                "request_callback", "callback_form") == []
