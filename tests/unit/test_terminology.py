"""The spaCy pipeline built from terms.yml finds terms and roles by id."""

from pathlib import Path

import pytest
import spacy

from send_guide.terminology import build_pipeline


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    out: Path = tmp_path_factory.mktemp("spacy") / "pipeline"
    build_pipeline(out)
    return spacy.load(out)


def entities(nlp, text: str) -> list[tuple[str, str]]:
    return [(ent.label_, ent.ent_id_) for ent in nlp(text).ents]


def test_term_found_by_any_spelling(nlp) -> None:
    assert entities(nlp, "What does SENCO mean?") == [("term", "senco")]
    assert ("term", "camhs") in entities(nlp, "referral to child and adolescent mental health services")


def test_role_is_a_self_description_not_a_mention(nlp) -> None:
    assert entities(nlp, "I am a SENCO at a primary school") == [("user_role", "professional")]
    assert ("user_role", "professional") not in entities(nlp, "what is a SENCO")
    assert ("user_role", "parent") in entities(nlp, "I'm a parent of a 6 year old")


def test_greeting_is_not_a_term(nlp) -> None:
    assert entities(nlp, "hi there") == []
