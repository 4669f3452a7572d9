"""Phone numbers and e-mail addresses are read, checked and hidden by one module
(send_guide/contact_patterns.py); no other module keeps a pattern or a parser of its own."""

import ast

import pytest

from send_guide.contact_patterns import (
    find_email,
    has_contact_details,
    is_email,
    is_uk_service_number,
    redact,
    uk_phone,
)
from tests.project_files import parsed_code


@pytest.mark.parametrize("text, number", [
    ("07911 123456", "07911 123456"),
    ("+44 7911 123456", "07911 123456"),
    ("07911 12345", None),  # one digit short
    ("call me", None),
    ("+33 1 23 45 67 89", None),  # not a UK number: an adviser phones UK numbers
])
def test_a_uk_phone_number_is_read_and_written_the_national_way(text: str, number: str | None) -> None:
    assert uk_phone(text) == number


@pytest.mark.parametrize("text, allowed", [
    ("07911 123456", True), ("999", True), ("111", True), ("116 123", True),
    ("999999", False), ("12345", False), ("0123", False),
])
def test_a_services_number_may_be_a_full_or_a_short_uk_number(text: str, allowed: bool) -> None:
    assert is_uk_service_number(text) is allowed


def test_e_mail_addresses_are_found_checked_and_hidden() -> None:
    assert find_email("write to kim.o@example.org please") == "kim.o@example.org"
    assert is_email("kim.o@example.org") and not is_email("kim.o@example.org please") and not is_email("kim@")
    assert redact("kim.o@example.org or 07911 123456") == "[e-mail] or [number]"


@pytest.mark.parametrize("text, has", [
    ("SENDIAS adviser", False), ("Kim, team leader", False), ("kim@example.org", True),
    ("Kim 07911 123456", True), ("see www.example.org", True), ("https://example.org", True),
])
def test_contact_details_are_told_from_a_name_or_a_role(text: str, has: bool) -> None:
    assert has_contact_details(text) is has


def test_no_other_module_parses_phone_numbers_or_matches_e_mail_addresses() -> None:
    found = []
    for path, tree in parsed_code(leave_out=("send_guide/contact_patterns.py",)):
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [alias.name for alias in node.names] + [getattr(node, "module", "") or ""]
                if any(name.startswith("phonenumbers") for name in names):
                    found.append(f"{path}: imports phonenumbers")
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") in {"compile", "search", "match"} \
                    and node.args and isinstance(node.args[0], ast.Constant) and "@" in str(node.args[0].value):
                found.append(f"{path}:{node.lineno}: an e-mail pattern")
    assert not found
