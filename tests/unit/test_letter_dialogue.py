"""The letter form as a pure dialogue (send_guide/letters/dialogue.py), tested without Rasa."""

import datetime as dt

import pytest

from send_guide.languages.replies import language_messages
from send_guide.letters import dialogue
from send_guide.letters.dialogue import LetterState, start, step
from send_guide.letters.kinds import all_kinds

TODAY = dt.date(2026, 12, 3)


def _run(kind: str | None, messages: list[str]) -> list[dialogue.StepResult]:
    results = [start(kind, TODAY)]
    for message in messages:
        results.append(step(results[-1].state, message, TODAY))
    return results


def test_a_parent_fills_some_details_skips_others_and_gets_the_letter_with_gaps() -> None:
    results = _run("final-plan-late", ["I am the parent", "Sam Khan", "skip", "6 January 2025", "I don't know",
                                       "Amina Khan", "yes"])
    asked = [result.state.asking for result in results[:-1]]
    assert asked == ["writer", "child_name", "child_birth_date", "request_date", "assess_decision_date",
                     "your_name", "preview"]
    preview = results[-2].replies[1].text
    assert "That date was Monday 26 May 2025." in preview and "[date of birth]" in preview
    finished = results[-1]
    assert finished.outcome == "done" and finished.state.asking == "done"
    assert dialogue.finished_letter(finished.state, TODAY) == finished.letter
    assert dialogue.finished_letter(results[-2].state, TODAY) is None
    assert finished.letter.subject == "The final EHC plan is late: Sam Khan, date of birth [date of birth]"
    assert "[date the council decided to assess]" in finished.letter.gaps()
    assert "01582 548156" in finished.replies[0].text and "not legal advice" in finished.replies[0].text


def test_a_young_person_is_asked_nothing_about_being_a_parent_and_the_letter_says_me() -> None:
    results = _run("assessment-request", ["I am 17 and writing for myself"] + ["skip"] * 6 + ["yes"])
    assert results[1].state.writer == "young_person"
    assert any("for me." in paragraph for paragraph in results[-1].letter.paragraphs)


def test_a_letter_only_a_parent_writes_does_not_ask_who_is_writing() -> None:
    first = start("sent-home-early", TODAY)
    assert first.state.writer == "parent" and first.state.asking == "child_name"


def test_a_date_that_is_not_real_is_asked_again_with_the_reason() -> None:
    results = _run("final-plan-late", ["parent", "Sam", "skip", "1/10/9999"])
    assert results[-1].state.asking == "request_date"
    assert "not read '1/10/9999' as a real date" in results[-1].replies[0].text
    assert "request_date" not in results[-1].state.answers


def test_a_deadline_not_yet_passed_is_explained_and_the_date_asked_again() -> None:
    results = _run("no-decision-6-weeks", ["parent", "Sam", "skip", "1 December 2026"])
    assert results[-1].state.asking == "request_date"
    assert "has not passed yet: it is Tuesday 12 January 2027" in results[-1].replies[0].text


def test_a_five_thousand_character_name_is_refused_and_asked_again() -> None:
    results = _run("early-review", ["parent", "A" * 5000])
    assert results[-1].state.asking == "child_name"
    assert "too long" in results[-1].replies[0].text


def test_an_answer_that_only_mentions_not_knowing_is_still_an_answer() -> None:
    results = _run("early-review", ["parent", "Sam", "skip", "I don't know why, but school cannot cope with him"])
    assert results[-1].state.answers["what_changed"].startswith("I don't know why")


@pytest.mark.parametrize("stop", ["stop", "cancel", "never mind"])
def test_stopping_at_any_point_keeps_nothing(stop: str) -> None:
    results = _run("final-plan-late", ["parent", "Sam Khan", stop])
    assert results[-1].outcome == "stopped" and results[-1].state == LetterState()
    assert "Nothing from it is kept" in results[-1].replies[0].text


def test_saying_no_at_the_preview_stops_without_a_letter() -> None:
    results = _run("early-review", ["parent", "skip", "skip", "skip", "skip", "skip", "no"])
    assert results[-1].outcome == "stopped" and results[-1].letter is None


def test_without_a_letter_named_every_kind_is_offered_and_one_can_be_chosen() -> None:
    first = start(None, TODAY)
    assert [payload for _title, payload in first.replies[0].buttons] == list(all_kinds())
    chosen = step(first.state, "provision-not-delivered", TODAY)
    assert chosen.state.kind == "provision-not-delivered"
    unclear = step(first.state, "something else", TODAY)
    assert unclear.state.asking == "kind" and unclear.replies[0].buttons


def test_a_state_that_is_not_a_dict_starts_empty() -> None:
    assert LetterState.from_slot("junk") == LetterState()
    assert LetterState.from_slot({"kind": "early-review", "unknown": 1}).kind == "early-review"


def test_a_family_writing_in_polish_gets_the_notice_in_polish_before_the_english_letter() -> None:
    results = [start("sent-home-early", TODAY, language="pl")]
    for message in ["skip"] * 3 + ["Anna Kowalska"]:
        results.append(step(results[-1].state, message, TODAY, language="en"))  # names and "skip" read as English
    finished = step(results[-1].state, "tak", TODAY)  # "yes" in Polish
    assert finished.outcome == "done"
    notice, check = finished.replies
    assert notice.language == "pl" and notice.text == language_messages("pl").notice("letter_in_english")
    assert "Before you send it" in check.text and check.language is None
    assert finished.letter.closing[-1] == "Anna Kowalska"


@pytest.mark.parametrize(("seen", "code", "opening"), [
    ("ur", "ur", "آپ کا خط نیچے ہے"), ("ur-Latn", "ur-Latn", "Aap ka khat neeche hai"), ("en", None, None)])
def test_the_language_seen_during_the_form_chooses_the_notice(seen: str, code: str | None, opening: str | None) -> None:
    results = [start("sent-home-early", TODAY)]
    for message in ["Sam"] + ["skip"] * 3:
        language = seen if message == "Sam" else None  # only one answer was read as another language
        results.append(step(results[-1].state, message, TODAY, language))
    finished = step(results[-1].state, "yes", TODAY)
    notices = [reply for reply in finished.replies if reply.language]
    if code is None:
        assert not notices and len(finished.replies) == 1
    else:
        assert [reply.language for reply in notices] == [code] and notices[0].text.startswith(opening)


def test_the_language_survives_the_slot() -> None:
    state = start(None, TODAY, language="ro").state
    assert LetterState.from_slot(state.as_slot()).language == "ro"
    assert step(state, "sent-home-early", TODAY).state.language == "ro"


def test_the_letter_in_the_preview_is_marked_as_english_so_no_channel_translates_it() -> None:
    results = _run("sent-home-early", ["skip"] * 4)
    assert results[-1].state.asking == "preview"
    marked = [reply for reply in results[-1].replies if reply.language == "en"]
    assert len(marked) == 1 and marked[0].text.startswith("[your name]") and "Dear " in marked[0].text


STORY = ("Hi, we asked the council for an EHC needs assessment for my son on 10 February 2025 and they agreed to "
         "assess in March. It is now December and we still have no plan. Can you help me write a letter to them? "
         "What are my rights here?")


def test_a_story_gets_the_right_stated_its_date_offered_and_no_question_about_who_writes() -> None:
    first = start("final-plan-late", TODAY, message=STORY)
    right, question = first.replies
    assert right.text == ("The council must send the final EHC plan by Monday 30 June 2025. That date passed 521 days "
                          "ago. If it has not happened yet, the council is late. "
                          "Law: SEND Regulations 2014, regulation 13(2).")
    assert first.state.writer == "parent", "'my son': a parent is writing"
    assert first.state.asking == "child_name" and question.text.startswith(
        "I will help you write: The final EHC plan is late (20 weeks). What is your child's full name?")
    results = [first]
    for message in ["Sam", "skip"]:
        results.append(step(results[-1].state, message, TODAY))
    asked = results[-1].replies[0]
    assert results[-1].state.asking == "request_date"
    assert "You told me: Monday 10 February 2025." in asked.text
    assert asked.buttons[0] == ("Monday 10 February 2025", "Monday 10 February 2025")
    chosen = step(results[-1].state, asked.buttons[0][1], TODAY)
    assert chosen.state.answers["request_date"] == "Monday 10 February 2025"


def test_a_story_without_an_exact_day_states_no_right_and_suggests_nothing() -> None:
    first = start("final-plan-late", TODAY, message="we asked for an assessment in March and still no plan")
    assert len(first.replies) == 1 and "You told me" not in first.replies[0].text
    assert first.state.message_dates == {}


def test_a_story_with_a_date_too_early_for_the_law_is_not_a_crash() -> None:
    first = start("final-plan-late", TODAY, message="the council got our request on 6 January 1999")
    assert first.outcome is None and "regulation 13" not in first.replies[0].text


def test_a_story_before_the_letter_is_chosen_is_used_once_it_is() -> None:
    first = start(None, TODAY, message=STORY)
    assert first.state.asking == "kind" and first.state.message_dates == {"request": "2025-02-10"}
    chosen = step(first.state, "final-plan-late", TODAY)
    assert chosen.replies[0].text.startswith("The council must send the final EHC plan by Monday 30 June 2025.")


def test_a_story_that_asks_more_than_for_the_letter_gets_its_situation_answer_first_without_buttons() -> None:
    message = ("We got the draft plan on 20 November 2026. It names a mainstream school but we want the special "
               "school nearby because he can't cope with big classes. How long do we have to reply and can you help "
               "me write the comments letter? Also what if the council says no to the special school?")
    first = start("draft-plan-comments", TODAY, message=message)
    answer, question = first.replies
    assert "You have until Friday 4 December 2026 to comment on the draft plan" in answer.text
    assert "The council must name the school or college you ask for, unless" in answer.text
    assert answer.buttons == (), "a button inside the form would be read as an answer"
    assert question.text.startswith("I will help you write: Comments on the draft EHC plan")
    assert first.state.asking == "writer"
