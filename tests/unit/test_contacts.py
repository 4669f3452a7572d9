"""The one list of contacts (send_guide/content/contacts.yml) and how replies name them."""

import re

import pytest
from rasa.shared.core.domain import Domain

from nlg.contact_responses import ContactFilledResponses
from send_guide import contacts
from send_guide.contacts import PLACEHOLDER, all_contacts, fill_contacts, phone


def test_every_contact_has_a_key_a_source_and_the_date_of_that_source() -> None:
    for key, entry in all_contacts().items():
        assert re.fullmatch(r"[a-z0-9_]+", key)
        assert entry.name and entry.source and entry.source_date, key
        assert entry.confirmed == bool(entry.confirmed_by and entry.confirmed_on)


def test_placeholders_become_numbers_and_unknown_keys_are_an_error() -> None:
    assert fill_contacts("Phone {contact_sendias}.") == f"Phone {phone('sendias')}."
    assert fill_contacts("Slots {name} stay for Rasa.") == "Slots {name} stay for Rasa."
    with pytest.raises(KeyError):
        fill_contacts("Phone {contact_nobody}.")


def test_a_line_naming_a_contact_with_no_number_yet_is_left_out(monkeypatch) -> None:
    known = dict(all_contacts())
    known["not_given_yet"] = contacts.Contact("not_given_yet", "Someone", "", "001", "2022", "")
    monkeypatch.setattr(contacts, "all_contacts", lambda: known)
    text = "First line.\n- Local team: {contact_not_given_yet}.\n- SENDIAS: {contact_sendias}."
    assert fill_contacts(text) == f"First line.\n- SENDIAS: {phone('sendias')}."


def test_rasa_fills_contacts_then_its_own_slot_values() -> None:
    domain = Domain.from_dict({"responses": {"utter_x": [{"text": "Hi {name}. Phone {contact_senat}."}]},
                               "slots": {}})
    reply = ContactFilledResponses(domain=domain).generate_from_slots("utter_x", {"name": "Amina"}, "rest")
    assert reply["text"] == f"Hi Amina. Phone {phone('senat')}."
    assert not PLACEHOLDER.search(reply["text"])
