"""Service look-ups through the real assistant: text reply plus contact cards for the widget."""

import pytest

from tests.e2e.test_conversation import answered_with, texts


def cards(replies: list) -> list[dict]:
    return [service for reply in replies if "custom" in reply
            for service in reply["custom"].get("data", {}).get("services", [])]


@pytest.mark.parametrize(("message", "name", "detail"), [
    ("What's the number for the SEN assessment team?", "SEN Assessment Team (SENAT), Luton Council", "01582 548187"),
    ("mediation service contact", "KIDS London SEN Mediation Service", "020 7359 3635"),
    ("speech and langauge therapy", "Speech and Language Therapy Service", ""),
    ("penrose phone number", "Penrose", "01582 343230"),
])
def test_a_named_service_comes_with_its_contact_details(chat, message: str, name: str, detail: str) -> None:
    replies = chat(message)
    said = "\n\n".join(texts(replies))
    assert name in said and detail in said, said
    assert name in [card["name"] for card in cards(replies)]
    assert "Source:" in said


def test_a_need_gets_the_faq_answer_then_services(chat) -> None:
    replies = chat("who can help with my son's mental health?")
    assert answered_with(replies, "utter_mental_health_services")
    assert "CAMHS (Child and Adolescent Mental Health Services)" in [card["name"] for card in cards(replies)]


def test_no_match_offers_categories_and_sendias(chat) -> None:
    replies = chat("/find_service")  # a service search with nothing to search for
    said = "\n\n".join(texts(replies))
    assert "I could not find a service" in said and "01582 548156" in said
    payloads = [button["payload"] for reply in replies for button in reply.get("buttons", [])]
    assert '/find_service{"service_category":"housing"}' in payloads


def test_hostile_text_gets_a_kind_reply_and_leaves_the_directory_intact(chat) -> None:
    replies = chat("'; DROP TABLE service; --")
    assert any(text.strip() for text in texts(replies))  # a reply, not an error or silence
    assert "01582 548187" in "\n\n".join(texts(chat("phone number for SENAT")))


def test_a_category_button_lists_its_services(chat) -> None:
    replies = chat('/find_service{"service_category":"housing"}')
    names = [card["name"] for card in cards(replies)]
    assert "Penrose" in names and "Luton Council housing advice line" in names


def test_a_service_answer_says_how_old_its_facts_are_and_claims_no_check(chat) -> None:
    """The details come from a council page of 2022 that no member of staff has checked since:
    the answer and its card say so, and nothing claims the row was checked (it used to carry a
    made-up "checked on 25 November 2026")."""
    replies = chat("What's the number for the SEN assessment team?")
    said = "\n\n".join(texts(replies))
    honest = ('Details from: Luton Council, "Education, Health and Care needs assessment" page (2022). '
              "Not yet checked by staff.")
    assert honest in said, said
    [card] = [card for card in cards(replies) if card["name"] == "SEN Assessment Team (SENAT), Luton Council"]
    assert card["provenance"] == honest
    assert card["confirmed_by"] == "" and card["confirmed_on"] is None
    assert "last_verified" not in card
    everything = repr(replies)
    assert "2026-11-25" not in everything and "25 November 2026" not in everything
