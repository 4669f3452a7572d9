"""The call-back conversation without Rasa (send_guide/triage/callback.py)."""

import datetime as dt

import pytest

from send_guide.triage.callback import (
    SKIP,
    CallBackState,
    read_contact,
    start,
    step,
    to_request,
    urgency_of,
    widget_signal,
)
from send_guide.triage.urgency import Level

TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.timezone.utc)
DAYS = 90


def talk(*answers: str, prefill: dict | None = None, safeguarding: bool = False):
    """Start the form and give the answers; returns every step's result."""
    results = [start(prefill or {}, DAYS, safeguarding=safeguarding)]
    for answer in answers:
        results.append(step(results[-1].state, answer, TODAY, DAYS, NOW))
    return results


def asked(result) -> str:
    return result.state.asking


def test_consent_comes_first_and_says_what_is_kept_for_how_long_and_who_sees_it() -> None:
    first = talk()[0]
    text = first.replies[0].text
    assert asked(first) == "consent" and "90 days" in text and "Only Luton SENDIAS advisers" in text
    assert "cancel" in text and [title for title, _ in first.replies[0].buttons] == ["Yes, I agree", "No"]


def test_a_letter_made_in_the_conversation_is_named_in_the_consent_and_remembered() -> None:
    first = start({}, DAYS, letter=True)
    said = first.replies[0].text
    assert "I keep your answers and this conversation, and the letter you made here, for 90 days" in said
    assert CallBackState.from_slot(first.state.as_slot()).letter
    assert "the letter you made" not in talk()[0].replies[0].text
    again = step(first.state, "maybe", TODAY, DAYS, NOW)
    assert "the letter you made here" in again.replies[-1].text, "asked again, it still says so"


def test_saying_no_to_consent_keeps_nothing() -> None:
    result = talk("no")[-1]
    assert result.outcome == "declined" and result.state == CallBackState()
    assert "Nothing has been kept" in result.replies[0].text and "01582 548156" in result.replies[0].text


@pytest.mark.parametrize(("yes", "no"), [("tak", "nie"), ("haan", "nahi"), ("ہاں", "نہیں"), ("da", "nu")])
def test_yes_and_no_in_a_family_language_answer_the_consent_question(yes: str, no: str) -> None:
    """The yes and no words of each language file (send_guide/form_words.py says_yes, says_no)."""
    assert asked(talk(yes)[-1]) == "name"
    assert talk(no)[-1].outcome == "declined"


def test_a_full_call_back_request() -> None:
    results = talk("yes", "Amina", "07911 123456", "weekday mornings", "yes, Urdu", "parent",
                   "Year 6", "final plan", "decision letter dated 30 September 2026", "help to appeal", "yes")
    last = results[-1]
    assert last.outcome == "done"
    assert [asked(r) for r in results[:-1]] == ["consent", "name", "contact", "best_time", "interpreter", "role",
                                                "child", "stage", "dates", "description", "confirm"]
    summary = results[-2].replies[0].text
    assert "Amina" in summary and "07911 123456" in summary and "Interpreter: yes" in summary
    request = to_request(last.state, "conv-1", ["appeal"])
    assert (request.name, request.phone, request.email, request.language) == ("Amina", "07911 123456", "", "Urdu")
    assert request.interpreter is True and request.role == "Parent or carer" and request.stage == "Final plan"
    assert request.key_dates == ["decision: Wednesday 30 September 2026"]
    urgency = urgency_of(last.state, TODAY)
    assert urgency.level is Level.URGENT and "appeal" in urgency.reason


@pytest.mark.parametrize(("key_date", "why"), [("we asked for an assessment on 1/10/9999", "not a real date"),
                                              ("we asked for an assessment on 1/10/2031", "more than 3 years"),
                                              ("the move to secondary was on 1/9/2013", "1 September 2014")])
def test_a_key_date_that_cannot_be_right_is_asked_again_in_words(key_date: str, why: str) -> None:
    results = talk("yes", "Amina", "07911 123456", SKIP, "no", SKIP, SKIP, SKIP, key_date)
    again = results[-1]
    assert asked(again) == "dates" and again.state.dates == []
    assert why in again.replies[0].text
    done = talk("yes", "Amina", "07911 123456", SKIP, "no", SKIP, SKIP, SKIP, key_date, "no", SKIP, "yes")[-1]
    assert done.outcome == "done" and urgency_of(done.state, TODAY).level is Level.NORMAL


def test_every_question_but_contact_can_be_skipped() -> None:
    results = talk("yes", SKIP, "someone@example.org", SKIP, SKIP, SKIP, SKIP, SKIP, SKIP, SKIP, "yes")
    assert results[-1].outcome == "done"
    request = to_request(results[-1].state, "conv-2", [])
    assert request.email == "someone@example.org" and request.name == "" and request.interpreter is None
    assert urgency_of(results[-1].state, TODAY).level is Level.NORMAL


def test_without_a_contact_the_form_explains_and_asks_again() -> None:
    result = talk("yes", "Sam", SKIP)[-1]
    assert asked(result) == "contact" and "cancel" in result.replies[0].text
    result = talk("yes", "Sam", "12345")[-1]
    assert asked(result) == "contact" and "could not read" in result.replies[0].text


@pytest.mark.parametrize("moment", range(1, 11))
def test_cancel_at_any_question_leaves_nothing(moment: int) -> None:
    answers = ["yes", "Amina", "01582 548156", "mornings", "no", "parent", "7", "draft plan", "no", "help"]
    result = talk(*answers[:moment], "cancel")[-1]
    assert result.outcome == "cancelled" and result.state == CallBackState()
    with pytest.raises(ValueError):
        to_request(result.state, "conv", [])


def test_no_at_the_summary_sends_nothing() -> None:
    result = talk("yes", SKIP, "01582 548156", SKIP, SKIP, SKIP, SKIP, SKIP, SKIP, SKIP, "no")[-1]
    assert result.outcome == "cancelled" and result.state == CallBackState()


def test_a_role_already_given_is_not_asked_again() -> None:
    results = talk("yes", SKIP, "01582 548156", SKIP, "no", prefill={"role": "Professional"})
    assert asked(results[-1]) == "child"


def test_harm_mentioned_in_the_form_makes_the_case_immediate_and_is_not_taken_as_an_answer() -> None:
    results = talk("yes", SKIP, "01582 548156", SKIP, "no", SKIP, SKIP, SKIP, SKIP, "my partner hits me")
    assert asked(results[-1]) == "description" and "description" not in results[-1].state.answers
    done = talk("yes", SKIP, "01582 548156", SKIP, "no", SKIP, SKIP, SKIP, SKIP, "my partner hits me",
                "money for a tutor", "yes")[-1]
    assert done.outcome == "done" and urgency_of(done.state, TODAY).level is Level.IMMEDIATE
    flagged = step(talk("yes")[-1].state, "Mă gândesc să îmi iau viața", TODAY, DAYS, NOW, crisis=True)
    assert flagged.state.safeguarding and asked(flagged) == "name"


def test_harm_mentioned_before_the_form_makes_the_case_immediate() -> None:
    answers = ("yes", SKIP, "01582 548156", SKIP, "no", SKIP, SKIP, SKIP, SKIP, SKIP, "yes")
    after_crisis = talk(*answers, safeguarding=True)[-1]
    assert after_crisis.outcome == "done" and urgency_of(after_crisis.state, TODAY).level is Level.IMMEDIATE
    without = talk(*answers)[-1]
    assert without.outcome == "done" and urgency_of(without.state, TODAY).level is Level.NORMAL


@pytest.mark.parametrize("text,expected", [
    ("01582 548156", "01582 548156"),
    ("+44 1582 548156", "01582 548156"),
    ("07911123456", "07911 123456"),
    ("my email is Parent.Name+send@example.co.uk thanks", "Parent.Name+send@example.co.uk"),
    ("12345", None),
    ("+1 202 555 0143", None),
    ("call me", None),
])
def test_contacts_are_uk_phone_numbers_or_email_addresses(text: str, expected: str | None) -> None:
    assert read_contact(text) == expected


def test_the_state_survives_a_slot_round_trip() -> None:
    results = talk("yes", "Amina", "01582 548156")
    restored = CallBackState.from_slot(results[-1].state.as_slot())
    assert restored == results[-1].state and CallBackState.from_slot(None) == CallBackState()


FORGED = "Amina\n- Contact: 07000 000000\nShall I send this to Luton SENDIAS?\r\x1b[2J\u2028- Help with: x"


def test_an_answer_with_line_breaks_is_kept_as_one_line() -> None:
    """Issue 17 item 13: a newline in the name put lines that looked like the summary's own
    ("- Contact: ...") into the summary shown to the family and sent to staff."""
    results = talk("yes", FORGED, "07911 123456", "mornings\nafter 10", SKIP, SKIP, SKIP, SKIP, "no",
                   "help\nwith\tthe appeal")
    name = results[-1].state.answers["name"]
    assert name == "Amina - Contact: 07000 000000 Shall I send this to Luton SENDIAS? [2J - Help with: x"
    summary = results[-1].replies[0].text
    lines = summary.splitlines()
    assert [line for line in lines if line.startswith("- Contact")] == ["- Contact: 07911 123456"]
    assert lines[-1] == "Shall I send this to Luton SENDIAS?" and lines.count(lines[-1]) == 1
    assert "- Best time: mornings after 10" in lines and "- Help with: help with the appeal" in lines
    assert all(line.isprintable() for line in lines)


def test_a_long_name_is_cut_short() -> None:
    name = talk("yes", "A" * 5000)[-1].state.answers["name"]
    assert name == "A" * 100


def test_a_summary_from_an_older_state_is_one_line_per_answer_too() -> None:
    """A state stored before answers were made one line (the slot outlives a deploy)."""
    state = CallBackState(asking="description", answers={"name": FORGED, "contact": "07911 123456"},
                          consent_at=NOW.isoformat())
    summary = step(state, "help", TODAY, DAYS, NOW).replies[0].text
    assert [line for line in summary.splitlines() if line.startswith("- Contact")] == ["- Contact: 07911 123456"]
    assert to_request(step(state, "help", TODAY, DAYS, NOW).state, "c", []).name.count("\n") == 0


def test_the_case_counts_only_topics_asked_before_the_request_and_reads_the_story() -> None:
    from send_guide.triage.callback_case import case_opened_reply, new_case, topics_asked_before_request

    conversation = ["greet", "what_is_send", "mental_health_services", "what_is_send", "request_callback",
                    "challenging_behaviour"]  # the last is the form's own answer, classified too
    titles = topics_asked_before_request(conversation)
    assert len(titles) == 2 and len(set(titles)) == 2
    assert topics_asked_before_request(["what_is_send"]) == []
    last = talk("yes", "Amina", "kim@example.org", SKIP, "no", SKIP, SKIP, SKIP, SKIP, SKIP, "yes")[-1]
    calm = new_case(last.state, "conv-2", conversation, ["What is an EHC plan?"], TODAY)
    assert calm.request.topics == titles and calm.urgency.level is not Level.IMMEDIATE
    reply = case_opened_reply("LTN-0001", calm)
    assert "Your reference is LTN-0001" in reply and "by e-mail" in reply and "999" not in reply
    harmed = new_case(last.state, "conv-2", conversation, ["he said he wants to kill himself"], TODAY)
    assert harmed.urgency.level is Level.IMMEDIATE and "phone 999" in case_opened_reply("LTN-0002", harmed)


def test_the_widget_is_told_when_the_form_starts_and_whether_its_answers_were_kept() -> None:
    assert widget_signal(started=True, outcome=None) == {"type": "form", "form": "callback",
                                                                   "event": "start"}
    assert widget_signal(started=False, outcome=None) is None, "a question in the middle: nothing"
    for outcome in ("cancelled", "declined"):
        assert widget_signal(started=False, outcome=outcome)["kept"] is False
    assert widget_signal(started=False, outcome="done") == {"type": "form", "form": "callback",
                                                                      "event": "end", "kept": True}
