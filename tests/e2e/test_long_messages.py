"""Over the real Rasa server: long messages, written the way parents write, get one reply about
the whole story (issue 15): the answer to what they asked, the right at that stage with its time
limit and law, the dates from an exact date they gave, and never a form question they did not ask for.
"""

import datetime as dt

from send_guide.deadlines import dialogue
from send_guide.deadlines.timeline import Event, deadlines_for, in_words
from tests.e2e.test_conversation import texts

DATE_QUESTIONS = tuple(question.split("?")[0] for question in dialogue.DATE_QUESTIONS.values())


def said(replies: list) -> str:
    return "\n\n".join(texts(replies))


def assert_no_date_asked(reply: str) -> None:
    assert not any(question in reply for question in DATE_QUESTIONS), reply
    assert "I need the exact day" not in reply, reply


def buttons(replies: list) -> list[str]:
    return [button["title"] for reply in replies for button in reply.get("buttons", [])]


def test_a_refusal_told_with_vague_dates_is_answered_not_questioned(chat) -> None:
    replies = chat(
        "My daughter is 7 and has ADHD. School say she doesn't need an EHCP because she is doing ok "
        "academically, but she has been sent home early three times this month. I asked the council myself "
        "in September and they said no last week. Is it worth appealing or should I just wait?")
    reply = said(replies)
    assert_no_date_asked(reply)
    assert "You can appeal a decision not to assess to the SEND Tribunal" in reply, reply
    assert "2 months from the date on the decision letter" in reply
    assert "mediation adviser" in reply
    assert "Doing well in lessons does not decide it" in reply  # the legal test, for what the school said
    assert "Being sent home early is an exclusion" in reply  # raised in passing, answered in passing
    law = next(line for line in reply.splitlines() if line.startswith("Law: "))
    assert all(part in law for part in ("36(8)", "51(2)", "55", "rule 20(1)(c)")), law
    assert "Work out my last day to appeal" in buttons(replies)  # offered, not forced


def test_a_final_plan_naming_the_wrong_school_gets_the_school_appeal_with_its_date(chat) -> None:
    replies = chat("we got the final plan today and it names a school we never asked for and that cant meet "
                   "his needs. what can i do")
    reply = said(replies)
    assert "about the school named in the final Education, Health and Care plan" in reply, reply
    assert "An appeal only about the school needs no mediation certificate" in reply
    assert "annual review" not in reply.lower()  # "got the final plan" is not a review date question
    today = dt.date.today()
    appeal = next(d for d in deadlines_for(Event.DECISION, today, today=today).deadlines if d.rule.key == "appeal")
    assert appeal.sentence in reply, reply
    assert f"You gave the date {in_words(today)}" in reply


def test_a_vague_draft_plan_gets_who_to_send_comments_to_and_what_section_f_must_say(chat) -> None:
    replies = chat("The draft plan came on 2nd November, it's vague and says 'access to' support everywhere. "
                   "Who do I send comments to?")
    reply = said(replies)
    assert "send your comments to your Assessment Officer in the council's SEN Assessment Team" in reply, reply
    assert "The help in Section F must be specific" in reply
    assert "ask for a meeting with a council officer" in reply
    assert "to comment on the draft plan" in reply  # the 15-day date from 2 November


def test_an_exact_letter_date_in_a_story_gives_the_last_day_to_appeal_with_its_source(chat) -> None:
    letter = dt.date.today() - dt.timedelta(days=20)
    replies = chat(f"We asked the council for an EHC needs assessment for our son months ago. They refused to "
                   f"assess him and the letter is dated {letter.strftime('%d/%m/%Y')}. Should we appeal?")
    reply = said(replies)
    appeal = next(d for d in deadlines_for(Event.DECISION, letter, today=dt.date.today()).deadlines
                  if d.rule.key == "appeal")
    assert appeal.sentence in reply, reply
    assert "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, rule 20(1)(c)" in reply
    assert "Show all the dates" in buttons(replies)
    timeline = said(chat('/deadline_timeline'))  # the dates were kept for the button
    assert f"All the dates from {in_words(letter)}" in timeline, timeline


def test_a_crisis_in_a_long_message_comes_first_and_the_question_is_still_answered(chat) -> None:
    replies = chat("My son is 17 and he has an EHCP at college. He told me last night he doesn't want to be here "
                   "anymore. What happens to his plan when he turns 18?")
    reply = texts(replies)
    assert "999" in reply[0] and "Samaritans" in reply[0], reply  # crisis contacts, before anything else
    assert "A plan does not stop at 16, 18 or 19" in "\n".join(reply[1:]), reply


def test_a_short_faq_question_keeps_its_topic_answer(chat) -> None:
    from tests.e2e.test_conversation import answered_with
    assert answered_with(chat("what is an annual review?"), "utter_annual_review")
    assert answered_with(chat("How long does an EHC plan take?"), "utter_ehcp_timescale")


def test_a_story_told_while_the_deadline_form_waits_is_answered_as_a_whole(chat) -> None:
    asked = said(chat("/ask_deadline"))
    assert "What happened?" in asked, asked
    reply = said(chat("My son is 9 and has autism. The school keep sending him home early and now they want a "
                      "part time timetable. Is that allowed?"))
    assert "A part-time timetable is only for short, exceptional cases" in reply, reply
    assert "Please ask your question again" not in reply


def test_a_short_crisis_message_gets_the_crisis_contacts_and_no_advice_about_diagnoses(chat) -> None:
    reply = texts(chat("He told me last night that he wants to die. I am so worried about him."))
    assert "999" in reply[0], reply
    assert not any("diagnosis" in text for text in reply), reply
