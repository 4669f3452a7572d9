"""The one list of contacts (send_guide/content/contacts.yml) and how replies name them."""

import datetime as dt
import re
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain

from nlg.contact_responses import ContactFilledResponses
from send_guide import contacts
from send_guide.contacts import PLACEHOLDER, all_contacts, fill_contacts, phone

ROOT = Path(__file__).resolve().parents[2]


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


GOOD = {"key": "someone", "name": "Someone", "phone": "01582 548156", "source": "003", "as_printed": "x"}


@pytest.mark.parametrize(("change", "problem"), [
    ({"key": "Bad Key"}, "not a new key"),
    ({"source": "999"}, "a source page id"),
    ({"source": "national"}, "a source page id"),  # a national number must say where it was read
    ({"confirmed": {"by": "SENDIAS manager", "on": None}}, "go together: confirmed_on"),
    ({"confirmed": {"by": None, "on": "2026-11-30"}}, "go together: confirmed_by"),
    ({"confirmed": {"by": "Sam, 07911 123456", "on": "2026-11-30"}}, "no contact details"),
    ({"confirmed": {"by": "SENDIAS manager", "on": "30/11/2026"}}, "not a date"),
    ({"confirmed": {"by": "SENDIAS manager", "on": "2026-12-25"}}, "in the future"),
])
def test_the_contacts_file_is_checked(change: dict, problem: str) -> None:
    with pytest.raises(contacts.ContactsFileError, match=problem):
        contacts.read_contacts([{**GOOD, **change}], dt.date(2026, 12, 1))


def test_a_confirmed_contact_says_who_and_when() -> None:
    entry = contacts.read_contacts([{**GOOD, "confirmed": {"by": "SENDIAS manager", "on": "2026-11-30"}}],
                                   dt.date(2026, 12, 1))["someone"]
    assert entry.confirmed and entry.confirmed_on == dt.date(2026, 11, 30)
    assert entry.source_date == "2022"  # page 003's own date, from send_guide/sources.py


def test_the_go_live_list_names_every_contact_not_yet_confirmed() -> None:
    checklist = (ROOT / "docs" / "GO_LIVE_CHECKS.md").read_text(encoding="utf-8")
    for entry in all_contacts().values():
        if not entry.confirmed:
            assert f"`{entry.key}`" in checklist, entry.key


def test_the_command_lists_contacts_and_fills_a_file(tmp_path, capsys) -> None:
    assert contacts.main([]) == 0
    listed = capsys.readouterr().out
    assert "sendias" in listed and "NOT CONFIRMED" in listed and "(no number yet)" in listed
    source, target = tmp_path / "in.js", tmp_path / "out.js"
    source.write_text('var x = "phone {contact_sendias}"; var y = "tel:{tel_sendias}";', encoding="utf-8")
    assert contacts.main(["fill", str(source), str(target)]) == 0
    assert target.read_text(encoding="utf-8") == f'var x = "phone {phone("sendias")}"; var y = "tel:01582548156";'


# Where the assistant's own words live. data/services.csv is left out: the services directory is
# data staff edit (imported into a database), and tests/db/test_services.py checks that each of
# its numbers is one of contacts.yml's.
OWN_WORDS = ["domain.yml", "send_guide/**/*.py", "send_guide/content/**/*.yml", "actions/*.py", "channels/*.py",
             "components/*.py", "nlg/*.py", "web/**/*.py", "web/templates/*.html", "widget/src/**/*.js",
             "widget/src/**/*.json", "widget/demo/*.html", "docs/*.md"]


def test_each_number_is_written_only_in_contacts_yml() -> None:
    numbers = {entry.phone for entry in all_contacts().values() if len(entry.tel) >= 6}
    files = {path for pattern in OWN_WORDS for path in ROOT.glob(pattern)}
    files.discard(ROOT / "send_guide" / "content" / "contacts.yml")
    assert len(files) > 50, "the check looks at the project's files"
    written = sorted(f"{path.relative_to(ROOT)}: {number}" for path in files
                     for number in numbers if number in path.read_text(encoding="utf-8"))
    assert written == [], "write {contact_<key>} instead"
