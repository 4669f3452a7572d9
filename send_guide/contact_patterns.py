"""Contact details in text, in one place: what reads them (the call-back form, the staff case form),
what checks them (the services directory), what keeps them out of storage (feedback, a checker's
name) and logs (send_guide/log_safety.py), and what keeps them out of machine translation."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import shortnumberinfo

# Starts where a run of address characters starts: the same matches, found in linear time (without
# the look-behind, a long run with no "@" was tried from each of its characters, in quadratic time).
EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# Phone numbers, and other long numbers (reference numbers): seven or more digits and separators.
LONG_NUMBER = r"\+?\d[\d ()-]{5,}\d"
WEB_ADDRESS = r"https?://|www\."
_EMAIL = re.compile(EMAIL)
_LONG_NUMBER = re.compile(LONG_NUMBER)
_ANY_CONTACT = re.compile(rf"{EMAIL}|{LONG_NUMBER}|{WEB_ADDRESS}", re.I)
UK = "GB"


def redact(text: str) -> str:
    """The text without e-mail addresses or long numbers (phone numbers, reference numbers)."""
    return _LONG_NUMBER.sub("[number]", _EMAIL.sub("[e-mail]", text or ""))


def has_contact_details(text: str) -> bool:
    """True when the text holds an e-mail address, a phone or other long number, or a web address."""
    return bool(_ANY_CONTACT.search(text or ""))


def find_email(text: str) -> str | None:
    found = _EMAIL.search(text or "")
    return found.group() if found else None


def is_email(text: str) -> bool:
    """The whole text is one e-mail address."""
    return bool(_EMAIL.fullmatch(text or ""))


def _uk_number(text: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(text, UK)
    except phonenumbers.NumberParseException:
        return None
    return number if number.country_code == 44 else None


def uk_phone(text: str) -> str | None:
    """A valid UK phone number in the text, written the national way (area code, space, number), else None."""
    number = _uk_number(text)
    if number is None or not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def is_uk_service_number(text: str) -> bool:
    """A UK phone number a service may give: a full number, or a valid short one (emergency, helplines)."""
    number = _uk_number(text)
    return number is not None and (phonenumbers.is_valid_number(number)
                                   or shortnumberinfo.is_valid_short_number(number))
