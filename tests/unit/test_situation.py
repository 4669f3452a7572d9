"""The situation reading (send_guide/situation): one message of any length, read as an adviser
would, and the one reply built from it. Examples are written the way parents write (issue 15)."""

import datetime as dt

import pytest
import yaml

from send_guide.deadlines import dialogue
from send_guide.deadlines.timeline import Event, deadlines_for
from send_guide.situation import read, reply, wants_whole_reply
from send_guide.situation.__main__ import main as command_line
from send_guide.situation.catalogue import SituationFileError, _compile, _expand, _stage, catalogue
from send_guide.situation.explain import explain
from send_guide.situation.reading import is_question
from tests.project_files import ROOT

TODAY = dt.date(2026, 12, 1)
SEPTEMBER_REFUSAL = (
    "My daughter is 7 and has ADHD. School say she doesn't need an EHCP because she is doing ok academically, "
    "but she has been sent home early three times this month. I asked the council myself in September and they "
    "said no last week. Is it worth appealing or should I just wait?")
FINAL_PLAN_TODAY = ("we got the final plan today and it names a school we never asked for and that cant meet his "
                    "needs. what can i do")
VAGUE_DRAFT = ("The draft plan came on 2nd November, it's vague and says 'access to' support everywhere. "
               "Who do I send comments to?")
DATE_QUESTIONS = tuple(question.split("?")[0] for question in dialogue.DATE_QUESTIONS.values())


def test_a_refusal_story_is_read_with_its_questions_dates_writer_and_facts() -> None:
    reading = read(SEPTEMBER_REFUSAL, TODAY)
    assert reading.main.key == "refused_assessment"
    assert {other.key for other in reading.others} >= {"exclusion"}
    assert reading.questions == ("Is it worth appealing or should I just wait?",)
    assert [(d.text, d.event, d.date) for d in reading.dates if d.event] == [
        ("in September", Event.REQUEST, None), ("last week", Event.DECISION, None)]  # vague: no day
    assert reading.writer == "parent" and reading.age == 7
    assert [point.key for point in reading.points] == ["doing_well_academically", "best_endeavours_meanwhile"]
    assert not reading.distress and not reading.asks_about_time


def test_a_refusal_story_is_answered_with_the_right_its_time_limit_and_an_offer_not_a_question() -> None:
    answer = reply(read(SEPTEMBER_REFUSAL, TODAY), TODAY)
    assert answer.text.startswith("You can appeal a decision not to assess to the SEND Tribunal")
    assert "2 months from the date on the decision letter" in answer.text
    assert "Doing well in lessons does not decide it" in answer.text
    assert "Being sent home early is an exclusion" in answer.text
    assert not any(question in answer.text for question in DATE_QUESTIONS)
    assert answer.text.index("Next step:") > answer.text.index("Being sent home early")  # next step last
    offer = next(b for b in answer.buttons if b.intent == "ask_deadline")
    assert offer.title == "Work out my last day to appeal" and offer.entities == {"deadline_event": "decision"}
    assert answer.deadline_event is None  # no exact date, nothing worked out


def test_a_final_plan_received_today_gives_the_school_appeal_and_its_last_day() -> None:
    reading = read(FINAL_PLAN_TODAY, TODAY)
    assert reading.main.key == "final_plan"
    answer = reply(reading, TODAY)
    appeal = next(d for d in deadlines_for(Event.DECISION, TODAY, today=TODAY).deadlines if d.rule.key == "appeal")
    assert appeal.sentence in answer.text  # Monday 1 February 2027
    assert "An appeal only about the school needs no mediation certificate" in answer.text
    assert "contact the mediation adviser by" not in answer.text  # not needed for the school alone
    assert (answer.deadline_event, answer.deadline_date) == ("decision", "2026-12-01")


def test_a_vague_draft_plan_gets_who_to_send_comments_to_and_its_date() -> None:
    answer = reply(read(VAGUE_DRAFT, TODAY), TODAY)
    assert "send your comments to your Assessment Officer" in answer.text
    assert '"Access to" or "as needed" is not specific' in answer.text
    assert "You have until Monday 16 November 2026 to comment on the draft plan" in answer.text
    assert "That date passed 15 days ago" in answer.text


def test_an_exact_letter_date_gives_the_dates_with_their_law() -> None:
    answer = reply(read("They refused to assess my son. The letter is dated 10 January 2025. Can we still "
                        "appeal?", dt.date(2025, 1, 20)), dt.date(2025, 1, 20))
    assert "The last day to appeal to the SEND Tribunal is Monday 10 March 2025" in answer.text
    assert "contact the mediation adviser by" in answer.text
    assert "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, rule 20(1)(c)" in answer.text
    assert "EHC timescales reference" in answer.text.splitlines()[-1]


@pytest.mark.parametrize("rough", ["about 2 weeks ago", "nearly 2 weeks ago", "around 2 weeks ago"])
def test_a_rough_date_gives_near_dates_and_asks_for_the_exact_one(rough: str) -> None:
    answer = reply(read(f"We asked the council for an assessment {rough} and heard nothing. When must they "
                        "reply?", TODAY), TODAY)
    assert 'You said about "2 weeks ago": near Tuesday 17 November 2026.' in answer.text
    assert "If you know the exact date, type it" in answer.text
    assert "by Tuesday 29 December 2026" in answer.text  # still worked out: 6 weeks from the near date


def test_a_date_said_without_about_is_taken_as_given() -> None:
    answer = reply(read("We asked the council for an assessment 2 weeks ago and heard nothing. When must they "
                        "reply?", TODAY), TODAY)
    assert 'You gave the date Tuesday 17 November 2026 ("2 weeks ago")' in answer.text


def test_the_law_line_names_each_law_once_with_its_provisions_merged() -> None:
    answer = reply(read(VAGUE_DRAFT, TODAY), TODAY)
    law = next(line for line in answer.text.splitlines() if line.startswith("Law: "))
    assert law.count("Children and Families Act 2014") == 1
    assert "section 38(2)" in law and "sections 38(2) and 38" not in law  # "38" is said by "38(2)"


def test_the_law_lines_provisions_are_in_the_laws_own_order() -> None:
    from send_guide.situation.reply import _law_line

    law = _law_line(["SEND Regulations 2014, regulations 10(1) and 13(2)", "SEND Regulations 2014, regulation 4",
                     "SEND Regulations 2014, regulation 5(1)"])
    assert law == "Law: SEND Regulations 2014, regulations 4, 5(1), 10(1) and 13(2)."


def test_distress_is_acknowledged_first() -> None:
    answer = reply(read("I am at my wits end. The council refused to assess my son again and I don't know what "
                        "to do.", TODAY), TODAY)
    assert answer.text.startswith("I am sorry this is so hard.")


@pytest.mark.parametrize("said", ["I had to give up work to look after him", "I am so tired of fighting the council",
                                  "it has been a constant battle for two years",
                                  "I have to leave my job to pick him up"])
def test_distress_in_a_parents_own_words_is_acknowledged(said: str) -> None:
    answer = reply(read(f"{said}. The council refused to assess my son. What can I do?", TODAY), TODAY)
    assert answer.text.startswith("I am sorry this is so hard."), answer.text


@pytest.mark.parametrize(("sentence", "asks"), [
    ("Is it worth appealing or should I just wait?", True),
    ("can i appeal", True),
    ("Any advice would be really appreciated", True),
    ("What are my rights if the school cuts his hours", True),
    ("what also upsets me is when I pick him up", False),
    ("We asked the council in September.", False),
    ("Who do I send comments to", True),
    ("i took him off the roll, does the council still have to review his plan", True),
    ("My son is 8, has autism and is in year 3.", False),
])
def test_questions_are_sentences_that_ask(sentence: str, asks: bool) -> None:
    assert is_question(sentence) is asks


@pytest.mark.parametrize(("text", "writer"), [
    ("I'm a SENCO and one of our pupils was refused an assessment, can the school appeal?", "professional"),
    ("My son is 9 and the council refused to assess him.", "parent"),
    ("I'm 19 and my college says my EHCP will end this year, can they do that?", "young_person"),
])
def test_who_is_writing(text: str, writer: str) -> None:
    assert read(text, TODAY).writer == writer


def test_a_professional_is_told_only_the_family_can_appeal() -> None:
    answer = reply(read("I'm a SENCO and the council refused to assess one of our pupils last month. Can the "
                        "school appeal?", TODAY), TODAY)
    assert "Only the parent, or the young person, can appeal" in answer.text


def test_short_questions_keep_their_topic_answers() -> None:
    """Every question as the source pages word it is answered by its topic, never as a story."""
    questions = yaml.safe_load((ROOT / "tests" / "data" / "source_questions.yml").read_text(encoding="utf-8"))
    short = [q for group in questions.values() for q in group]
    assert len(short) > 30
    taken = [q for q in short if wants_whole_reply(read(q, TODAY))]
    assert not taken, taken


def test_a_story_takes_the_whole_message_path_and_a_message_with_no_situation_does_not() -> None:
    assert wants_whole_reply(read(SEPTEMBER_REFUSAL, TODAY))
    assert not wants_whole_reply(read("Hello, I hope you are well. I wanted to ask a few things about the "
                                      "holiday clubs near us for the summer.", TODAY))


@pytest.mark.parametrize("question", [
    "my son is 21 he have adhd he want his own flat, how he find one",
    "can we get help with the deposit and first month rent for our 22 yr old",
    "he is in year 6 with an ehcp and still reading baby books, i dont know what to do",
    "My daughter is 17. What benefits can she get?",
])
def test_a_short_question_shown_only_by_an_age_or_a_school_year_keeps_its_topic_answer(question: str) -> None:
    reading = read(question, TODAY)
    assert reading.main is not None and reading.shown_weakly, "an age or a year is found"
    assert not wants_whole_reply(reading)


@pytest.mark.parametrize("question", [
    "My son is moving to secondary in September and the plan still names his primary. What do we do?",
    "She is 17 and her post-16 place is not named yet. What can we do?",
    "My son is 17 and has an EHCP at college. What happens to his plan when he turns 18?",
    "I am in year 11 and being excluded all the time. Can I leave school and start an apprenticeship?",
])
def test_a_short_question_that_shows_its_situation_in_more_than_a_common_word_or_two_gets_the_whole_reply(
        question: str) -> None:
    assert wants_whole_reply(read(question, TODAY))


def test_every_situation_is_found_by_its_own_words() -> None:
    """Each situation in the content file is reachable: a message in its words reads as it."""
    examples = {
        "plan_ceasing": "The council says it will cease his EHC plan now he is 19. Can they do that?",
        "refused_plan": "After the needs assessment the LA decided not to issue a plan. What now?",
        "refused_assessment": "The LA refused to carry out an EHC needs assessment for my son. What can I do?",
        "final_plan": "The final EHCP has been issued with the wrong school in it. What can we do?",
        "draft_plan": "We got the draft EHCP yesterday and it is very vague. What should we check?",
        "council_late": "We applied 25 weeks ago and the council has missed the 20 week deadline. Help?",
        "annual_review": "His annual review was in March and we have heard nothing since. Is that allowed?",
        "phase_transfer": "She is in year 6 and moves up to secondary in September. When should the plan name it?",
        "provision_not_delivered": "His plan says weekly speech therapy but he has not been getting it for months.",
        "exclusion": "School keep ringing me to collect him early and now want a part time timetable. Is that legal?",
        "transport": "The council has refused school transport for my autistic son. How do we challenge it?",
        "out_of_school": "My daughter has not been to school since March because of anxiety. What must the council do?",
        "school_wont_request": "The SENCO says she is not bad enough for an EHCP and won't apply. What can I do?",
        "post16": "I'm 17 and at college, can I ask for support myself?",
        "sen_support": "The school is not putting any support in place for my son, he has no plan. What now?",
        "early_concerns": "I am worried about my son's speech, he is 2 and not talking. Where do I start?",
    }
    assert set(examples) == {stage.key for stage in catalogue().stages}
    wrong = {key: read(text, TODAY).main and read(text, TODAY).main.key for key, text in examples.items()
             if (read(text, TODAY).main and read(text, TODAY).main.key) != key}
    assert not wrong, wrong


def test_word_sets_and_bad_patterns_are_reported_with_where_they_are() -> None:
    assert _expand(r"\b{refuse}\b", {"refuse": "refused|declined"}, "x") == r"\b(?:refused|declined)\b"
    assert _expand(r"a{0,40}", {}, "x") == r"a{0,40}"  # a quantifier is not a word set
    with pytest.raises(SituationFileError, match="no word set 'nope'"):
        _expand("{nope}", {}, "draft_plan")
    with pytest.raises(SituationFileError, match="draft_plan"):
        _compile(["(unclosed"], "draft_plan")


def test_a_word_set_can_use_a_set_above_it() -> None:
    points = {point.key: point for point in catalogue().points}
    assert points["doing_well_academically"].found_in("school say she is coping fine academically")
    assert points["doing_well_academically"].found_in("he is doing within expectations")
    assert not points["doing_well_academically"].found_in("he is working within the average")


def test_the_reading_can_be_printed_for_staff_with_the_words_it_came_from(capsys) -> None:
    text = explain(SEPTEMBER_REFUSAL, TODAY)
    assert 'Situation: The council said no to an assessment [refused_assessment] (from "' in text
    assert 'Date: "last week" = vague; event: decision' in text
    assert "Reply:" in text and "Buttons: Tell me more" in text
    assert command_line(["--today", "2026-12-01", FINAL_PLAN_TODAY]) == 0
    assert "Situation: The final plan" in capsys.readouterr().out


def test_bad_input_is_read_without_error() -> None:
    for text in ["", "   ", "?" * 5000, "\x00\x01", "31/02/2026 refused", "word " * 20000]:
        reading = read(text, TODAY)
        reply(reading, TODAY)  # no exception, whatever it finds


def test_dates_whose_law_includes_a_court_case_or_a_range_are_given_without_error() -> None:
    """The deadline rules' sources have forms the Law line must keep as written ("regulation 20(3)
    and (4)", a court case): found when a held-out message gave an annual review date."""
    answer = reply(read("The annual review meeting was on 3 November 2026 and we have heard nothing since. "
                        "When should we get the amended plan?", TODAY), TODAY)
    law = next(line for line in answer.text.splitlines() if line.startswith("Law: "))
    assert "L, M and P v Devon County Council [2022] EWHC 493 (Admin)" in law
    assert "20(7)" in law and law.count("SEND Regulations 2014") == 1


def test_a_short_date_question_with_an_exact_date_is_left_to_the_deadline_form() -> None:
    from send_guide.situation import prefers_deadline_form
    assert prefers_deadline_form(read("the EHC plan was issued on 15 March 2024, when is the annual review due",
                                      TODAY))
    assert not prefers_deadline_form(read(FINAL_PLAN_TODAY, TODAY))  # asks no date
    assert not prefers_deadline_form(read(SEPTEMBER_REFUSAL, TODAY))  # no exact date


def test_a_date_with_no_event_of_its_own_counts_for_the_situation_its_clause_shows() -> None:
    answer = reply(read("Our LA sent the final EHCP on 20/11/2026. It names the local mainstream but we asked "
                        "for a specialist school. Can we appeal and how long do we have?", TODAY), TODAY)
    assert "The last day to appeal to the SEND Tribunal is Wednesday 20 January 2027" in answer.text
    assert "For the draft plan" not in answer.text  # the draft stage is over: not news


def test_work_sent_home_is_not_an_exclusion_and_a_child_who_cannot_cope_is_not_the_writer() -> None:
    reading = read("My daughter hasn't been in school since February because of anxiety. School just send work "
                   "home. He can't cope with crowds. What should the council be doing?", TODAY)
    assert reading.main.key == "out_of_school"
    assert "exclusion" not in [other.key for other in reading.others]
    assert not reading.distress


@pytest.mark.parametrize("text, excluded", [
    ("I'm so tired of being called at 11am or 1pm to go and collect him from nursery.", True),
    ("The school won't let him stay longer than 2 hours, is that allowed?", True),
    ("They say he may not be able to do more than a few hours a day.", True),
    ("He doesn't sleep more than two hours a night and school say he is tired. What can we do?", False),
])
def test_being_called_to_collect_a_child_or_kept_to_a_few_hours_is_an_exclusion(text: str, excluded: bool) -> None:
    assert ("exclusion" in [stage.key for stage in read(text, TODAY).stages]) is excluded


@pytest.mark.parametrize("text, not_delivered", [
    ("the plan says 10 hours of 1:1 but school only gives him 5, what can i do?", True),
    ("ehcp came but it only gives 10 hours support and he needs help all day, we disagree with the plan", False),
])
def test_disagreeing_with_what_the_plan_gives_is_not_help_missing_from_it(text: str, not_delivered: bool) -> None:
    assert ("provision_not_delivered" in [stage.key for stage in read(text, TODAY).stages]) is not_delivered


# Examples of FAQ topics in data/nlu.yml that, in English, the whole-message reply answers
# (components/situation_override.py). They stay topic examples: a message in another language gets
# no situation reading, and the multilingual classifier needs them (a Romanised-Urdu refusal
# question lost its answer without them).
@pytest.mark.parametrize("text, stage", [
    ("school sent him home again for hitting other kids, is there help for his behaviour", "exclusion"),
    ("what happens if school cant meet his needs, is that what the ehc assessment is for", "school_wont_request"),
    ("hi, my boy is 7 and cannot sit still or follow instructions, the teacher thinks adhd. we have no"
     " diagnosis yet and the school says the ehcp must wait for it. is that correct?", "school_wont_request"),
    ("my daughter is in year 4 and has a lot of problems with friends and noise, we think autism but "
     "the camhs wait is very long. can she get support in school now without a diagnosis or do we have"
     " to wait", "sen_support"),
    ("can the council say no to the school i ask for in the draft plan", "draft_plan"),
    ("can my son stay at his current school if i ask for it in the draft plan", "draft_plan"),
    ("can my son give his views at the annual review even if he doesnt talk much", "annual_review"),
    ("got a letter saying they wont assess my boy, where do i go from here", "refused_assessment"),
    ("the final plan left out his speech therapy and i am not happy with it", "final_plan"),
    ("council send letter say no assessment for my son, he have autism, what I do now", "refused_assessment"),
    ("final ehcp doesnt include anything the OT said he needs, we are not happy with it", "final_plan"),
    ("section b of the final plan misses his sensory needs completely, we dont accept it", "final_plan"),
    ("im 17 and they turned down my request for an ehc assessment, what are my options", "refused_assessment"),
    ("senco here, the la have declined to assess one of our pupils, what can the family do next", "refused_assessment"),
    ("is the council late? we requested the assessment on 1st august 2025", "council_late"),
    ("son in year 11 going to college next september, by when should the ehcp be changed", "phase_transfer"),
    ("daughter moving to junior school in sept 2027, by when must her ehcp be updated", "phase_transfer"),
])
def test_short_stories_among_the_topic_examples_get_the_whole_reply_for_their_situation(text: str, stage: str) -> None:
    reading = read(text, TODAY)
    assert wants_whole_reply(reading) and reading.main.key == stage


def test_a_broad_worry_is_never_the_answer_over_a_specific_situation_that_covers_it() -> None:
    story = ("We are so worried about our son, he is falling further behind and struggling every day and we are "
             "worried about secondary. He has just been diagnosed with autism. The council refused our EHC needs "
             "assessment request. Is he falling behind because nobody helps?")
    reading = read(story, TODAY)
    assert reading.main.key == "refused_assessment"
    worry = catalogue().stage("early_concerns")
    assert worry in reading.others and worry.aside not in reply(reading, TODAY).text  # its answer covers it


@pytest.mark.parametrize("text, expected", [
    ("He has been diagnosed with autism and the school won't help. What can I do?", False),
    ("She is waiting for an ADHD diagnosis. The school has cut the 1:1 hours in her EHCP. Can they do that?", True),
    ("We have no diagnosis yet and the school has cut the 1:1 hours in his EHCP. Can they do that?", True),
    ("He was diagnosed last year and the school has cut the 1:1 hours in his EHCP. Can they do that?", False),
])
def test_no_diagnosis_needed_is_said_only_when_a_diagnosis_is_missing(text: str, expected: bool) -> None:
    assert ("no_diagnosis_needed" in [point.key for point in read(text, TODAY).points]) is expected


def test_a_council_naming_a_school_the_family_did_not_ask_for_is_the_final_plan_situation() -> None:
    story = ("The special school said they are full. The LA are now trying to name a unit in a mainstream school an "
             "hour away and my concerns are not listened to. What can I do?")
    reading = read(story, TODAY)
    assert reading.main.key == "final_plan"


@pytest.mark.parametrize("text, point", [
    ("She has an EHCP and a place was agreed, but she can't attend because of anxiety and the annual review is "
     "next month. What happens at the review?", "education_when_not_in_school"),
    ("My son is 19 and has an EHCP, the annual review is next week and they say it stops now. Is that right?",
     "plan_to_25"),
    ("The council wants to stop his EHCP at the annual review, and his taxi to college at 17 has stopped too. "
     "Can they do that?", "transport_from_16"),
    ("She is 6 and has no EHCP. The school keeps sending her home after an hour and now she is on a reduced "
     "timetable. Is that allowed?", "ask_for_assessment_now"),
    ("He is in year 9 and his annual review meeting is next week. What should we ask for at the review?",
     "preparing_for_adulthood"),
    ("We asked for an assessment in March. He has still not been seen by an educational psychologist and the "
     "council has not decided anything. What can I do?", "advice_you_ask_for"),
    ("The speech therapy in his plan has not been given for over a year. What can I do?", "judicial_review"),
    ("My son is nearly 3. Our health visitor thinks he is showing autistic traits and referred him to the "
     "paediatrician. What happens now?", "nhs_tells_the_council"),
    ("The council will decide on the assessment the day term ends and say they will not get reports over the "
     "summer holiday. Is there an extension?", "holiday_exception"),
    ("He has ADHD. He was excluded for 2 days for pushing a teacher and they rang us at 6pm. Is that allowed?",
     "suspension_first_days"),
    ("He has ADHD. He was excluded for 2 days for pushing a teacher and they rang us at 6pm. Is that allowed?",
     "exclusion_and_disability"),
    ("They excluded him for two days after a fight. Can they just do that?", "suspension_first_days"),
    ("She is autistic and the school says she cannot go on school trips or to sports day, and they send her home "
     "at lunch. What can we do?", "exclusion_and_disability"),
    ("She is 12 and has not had an EHCP. The school say they must do more reports first. I am worried she is "
     "falling behind. Do we need more reports?", "ask_for_assessment_now"),
    ("My 4 year old is non verbal and starts reception next year. The health visitor says she needs an EHCP. How "
     "do we start and how long does it take?", "how_long_it_takes"),
    ("His annual review was in March and we still dont have the final amended plan. School says it is with the "
     "LA. Is this normal?", "late_review"),
    ("hi my son is in year 9 with ehcp and the school excluded him permanently today. what happens now?",
     "permanent_exclusion_review"),
    ("we requested assesment in july, EP came in october. no draft yet. when should we get the draft and final?",
     "how_long_it_takes"),
    ("The draft plan came. Neurology didn't get to contribute to the assessment. Can they refuse to include the "
     "seizure plan?", "advice_you_ask_for"),
    ("If his current school applies for an EHCP, can a different school be named in the end?", "school_you_ask_for"),
])
def test_facts_raised_in_passing_get_their_point(text: str, point: str) -> None:
    assert point in [found.key for found in read(text, TODAY).points]


def test_a_number_of_weeks_is_not_an_age() -> None:
    reading = read("It is now 22 weeks since we asked and the council has not sent the final plan. What can I do?",
                   TODAY)
    assert reading.main.key == "council_late"
    assert "plan_to_25" not in [point.key for point in reading.points]


def test_a_story_reply_says_what_was_asked_about_before_the_other_situations_and_facts() -> None:
    story = ("My daughter has an EHCP. She has been sent home early most days this term and the school rings me to "
             "collect her. The annual review is soon. Does she have to have a diagnosis of autism for a special "
             "school?")
    reading = read(story, TODAY)
    text = reply(reading, TODAY).text
    asked = "No diagnosis is needed"
    assert asked in text
    aside = next(other.aside for other in reading.others)
    assert aside in text and text.index(asked) < text.index(aside)


STORY_WITH_TWO_QUESTIONS = (
    "My son is 9, he has autism and hasnt been in school properly since October, the school keep ringing me to "
    "come get him by lunch and now they say he can only come in mornings. We asked the council for an EHCP in "
    "the summer and they said yes to assessing him but we still havent heard anything. Is the school allowed to "
    "do the mornings only thing? And what can I do about the council taking so long?")


def test_a_second_situation_asked_about_gets_what_the_family_can_do_not_only_the_fact() -> None:
    reading = read(STORY_WITH_TWO_QUESTIONS, TODAY)
    assert {stage.key for stage in reading.asked_stages} | {reading.main.key} >= {"council_late", "exclusion"}
    text = reply(reading, TODAY).text
    assert "complaints process" in text and "Ombudsman" in text  # what to do about the delay
    assert "part-time timetable" in text and "in writing" in text  # what to do about mornings only


def test_a_situation_not_asked_about_keeps_its_one_line_aside() -> None:
    story = ("We asked the council for an assessment in the summer and still havent heard anything. He keeps "
             "being sent home early. What can I do about the council?")
    reading = read(story, TODAY)
    exclusion = catalogue().stage("exclusion")
    assert reading.main.key == "council_late" and exclusion not in reading.asked_stages
    assert exclusion.aside in reply(reading, TODAY).text


@pytest.mark.parametrize("text, said", [
    ("He has an EHCP and the school excluded him for 3 days last week. Is that allowed?", True),
    ("My son is in year 8 and has no EHCP yet. The school keeps excluding him for a day at a time. Can they?",
     False),
    ("We applied for an EHCP in October. The school has excluded him twice this term. Is that allowed?", False),
])
def test_the_early_review_before_exclusion_is_said_only_for_a_child_with_a_plan(text: str, said: bool) -> None:
    reading = read(text, TODAY)
    assert reading.main.key == "exclusion"
    assert ("early_review_before_exclusion" in [point.key for point in reading.points]) is said


def test_doing_well_at_a_plan_ceasing_is_about_whether_the_plan_is_still_needed_not_the_assessment_test() -> None:
    story = ("my daughter is 17 and at college, she has had an ehcp since primary. at her review the council said "
             "they want to stop the plan because she is doing fine at college now, but she only copes because of "
             "the 1:1 support in the plan. can they just stop it?")
    keys = [point.key for point in read(story, TODAY).points]
    assert "doing_well_with_the_plan" in keys and "doing_well_academically" not in keys


def test_a_move_to_secondary_without_a_plan_is_not_a_phase_transfer() -> None:
    with_plan = read("He has an EHCP and moves to secondary school next September. When must the school be named?",
                     TODAY)
    without = read("She has not had an EHCP. Now she has moved to secondary school they say the process starts "
                   "again. Is this correct?", TODAY)
    # No plan named at all: a child starting school is not yet in a plan's phase transfer.
    never_named = read("My son is turning 4 and will be starting Reception in September. His speech is delayed and "
                       "his nursery teacher can hardly understand him. Where should I start with getting him "
                       "assessed?", TODAY)
    assert with_plan.main.key == "phase_transfer"
    assert "phase_transfer" not in [stage.key for stage in without.stages]
    assert "phase_transfer" not in [stage.key for stage in never_named.stages]
    assert never_named.main.key == "early_concerns"


@pytest.mark.parametrize("story", [
    "The key worker at nursery said his big reactions could be a sign that he is on the autism spectrum and to keep "
    "an eye on it. He is a happy little boy. Should I just forget it or act on it? Any advice appreciated.",
    "My 3 year old was a late talker. His teacher says he does not speak at all at nursery and wants the health "
    "visitor to assess him for speech therapy. I think they are rushing him. Would be grateful for advice.",
])
def test_a_nursery_worry_in_a_story_gets_the_worried_answer_with_assess_plan_do_review(story: str) -> None:
    reading = read(story, TODAY)
    assert reading.main.key == "early_concerns" and wants_whole_reply(reading)
    assert "assess, plan, do and review" in reply(reading, TODAY).text


def test_the_council_late_answer_says_what_to_do_when_the_delay_goes_on() -> None:
    text = reply(read("We asked for an EHC needs assessment and it is now 22 weeks and the council has not sent "
                      "the final plan. The educational psychologist has not even seen him. What can I do?", TODAY),
                 TODAY).text
    for said in ("Ombudsman", "letter before judicial review", "shortage of educational psychologists"):
        assert said in text


def test_a_short_question_that_points_back_is_read_with_the_sentence_before_it() -> None:
    reading = read("We are waiting for the council. The school is sending him home at lunch. Is that allowed?", TODAY)
    assert reading.questions == ("The school is sending him home at lunch. Is that allowed?",)


def test_a_question_that_points_back_past_a_feeling_is_read_with_what_happened() -> None:
    reading = read("Since October he is on a part time timetable and they ring me to pick him up even earlier. "
                   "I have had to give up work. Is this even allowed?", TODAY)
    assert reading.questions == ("Since October he is on a part time timetable and they ring me to pick him "
                                 "up even earlier. Is this even allowed?",)
    assert reading.main.key == "exclusion"


def test_a_question_that_points_back_past_a_fact_keeps_the_sentence_just_before() -> None:
    reading = read("He has been out of education for 11 days. There were no more incidents before they changed "
                   "it to permanent. Are they allowed to do this?", TODAY)
    assert reading.questions == ("There were no more incidents before they changed it to permanent. "
                                 "Are they allowed to do this?",)


@pytest.mark.parametrize("message", [
    "the school keep phoning me to collect him early",
    "they rang me again to collect her, third time this week",
    "they call me most days to pick her up even earlier",
])
def test_being_phoned_to_fetch_a_child_is_an_exclusion(message: str) -> None:
    assert read(message, TODAY).main.key == "exclusion"


@pytest.mark.parametrize("story, said, law", [
    ("My son has autism and was permanently excluded last week after a meltdown. What can we do?",
     "you can ask for an independent review panel within 15 school days",
     "School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012, regulations 6, 15 and 24"),
    ("She has been suspended for 3 days for hitting a teaching assistant. Is that allowed with her ADHD?",
     "For the first 5 school days of a suspension, the school should set work",
     "sections 100 and 103"),
])
def test_a_permanent_exclusion_or_a_suspension_gets_what_happens_next(story: str, said: str, law: str) -> None:
    answer = reply(read(story, TODAY), TODAY)
    assert said in answer.text
    assert law in answer.text


def test_a_parent_who_plans_to_go_to_school_is_not_read_as_having_an_ehc_plan() -> None:
    reading = read("He was excluded for 2 days for pushing a teacher. I plan to go to the school first thing in the "
                   "morning to challenge this. Any advice?", TODAY)
    assert "early_review_before_exclusion" not in [point.key for point in reading.points]


def test_the_school_saying_no_ehcp_is_needed_is_not_a_council_refusal() -> None:
    """Only the council decides on an assessment: a parent told so by the school hears that she can ask
    the council herself, not how to appeal a decision nobody made."""
    school = read("My son is 6, he has autism and the school say he is fine and does not need an EHCP. He melts "
                  "down every day after school. Can I ask for the assessment myself?", TODAY)
    council = read("The LA decided he doesnt need an EHCP after we asked in May. What now?", TODAY)
    assert school.main.key == "school_wont_request"
    assert "young_person_can_ask" not in [point.key for point in school.points]  # "after school" is not college
    assert council.main.key == "refused_assessment"


def test_a_caveat_shared_by_several_dates_is_said_once() -> None:
    story = ("We applied for an EHC needs assessment on 14 September 2026. Nothing since. The school SENCO says the "
             "council are very behind. Is there anything we can do?")
    reading = read(story, TODAY)
    text = reply(reading, TODAY).text
    assert reading.main.key == "council_late"
    assert text.count("This date can move in some cases") == 1
    assert "by Monday 26 October 2026" in text and "by Monday 1 February 2027" in text


@pytest.mark.parametrize("text, stage, shown", [
    ("She is supposed to have a 1:1 for 30 hours but the 1:1 is out with other children most mornings.",
     "provision_not_delivered", True),
    ("The plan is good now. The problem is making the school carry it out. What can I do?",
     "provision_not_delivered", True),
    ("im 19 and at college. my ehcp says i get a note taker but college says they dont have money for one. can i "
     "complain myself?", "provision_not_delivered", True),
    ("I am the SENCO. His EHCP has 25 hours 1:1 but the LA only fund 15 hours and we cannot cover the rest.",
     "provision_not_delivered", True),
    ("At the annual review our request for a specialist placement was rejected. What now?",
     "refused_assessment", False),
    ("We had nothing but issues with the first nursery so we moved him. What can we do now?", "council_late", False),
    ("She has a medical condition and suspected ADHD and the nursery says she is struggling. Any advice?",
     "early_concerns", True),
])
def test_more_ways_families_describe_a_situation(text: str, stage: str, shown: bool) -> None:
    assert (stage in [found.key for found in read(text, TODAY).stages]) is shown


def test_a_school_place_refused_because_of_sen_gets_the_admission_point() -> None:
    story = ("My son is 4 and has suspected ADHD. The head rang to say they won't be offering him a place because "
             "they do not have the staff for another SEN child. Is that allowed?")
    assert "place_refused_for_sen" in [point.key for point in read(story, TODAY).points]


@pytest.mark.parametrize("story, note", [
    ("I am SENCO at a primary. One of our pupils has an EHCP with 25 hours 1:1 but the LA only fund 15 hours "
     "and we cannot cover the rest. What are the council's duties?", "This is written for the family."),
    ("im 19 and at college. my ehcp says i get a note taker but college says they dont have money for one. "
     "can i complain myself?", "these rights are your own"),
    ("My son has an EHCP with 25 hours 1:1 but the LA only fund 15 hours and the school cannot cover the rest. "
     "What can I do?", None),
])
def test_a_professional_or_a_young_person_is_told_how_to_read_an_answer_written_for_a_parent(
        story: str, note: str | None) -> None:
    text = reply(read(story, TODAY), TODAY).text
    notes = catalogue().writer_notes.values()
    if note is None:
        assert not any(written in text for written in notes)
    else:
        assert text.splitlines()[0] in notes and note in text.splitlines()[0]


def test_a_plan_stopped_at_19_is_about_the_plan_stopping_not_about_being_19() -> None:
    story = ("Council stopped my daughter's EHCP because she turned 19 and they say she is not making progress at "
             "college. The letter came on 10 November 2026. What can we do?")
    reading = read(story, TODAY)
    assert reading.main.key == "plan_ceasing"
    assert "doing_well_with_the_plan" not in [point.key for point in reading.points]  # she is NOT making progress


def test_a_child_who_needs_an_ehcp_has_none_yet_so_starting_school_is_not_a_phase_transfer() -> None:
    reading = read("My 4 year old is non verbal and starts reception next year. The health visitor says she needs "
                   "an EHCP. How do we start?", TODAY)
    assert "phase_transfer" not in [stage.key for stage in reading.stages]


@pytest.mark.parametrize("text, stage", [
    ("My daughter has 6 years. The school does not want to make assessment, they say wait until year 3. What I "
     "can do?", "school_wont_request"),
    ("We asked the council for an assessment on 3 November 2026 and today they say they need more from school "
     "first. Are they stopping the clock?", "council_late"),
    ("She has an EHCP and the school says they cant keep her safe so she is at home. What about her education?",
     "out_of_school"),
    ("I wrote to the council to ask for an EHC needs assessment on 1 September 2026 and they haven't replied at "
     "all. What can I do?", "council_late"),
    ("He is 11 and has the EHC plan. They are not giving him the hours of support which is written in the plan. "
     "What is my rights?", "provision_not_delivered"),
])
def test_plain_and_second_language_ways_of_telling_a_situation(text: str, stage: str) -> None:
    assert read(text, TODAY).main.key == stage


def test_a_support_worker_writing_about_a_mum_is_a_professional() -> None:
    reading = read("Hi there, I work as a family support worker. A mum I support got a final EHCP last week naming "
                   "a mainstream school. What are the next steps?", TODAY)
    assert reading.writer == "professional"


def test_a_date_in_the_sentence_that_tells_the_decision_gives_the_appeal_dates() -> None:
    story = ("The council decided to stop the EHCP, letter dated 1 October 2026. We did not know we could appeal "
             "and now our son has no support. Is it too late?")
    text = reply(read(story, dt.date(2026, 12, 2)), dt.date(2026, 12, 2)).text
    assert "The last day to appeal to the SEND Tribunal is Tuesday 1 December 2026" in text


def test_half_days_for_a_child_with_no_plan_is_an_exclusion_not_help_missing_from_a_plan() -> None:
    story = ("My son is 7 years old and has autism. The school has told me they will reduce his hours to half days "
             "from next Monday because they do not have enough staff. Is this legal and what should I do?")
    reading = read(story, TODAY)
    assert reading.main.key == "exclusion"
    assert "provision_not_delivered" not in [stage.key for stage in reading.stages]
    assert not {"changes_only_by_amendment", "plan_help_must_be_given"} & {point.key for point in reading.points}


def test_with_the_dates_worked_out_the_fact_the_family_raised_about_this_stage_is_said() -> None:
    story = ("The council decided to stop my daughter's EHCP, the letter is dated 20 November 2026. She is 19 and "
             "at college and she only copes because of the support in the plan. Can they do this?")
    today = dt.date(2026, 12, 2)
    text = reply(read(story, today), today).text
    assert "The last day to appeal to the SEND Tribunal is Wednesday 20 January 2027" in text
    assert "- Time limit:" not in text  # the exact date says it
    assert catalogue().points[[p.key for p in catalogue().points].index("doing_well_with_the_plan")].text in text


def test_an_empty_section_i_in_a_draft_is_the_draft_plan_not_the_final_plan() -> None:
    reading = read("The LA sent the draft plan on the 25th Nov. Section I is empty. They want us to name a school. "
                   "Who do I send this to and by when?", TODAY)
    assert reading.main.key == "draft_plan"


def test_a_question_about_appealing_is_about_the_decision_even_beside_a_question_about_another_situation() -> None:
    story = ("My daughter is 7 and has ADHD. School say she doesn't need an EHCP, but she has been sent home early "
             "three times this month. I asked the council myself in September and they said no last week. Is it "
             "worth appealing or should I just wait? And can the school keep sending her home?")
    reading = read(story, TODAY)
    assert reading.main.key == "refused_assessment"
    exclusion = catalogue().stage("exclusion")
    assert exclusion in reading.asked_stages and exclusion.when_asked in reply(reading, TODAY).text


def test_a_family_asking_if_it_missed_its_own_deadline_is_not_telling_of_a_late_council() -> None:
    reading = read("We got the draft plan a couple of weeks ago. It says 'access to' speech therapy. Who do I send "
                   "my comments to, and have I missed the deadline?", TODAY)
    assert reading.main.key == "draft_plan"
    assert "council_late" not in [stage.key for stage in reading.stages]


def test_still_nothing_and_mornings_only_show_a_late_council_and_an_exclusion() -> None:
    reading = read("we applied for ehcp back in the summer and still nothing, the council keep saying the EP is busy. "
                   "he only goes to school for mornings now. how long are they allowed to take??", TODAY)
    assert reading.main.key == "council_late"
    assert "exclusion" in [stage.key for stage in reading.stages]


def test_a_question_about_a_situation_topic_is_answered_as_that_situation() -> None:
    """A short question the classifier gave a situation topic is read as that situation, even when
    its words alone show none ("go home at lunchtime" is not among the exclusion patterns)."""
    question = "can the school make my son go home at lunchtime every day?"
    assert read(question, TODAY).main is None
    reading = read(question, TODAY, about="exclusion")
    assert reading.main is not None and reading.main.key == "exclusion"
    answer = reply(reading, TODAY)
    assert answer is not None and answer.text.startswith(catalogue().stage("exclusion").answer.splitlines()[0])
    assert "Law: Education Act 2002, section 51A" in answer.text
    assert read(question, TODAY, about="no_such_situation").main is None


def test_a_reply_offers_no_topic_that_is_answered_by_the_same_situation() -> None:
    """"School not following the plan" is answered by the provision situation itself: no button back to it."""
    text = "The school has stopped his 1:1 even though it is in section F of his EHCP. Who do I contact?"
    answer = reply(read(text, TODAY), TODAY)
    assert read(text, TODAY).main.key == "provision_not_delivered"
    titles = [button.title for button in answer.buttons]
    assert "Help in the plan is not given" not in titles and "Making a complaint" in titles, titles


@pytest.mark.parametrize("message, said", [
    ("my son is 17, he is at college and has an ehcp. can i still help him with his plan?", False),
    ("my son is 16 and at college now, who makes the decisions about his plan?", False),
    ("my daughter is 16 and in year 11 at school, she wants college. who decides about her plan now?", True),
])
def test_the_31_march_move_is_said_only_before_the_move_to_college(message: str, said: bool) -> None:
    reading = read(message, TODAY)
    assert reading.main.key == "post16"
    assert ("college_move_by_31_march" in [point.key for point in reading.points]) is said


def test_a_young_person_who_struggles_at_college_is_not_told_about_early_concerns() -> None:
    text = reply(read("my son is 17 with autism, he is at college and has an ehcp. he struggles with forms. "
                      "what happens when he turns 19?", TODAY), TODAY).text
    assert "No diagnosis is needed to get help" not in text


def test_a_story_that_asks_what_a_word_means_gets_the_meaning_with_its_law() -> None:
    reading = read("We got the draft EHCP last week. What does Section F mean, and can we ask for a different "
                   "school?", TODAY)
    assert [entry.term_id for entry in reading.asked_terms] == ["section_f"]
    text = reply(reading, TODAY).text
    assert "Section F of an EHC plan: It sets out" in text
    assert "42(2)" in text.split("Law:")[1]


@pytest.mark.parametrize("message", [
    "The SENCO says he is fine. What can we do?",  # a term named, not asked about
    "what does the council have to do about section f in his plan?",
])
def test_a_word_only_named_in_a_question_is_not_explained(message: str) -> None:
    assert read(message, TODAY).asked_terms == ()


def test_told_to_wait_another_year_on_sen_support_is_answered_that_no_time_is_set() -> None:
    text = reply(read("My son has ADHD. The SENCO told me we need to wait another year on SEN support before applying "
                      "for an EHCP. Is that true? Also the council refused his bus pass, what can I do?", TODAY),
                 TODAY).text
    assert "No set time on SEN support" in text
    assert "ask it to review the decision" in text


def test_going_to_the_local_college_is_a_move_with_its_appeal() -> None:
    reading = read("my daughter is 16 and in year 11 at a special school with an EHCP. She wants to go to the local "
                   "college in September. What happens if they name somewhere she doesnt want?", TODAY)
    assert reading.main.key == "phase_transfer"
    assert "within 2 months" in reply(reading, TODAY).text


@pytest.mark.parametrize("message, situation", [
    ("council says she no longer needs an ehcp, we disagree", "plan_ceasing"),
    ("my sons ehcp is being taken away, he still struggles every day", "plan_ceasing"),
    ("they want to drop her plan now she is in year 11", "plan_ceasing"),
    ("the la said my son doesnt meet the threshold for an ehcna, is that right", "refused_assessment"),  # no apostrophe
    ("after a no to assessment do i have to go to mediation", "refused_assessment"),
    ("appeal rights if the council refuses to reassess my daughter", "refused_assessment"),
    ("the council say he is making progress so no need for assessment", "refused_assessment"),
])
def test_a_decision_against_the_family_in_everyday_words(message: str, situation: str) -> None:
    assert read(message, TODAY).main.key == situation


@pytest.mark.parametrize("message, situation", [
    ("i am 14 and too anxious for school, is there another way to learn", "out_of_school"),
    ("no school will take him, what are my rights", "out_of_school"),
    ("my daughter has chronic fatigue and misses most of school, who teaches her", "out_of_school"),
    ("what is a phase transfer review", "phase_transfer"),  # the words say there is a plan
    ("Son go to big school next year, have EHCP. How choose school?", "phase_transfer"),
    ("my son is leaving nursery for reception with an ehcp, what happens to the plan", "phase_transfer"),
])
def test_out_of_school_and_school_moves_in_everyday_words(message: str, situation: str) -> None:
    assert read(message, TODAY).main.key == situation


def test_a_school_not_named_yet_is_not_the_final_plan() -> None:
    assert read("the council have not named a secondary school yet", TODAY).main is None


@pytest.mark.parametrize("message", [
    "she has adhd, senco wont request an assessment, can i do it myself",
    "the school say they will not ask for an ehc assessment, can a parent ask",
])
def test_the_school_holding_back_is_not_the_council_refusing(message: str) -> None:
    assert read(message, TODAY).main.key == "school_wont_request"


def test_a_plan_stopped_at_the_annual_review_is_answered_as_the_plan_stopped() -> None:
    reading = read("At the annual review in October the council said they want to stop his plan because he is "
                   "doing ok. What happens to his help now, and can we fight this?", TODAY)
    assert reading.main.key == "plan_ceasing"
    assert "annual_review" in [stage.key for stage in reading.others]


def test_a_year_5_family_asking_for_a_secondary_school_and_a_meaning() -> None:
    reading = read("my daughter is in year 5 and has an ehcp. we want a special secondary school for her. what can "
                   "we do if they name the mainstream school? also what is section I?", TODAY)
    assert reading.main.key == "phase_transfer"  # "what is section I" asks a meaning: not the final plan
    assert [entry.term_id for entry in reading.asked_terms] == ["section_i"]


def test_a_point_the_asked_meaning_already_says_is_left_out() -> None:
    reading = read("We got the draft plan last week. What does Section I mean? We want the special school near "
                   "us, can we ask for it?", TODAY)
    assert [entry.term_id for entry in reading.asked_terms] == ["section_i"]
    assert "draft_names_no_school" not in [point.key for point in reading.points]
    text = reply(reading, TODAY).text
    assert text.count("empty") == 1, text  # "Section I ... is empty in the draft plan", said once


def test_said_by_terms_names_real_glossary_terms() -> None:
    from send_guide.glossary import spellings

    known = set(spellings().values())
    assert all(set(point.said_by_terms) <= known for point in catalogue().points)
    assert any(point.said_by_terms for point in catalogue().points)


@pytest.mark.parametrize("text", [
    "We got the draft plan 2 weeks ago and it names the school they picked, not ours. Can we change it?",
    "The draft EHCP says mainstream school X but we want the special school. What now?",
])
def test_a_draft_that_names_a_school_is_told_it_must_not(text: str) -> None:
    assert "The draft plan must not name a school." in reply(read(text, TODAY), TODAY).text


def test_a_late_council_told_with_a_rough_date_gets_the_whole_reply() -> None:
    """A fresh-clone run: this went to the deadline form, which gave only the 16-week date."""
    from send_guide.situation import prefers_deadline_form

    text = ("we applied for ehcp assesment about 7 weeks ago and the concil still hasnt said anything. my son is "
            "9, autistic, school say they cant do more for him. Is this late? what should I do next, I am so stressed")
    reading = read(text, dt.date(2026, 12, 3))
    assert reading.main.key == "council_late" and wants_whole_reply(reading)
    assert not reading.asked_terms  # "autistic" in a list of facts asks no meaning
    assert not prefers_deadline_form(read("we asked about 7 weeks ago, is the council late?", TODAY))
    answer = reply(reading, dt.date(2026, 12, 3)).text
    assert "by Thursday 26 November 2026" in answer and "the council is late" in answer


def test_a_late_decision_after_an_annual_review_is_answered_as_the_review() -> None:
    """A fresh-clone read: it got the assessment's 6, 16 and 20 weeks (council_late gives way)."""
    text = ("my sons ehcp annual review was in september and we still have not got anything back from the "
            "council, its now december. he is in year 10. is the council late and what can i do")
    reading = read(text, dt.date(2026, 12, 3))
    assert reading.main.key == "annual_review"
    answer = reply(reading, dt.date(2026, 12, 3)).text
    assert "Within 4 weeks of the meeting" in answer and "16 weeks to say" not in answer


@pytest.mark.parametrize(("message", "letter"), [
    ("School keeps sending my daughter home at lunchtime because they say they cannot cope. She has ADHD. Is this "
     "allowed? I want to complain to the head.", "sent-home-early"),
    ("His EHCP says he gets 1:1 support and speech therapy but school is not providing it. What can I do?",
     "provision-not-delivered"),
    ("We got the draft EHC plan yesterday and it does not name the school we want. What now?", "draft-plan-comments"),
])
def test_a_situation_with_a_letter_offers_it_with_the_letter_chosen(message: str, letter: str) -> None:
    answer = reply(read(message, TODAY), TODAY)
    [offer] = [button for button in answer.buttons if button.intent == "ask_letter"]
    assert offer.title == "Help me write a letter" and offer.entities == {"letter_kind": letter}


def test_a_formal_suspension_is_not_offered_the_letter_about_being_sent_home_without_one() -> None:
    answer = reply(read("My son was suspended for 3 days last week. Can they do that?", TODAY), TODAY)
    assert not [button for button in answer.buttons if button.intent == "ask_letter"]


def test_a_situation_naming_a_letter_that_does_not_exist_is_refused() -> None:
    stages = yaml.safe_load((ROOT / "send_guide/content/situations.yml").read_text(encoding="utf-8"))["stages"]
    spec = {**stages["exclusion"], "patterns": ["sent home"]}
    with pytest.raises(SituationFileError, match="no letter called"):
        _stage("exclusion", {**spec, "letter": "no-such-letter"}, {})


AYAAN = ("Hello, I am writing because I don't know what else to do. My son Ayaan is 7 and has autism and a speech "
         "delay. We sent the request for an EHC needs assessment to Luton council on 3 March 2026 and they wrote back "
         "on 14 April saying they will assess. Since then nothing. School says it's with the council. Its now "
         "December. Is this normal?? Can they just leave us waiting like this. I also want to write to them but my "
         "English is not so good. Please help me.")


def test_a_council_that_went_quiet_after_agreeing_to_assess_is_late_from_the_request_date() -> None:
    reading = read(AYAAN, TODAY)
    assert reading.main.key == "council_late", "'Since then nothing', 'leave us waiting'"
    assert [(d.event.value if d.event else None, d.date.isoformat()) for d in reading.dates] == [
        ("request", "2026-03-03"), (None, "2026-04-14")], "their reply's date is not the request's"
    assert "?" not in reading.questions and len(reading.questions) == 3, "'normal??' is one question"
    answer = reply(reading, TODAY)
    assert "The council must send the final EHC plan by Tuesday 21 July 2026. That date passed" in answer.text
    [offer] = [button for button in answer.buttons if button.intent == "ask_letter"]
    assert offer.entities == {"letter_kind": "final-plan-late"}, "the latest deadline passed decides the letter"


def test_dates_still_in_time_offer_no_letter_about_a_late_council() -> None:
    recent = (TODAY - dt.timedelta(days=10)).strftime("%-d %B %Y")
    answer = reply(read(f"We sent the request for an EHC assessment on {recent} and have heard nothing since.", TODAY),
                   TODAY)
    assert not [button for button in answer.buttons if button.intent == "ask_letter"]


@pytest.mark.parametrize("letter_date, says", [
    ("10 October 2026", "So you have not missed it. The last day is"),
    ("1 July 2026", "so it has passed. Phone Luton SENDIAS soon"),
])
def test_have_i_missed_it_gets_a_plain_yes_or_no_from_the_dates(letter_date: str, says: str) -> None:
    text = f"The council refused to do an EHC needs assessment. Their letter is dated {letter_date}. Have I missed it?"
    answer = reply(read(text, TODAY), TODAY)
    assert says in answer.text
    assert "missed it" not in reply(read(f"The council refused to assess. The letter is dated {letter_date}.",
                                         TODAY), TODAY).text


@pytest.mark.parametrize("text, situation", [
    # the plan is the setting; the help in it not started is what is asked about
    ("We got the final EHCP in September but the school still hasn't started her speech therapy which is in "
     "section F. Is it the school or the council who has to do it? Can you help me write to them?",
     "provision_not_delivered"),
    ("what if the council says no to a special school for my son?", "final_plan"),
    ("The LA refused the school we wanted and named a mainstream school instead.", "final_plan"),
])
def test_weak_replies_seen_in_review_now_read_the_right_situation(text: str, situation: str) -> None:
    assert read(text, TODAY).main.key == situation
