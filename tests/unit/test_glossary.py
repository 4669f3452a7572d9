import pytest

from send_guide import glossary
from send_guide.content_files import load_content
from send_guide.topics import catalogue
from tests.law_lines import NATIONAL_LAW, answer_citations, law_line, on_sheet, sheet_citations


def test_every_term_has_a_definition_and_spellings() -> None:
    defined = set(glossary.entries())
    spelled = set(load_content("terms.yml")["terms"])
    assert defined == spelled
    assert len(defined) >= 40


def test_definitions_are_short_and_sourced() -> None:
    for entry in glossary.entries().values():
        assert len(entry.definition.split()) <= 60, entry.term_id
        assert entry.source in {"000", "001", "002", "003", "004", "law"}, entry.term_id
        assert (entry.source == "law") == bool(entry.law), f"{entry.term_id}: a meaning from law names its law"
        assert entry.answer_intent is None or catalogue().get(entry.answer_intent), entry.term_id


@pytest.mark.parametrize(
    "text,term_id",
    [
        ("what does SENCO mean", "senco"),
        ("wat is dyspraksia", "dyspraxia"),
        ("what is camhs", "camhs"),
        ("explain pmld please", "pmld"),
    ],
)
def test_find_term_in_free_text(text: str, term_id: str) -> None:
    assert glossary.find_term_in_text(text) == term_id


def test_no_term_in_unrelated_text() -> None:
    assert glossary.find_term_in_text("what time is the bus") is None
    assert glossary.lookup([], "") is None


def test_entity_id_wins_over_text() -> None:
    assert glossary.lookup(["camhs"], "what does senco mean").term_id == "camhs"


def test_a_question_about_one_term_with_its_own_topic_is_that_topics() -> None:
    assert glossary.topic_of_question(["send"]) == "what_is_send"
    assert glossary.topic_of_question(["sen"]) == "what_is_send"
    assert glossary.topic_of_question(["ehcp", "ehcp"]) == "what_is_ehcp"


def test_a_term_without_a_topic_or_two_terms_stay_glossary_questions() -> None:
    assert glossary.topic_of_question(["senco"]) is None
    assert glossary.topic_of_question(["sen", "ehcp"]) is None
    assert glossary.topic_of_question([]) is None


def test_a_message_that_only_asks_what_its_term_means_is_a_definition_question() -> None:
    def asks(text: str, term: str, spelling: str) -> bool:
        start = text.lower().index(spelling)
        return glossary.is_definition_question(text, [(term, start, start + len(spelling))])

    assert asks("What is an EP?", "ep", "ep")
    assert asks("what does the letters semh mean", "semh", "semh")
    assert asks("can you explain what an sld is please", "sld", "sld")
    assert not asks("what is an EP assessment?", "ep", "ep")
    assert not asks("how do I get an EP to see my son", "ep", "ep")
    assert not glossary.is_definition_question("what is sen support in an ehcp",
                                               [("sen_support", 8, 19), ("ehcp", 26, 30)])
    assert not glossary.is_definition_question("what is it", [])


def test_words_of_another_script_are_words_too() -> None:
    text = "كيف أطلب تقييم EHC لابني؟"  # "how do I ask for an EHC assessment for my son?"
    start = text.index("EHC")
    assert not glossary.is_definition_question(text, [("ehcp", start, start + 3)])


@pytest.mark.skipif(not NATIONAL_LAW.is_file(), reason="the national law sheet (../shared) is not beside this clone")
def test_every_law_a_meaning_cites_is_on_the_national_law_sheet() -> None:
    sheet = sheet_citations(NATIONAL_LAW.read_text(encoding="utf-8"))
    cited = [(entry.term_id, citation) for entry in glossary.entries().values() if entry.law
             for citation in answer_citations(law_line(entry.as_text()))]
    assert cited, "the check looks at something"
    assert [(term, c) for term, c in cited if not on_sheet(c, sheet)] == []


@pytest.mark.parametrize(("text", "term_id"), [
    ("what does Section F in the plan mean?", "section_f"),
    ("what is section b of an ehcp", "section_b"),
    ("whats section i", "section_i"),
    ("what are the sections of the plan", "ehcp_sections"),
])
def test_plan_sections_are_terms(text: str, term_id: str) -> None:
    entry = glossary.lookup([], text)
    assert entry.term_id == term_id
    assert entry.as_text().splitlines()[-2].startswith("Law: ")


def test_a_section_of_the_law_is_not_a_section_of_the_plan() -> None:
    """One letter tells the plan's sections apart: they are never matched loosely."""
    assert glossary.find_term_in_text("what is section 19") is None
    assert glossary.find_term_in_text("what are sections") != "section_i"


@pytest.mark.parametrize("sentence, term", [
    ("We got the draft, what does section f mean?", "section_f"),  # a clause after a comma starts with a space
    ("The review was late. What does SENCO mean?", "senco"),  # a question read with the sentence before it
    ("what does the council have to do about section f in his plan?", None),
])
def test_the_term_a_part_of_a_message_asks_the_meaning_of(sentence: str, term: str | None) -> None:
    entry = glossary.term_asked_about(sentence)
    assert (entry.term_id if entry else None) == term
