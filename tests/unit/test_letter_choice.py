"""Which letter a message asks for (send_guide/letters/choose.py)."""

import datetime as dt

import pytest

from send_guide.content_files import load_content
from send_guide.deadlines.dialogue import DeadlineState
from send_guide.languages.replies import available_languages
from send_guide.letters.choose import (
    asks_for_a_letter,
    dates_of_answer,
    kind_for_text,
    letter_after_answer,
    letter_after_deadline,
)
from send_guide.letters.kinds import all_kinds


@pytest.mark.parametrize(("text", "kind"), [
    ("can you help me write a letter to ask for an EHC needs assessment for my son", "assessment-request"),
    ("its been more than 6 weeks and the council hasnt decided, can you write a letter", "no-decision-6-weeks"),
    ("the final plan is late, we are at week 25, i need a letter", "final-plan-late"),
    ("the council got our request for an EHC assessment on 2 June 2026, we still have no plan. "
     "can you help me write a letter to them?", "final-plan-late"),
    ("we got the draft plan yesterday and want to reply, need a letter", "draft-plan-comments"),
    ("the speech therapy in section F is not being delivered, help me write to the council", "provision-not-delivered"),
    ("I want to ask for an early review of his EHCP", "early-review"),
    ("school keep sending him home at lunchtime, I want to write to the head teacher", "sent-home-early"),
    ("they put her on a part-time timetable", "sent-home-early"),
    ("the council refused school transport, can you write the review letter", "transport-review"),
    ("we do not want mediation, we need the certificate to appeal", "mediation-certificate"),
    ("the annual review was in September and we still have no decision", "review-decision-late"),
    ("they sent the proposed changes in October and the amended plan is late", "amended-plan-late"),
])
def test_the_letter_a_message_asks_for(text: str, kind: str) -> None:
    assert kind_for_text(text) == kind


@pytest.mark.parametrize("text", ["can you help me write a letter", "template letter please", "", "<b>letter</b>"])
def test_a_message_that_does_not_say_which_letter_gets_none(text: str) -> None:
    assert kind_for_text(text) is None


def test_every_kind_can_be_asked_for() -> None:
    assert set(all_kinds()) == {
        kind for kind in (kind_for_text(t) for t in (
            "assess", "6 weeks", "late", "draft", "missing", "early review", "sent home", "transport",
            "we want a mediation certificate", "the proposed changes to the plan",
            "no decision after the annual review"))}


@pytest.mark.parametrize(("rule", "passed", "kind"), [
    ("decide_to_assess", True, "no-decision-6-weeks"), ("decide_to_assess", False, None),
    ("final_plan", True, "final-plan-late"), ("final_plan", False, None),
    ("draft_plan_comments", False, "draft-plan-comments"), ("draft_plan_comments", True, None),
    ("appeal", True, None),
])
def test_the_letter_offered_under_a_deadline_answer(rule: str, passed: bool, kind: str | None) -> None:
    assert letter_after_deadline(rule, passed) == kind


@pytest.mark.parametrize("text", [
    "can you help me write a letter", "the council is late with the final EHC plan, can you help me write a letter?",
    "please draft me a letter to send to school", "is there a template letter for this",
    "I need a letter I can send to SENAT", "how do I write a complaint letter to the council",
])
def test_asking_for_a_letter_to_be_written(text: str) -> None:
    assert asks_for_a_letter(text)


@pytest.mark.parametrize("text", [
    "I got a letter from the council saying no to the assessment, what can I do?",
    "the letter came on 3 March", "we wrote to them in May. No letter back yet", "what is a SENCO?",
])
def test_a_letter_the_family_got_is_not_a_request_for_one(text: str) -> None:
    assert not asks_for_a_letter(text)


# One way of asking in each language with a content file (send_guide/content/languages/*.yml).
ASKED_IN_OTHER_LANGUAGES = {
    "pl": "Dzień dobry, czy możesz mi pomóc napisać list do rady? Nadal nie mamy planu EHC.",
    "ro": "Mă puteți ajuta să scriu o scrisoare către consiliu?",
    "ur": "کیا آپ کونسل کو خط لکھنے میں میری مدد کر سکتے ہیں؟",
    "ur-Latn": "kya aap meri madad kar sakte hain council ko khat likhne mein",
    "bn": "কাউন্সিলকে একটা চিঠি লিখতে সাহায্য করবেন?",
    "pa": "ਕੀ ਤੁਸੀਂ ਕੌਂਸਲ ਨੂੰ ਚਿੱਠੀ ਲਿਖਣ ਵਿੱਚ ਮਦਦ ਕਰ ਸਕਦੇ ਹੋ?",
    "ar": "هل يمكنك مساعدتي في كتابة رسالة إلى المجلس؟",
}


def test_every_language_file_with_letter_patterns_has_an_example_here() -> None:
    files = {code for code in available_languages() if load_content(f"languages/{code}.yml").get("letter_patterns")}
    assert files == {code for code in ASKED_IN_OTHER_LANGUAGES if "-" not in code}


@pytest.mark.parametrize("code", sorted(ASKED_IN_OTHER_LANGUAGES))
def test_asking_for_a_letter_in_another_language(code: str) -> None:
    assert asks_for_a_letter(ASKED_IN_OTHER_LANGUAGES[code])


@pytest.mark.parametrize("text", [
    "Dostałam list od rady, że nie będzie oceny.",  # Polish: "I got a letter from the council"
    "Am primit o scrisoare de la consiliu.",  # Romanian: "I got a letter from the council"
    "مجھے کونسل سے خط ملا ہے",  # Urdu: "I got a letter from the council"
    "council se khat aaya hai",  # Urdu in Latin letters: "a letter came from the council"
])
def test_a_letter_the_family_got_is_not_a_request_for_one_in_other_languages(text: str) -> None:
    assert not asks_for_a_letter(text)


def test_the_letter_under_a_deadline_answer_and_the_dates_it_brings() -> None:
    today = dt.date(2026, 12, 3)
    late = DeadlineState(event="request", date="2025-01-06")
    assert letter_after_answer(late, today) == "final-plan-late"
    assert dates_of_answer(late) == {"request": "2025-01-06"}
    assert letter_after_answer(DeadlineState(event="request", date="2026-11-30"), today) is None, "not late yet"
    assert dates_of_answer(DeadlineState(event="request")) == {}


def test_asking_for_a_letter_in_urdu_typed_on_an_arabic_keyboard() -> None:
    from send_guide.letters.choose import asks_for_a_letter

    urdu = "کیا آپ میرے لیے خط لکھ سکتے ہیں"
    assert asks_for_a_letter(urdu) and asks_for_a_letter(urdu.replace("ک", "ك").replace("ی", "ي"))


def test_a_letter_asked_for_without_naming_it_is_the_one_the_story_needs() -> None:
    import datetime as dt

    from send_guide.letters.from_message import kind_for_message

    today = dt.date(2026, 12, 3)
    story = ("Her EHCP says 1:1 support every morning and OT once a week. Since September the TA left and nobody "
             "replaced her and the OT has not come at all this term. Can you help me write a letter?")
    assert kind_for_message(story, today) == "provision-not-delivered"
    assert kind_for_message("can you help me write a letter please", today) is None
    assert kind_for_message("help me write a letter about his school transport", today) == "transport-review"


def test_called_to_pick_him_up_or_mornings_only_is_the_head_teacher_letter() -> None:
    from send_guide.letters.choose import kind_for_text

    for said in ("the school keep calling me at 11am to pick him up", "he can only come in the mornings now"):
        assert kind_for_text(said) == "sent-home-early", said
