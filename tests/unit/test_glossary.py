import pytest

from send_guide import glossary
from send_guide.content_files import load_content
from send_guide.topics import catalogue


def test_every_term_has_a_definition_and_spellings() -> None:
    defined = set(glossary.entries())
    spelled = set(load_content("terms.yml")["terms"])
    assert defined == spelled
    assert len(defined) >= 40


def test_definitions_are_short_and_sourced() -> None:
    for entry in glossary.entries().values():
        assert len(entry.definition.split()) <= 60, entry.term_id
        assert entry.source in {"000", "001", "002", "003", "004"}, entry.term_id
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
