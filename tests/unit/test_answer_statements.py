"""Statements a family could act on (issue 14, items 7-10 and 15), read from the answers as a user sees them.

Each fact here rests on shared/national-law.md or a source page; the test names where, so that a
change to the wording that drops or twists the fact fails here and not in a family's letter.
"""

import re

import pytest

from send_guide.topics import catalogue
from tests.law_lines import answer_citations, law_line
from tests.project_files import SOURCES, domain, nlu_examples, response_texts

# Topics where a young person (16 to 25) has their own rights or their own situation (issue 14, item 10).
YOUNG_PERSON_TOPICS = ["request_assessment", "what_can_be_appealed", "annual_review", "turning_18",
                       "preparing_for_adulthood", "transport", "diagnosis_needed"]
YOUR_CHILD = re.compile(r"\byour (child|son|daughter|kid)\b|\bchild's\b", re.IGNORECASE)


def variant(response: str, role: str | None = None) -> str:
    """The text of the variant for `role`, or of the default (parents) variant."""
    for candidate in domain()["responses"][response]:
        roles = [cond["value"] for cond in candidate.get("condition", []) if cond["name"] == "role"]
        if (role in roles) if role else not roles:
            return candidate["text"]
    raise LookupError(f"{response} has no variant for {role or 'parents'}")


def shown(text: str) -> str:
    """What the user reads before the Law and Source lines, on one line, lower case."""
    return re.split(r"\n\n(?:Law|Source): ", text)[0].replace("\n", " ").lower()


def cites(text: str, tag: str, ref: str) -> bool:
    """The answer's Law line names this provision (tag as on the national law sheet)."""
    laws = law_line(text)
    return bool(laws) and (tag, ref) in {(c.tag, c.ref) for c in answer_citations(laws)}


# --- item 7: only the parent, the young person or the school can ask (CFA 2014 s.36(1)) ---

def test_no_answer_says_anyone_can_ask_for_an_assessment() -> None:
    """The professional page (source 000) says anyone can ask; the law gives the right to three only."""
    for text in response_texts("utter_request_assessment"):
        assert not re.search(r"\banyone\b[^.]*\b(ask|request)", shown(text)), text


def test_professionals_are_told_who_can_ask_and_what_they_can_do_instead() -> None:
    said = shown(variant("utter_request_assessment", "professional"))
    assert all(who in said for who in ("parent", "young person", "school")), said
    assert re.search(r"(doctors?|health visitors?|social workers?)[^.]*(cannot|can not)", said), said
    assert "tell the council" in said, "what they can do instead (SEND CoP 2015 para 9.9; CFA 2014 s.24)"
    assert "under school age" in said, "the NHS duty to tell the council (CFA 2014 s.23)"
    text = variant("utter_request_assessment", "professional")
    assert cites(text, "CFA 2014", "36(1)") and cites(text, "SEND CoP 2015", "9.9")


# --- item 8: the appeal time limit on the first screen (HESC Rules 2008 r.20(1)(c)) ---

@pytest.mark.parametrize("role", [None, "young_person"])
def test_the_appeal_answer_gives_the_time_limit_on_its_first_screen(role: str | None) -> None:
    text = variant("utter_what_can_be_appealed", role)
    said = shown(text)
    assert re.search(r"2 months (of|from|after) the date[^.]* decision letter", said), said
    assert re.search(r"1 month (of|from|after) the date[^.]* mediation certificate", said), said
    assert "later" in said, "whichever is later"
    assert cites(text, "HESC Rules 2008", "20(1)(c)")


def test_the_appeal_answer_offers_to_work_out_the_date() -> None:
    for candidate in domain()["responses"]["utter_what_can_be_appealed"]:
        assert "/ask_deadline" in [button["payload"] for button in candidate.get("buttons", [])]


# --- item 9: no diagnosis is needed (CFA 2014 s.20(1)-(2), s.36(8); Equality Act 2010 s.6) ---

def test_diagnosis_questions_have_a_topic_of_their_own() -> None:
    topic = catalogue().get("diagnosis_needed")
    assert topic is not None and topic.group == "ehc"


@pytest.mark.parametrize("role", [None, "young_person"])
def test_the_diagnosis_answer_says_none_is_needed_for_sen_support_or_an_assessment(role: str | None) -> None:
    text = variant("utter_diagnosis_needed", role)
    said = shown(text)
    assert said.startswith("no."), said
    assert re.search(r"(do|does) not need a diagnosis", said), said
    assert "sen support" in said and "education, health and care needs assessment" in said
    assert "equality act" in said, "disabled in law needs no diagnosis either"
    assert cites(text, "CFA 2014", "36(8)") and cites(text, "CFA 2014", "20(1)") and cites(text, "EqA 2010", "6")


def test_only_the_diagnosis_topic_is_trained_on_whether_a_diagnosis_is_needed() -> None:
    """Neighbours (autism pathway, worried about progress) keep questions about getting a diagnosis."""
    asks_if_needed = re.compile(r"\b(need|needs|without|before|no|must have|have to have)\b.{0,40}\bdiagno", re.I)
    for intent, examples in nlu_examples().items():
        if intent != "diagnosis_needed":
            assert not [e for e in examples if asks_if_needed.search(e)], intent
    assert len([e for e in nlu_examples()["diagnosis_needed"] if "diagno" in e.lower()]) >= 10


# --- item 10: young people get answers written to them ---

@pytest.mark.parametrize("topic", YOUNG_PERSON_TOPICS)
def test_young_people_get_their_own_answer(topic: str) -> None:
    assert "young_person" in catalogue().get(topic).roles
    text = variant(f"utter_{topic}", "young_person")
    assert not YOUR_CHILD.search(text), f"utter_{topic} tells a young person about 'your child'"
    assert re.search(r"\byou(r)?\b", shown(text)), "written to the young person"


def test_no_young_person_answer_talks_about_your_child() -> None:
    answers = [(name, candidate["text"]) for name, variants in domain()["responses"].items() for candidate in variants
               if any(cond.get("value") == "young_person" for cond in candidate.get("condition", []))]
    assert len(answers) >= len(YOUNG_PERSON_TOPICS)
    assert not [name for name, text in answers if YOUR_CHILD.search(text)]


def test_young_people_appeal_in_their_own_name() -> None:
    text = variant("utter_what_can_be_appealed", "young_person")
    said = shown(text)
    assert "your own name" in said and "last friday in june" in said, said
    assert "capacity" in said and "parent" in said, "the mental capacity note (CFA 2014 s.80)"
    assert cites(text, "CFA 2014", "51(1)") and cites(text, "CFA 2014", "83(2)") and cites(text, "CFA 2014", "80")


def test_young_people_hear_the_travel_rules_for_their_age() -> None:
    text = variant("utter_transport", "young_person")
    said = shown(text)
    assert "16 to 18" in said and "no automatic right" in said, said
    assert "19 to 25" in said and "free" in said, said
    assert cites(text, "EA 1996", "509AA") and cites(text, "EA 1996", "508F")


def test_a_young_person_turning_18_hears_the_plan_can_go_on_to_25() -> None:
    text = variant("utter_turning_18", "young_person")
    said = shown(text)
    assert "when you reach 18" in said and "25" in said and "does not stop" in said, said
    assert cites(text, "CFA 2014", "46")


def test_a_young_persons_annual_review_covers_adulthood_and_their_own_appeal() -> None:
    said = shown(variant("utter_annual_review", "young_person"))
    assert "12 months" in said and "preparing for adulthood" in said and "appeal" in said, said


# --- item 15: five smaller corrections ---

def test_an_ehc_plan_does_not_continue_into_higher_education() -> None:
    """An EHC plan ends when a young person starts higher education (national-law.md 7.8; CFA 2014 s.45(1))."""
    for text in response_texts("utter_higher_education"):
        said = shown(text)
        assert not re.search(r"\b(usually|rather than|sometimes|may continue)\b", said), said
        assert re.search(r"ehc plan\)? (ends|stops)", said), said
        assert "disabled students' allowance" in said


def test_the_assessment_purpose_has_no_old_figure_and_says_the_parent_can_ask() -> None:
    said = shown(variant("utter_ehc_assessment_purpose"))
    assert "1 in 50" not in said, "a 2014-era national figure, given as if current"
    assert re.search(r"you, the parent, can ask", said), said
    assert cites(variant("utter_ehc_assessment_purpose"), "CFA 2014", "36(1)")


def test_what_is_an_ehc_plan_says_the_parent_can_ask_the_council_directly() -> None:
    said = shown(variant("utter_what_is_ehcp"))
    assert re.search(r"you can ask the council", said) and "01582 548187" in said, said
    assert cites(variant("utter_what_is_ehcp"), "CFA 2014", "36(1)")


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the source pages (../shared/sources) are not beside this clone")
def test_sendias_says_sometimes_where_its_page_does() -> None:
    """Page 001: "Sometimes the service can offer more support if needed" (letters, meetings)."""
    (page,) = SOURCES.glob("001_*.txt")
    assert "Sometimes the service can offer more support" in page.read_text(encoding="utf-8")
    said = shown(variant("utter_sendias_support"))
    sometimes = said.index("sometimes")
    assert sometimes < said.index("letters") and sometimes < said.index("meetings"), said


def test_no_answer_promises_sendias_explains_any_word() -> None:
    for name, variants in domain()["responses"].items():
        for candidate in variants:
            assert not re.search(r"explain any (word|term)", candidate.get("text", ""), re.I), name
