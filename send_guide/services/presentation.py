"""How a service is shown: a short plain-text block for chat, and a card for the web widget.

Both say where the details come from and how old that page is, and whether a person has checked
them since, so a family can tell a confirmed number from one copied off a page of 2017.
"""

from __future__ import annotations

import datetime as dt

from send_guide.services.records import ServiceRecord
from send_guide.sources import dated_titles


def in_words(day: dt.date) -> str:
    """"3 December 2026": no day-first or month-first digits to misread."""
    return f"{day.day} {day.strftime('%B %Y')}"


def provenance(service: ServiceRecord) -> str:
    """Where the details come from (with the page's own date) and who checked them, if anyone."""
    line = f"Details from: {dated_titles(*service.source)}."
    if service.confirmed_by and service.confirmed_on:
        return f"{line} Checked by {service.confirmed_by} on {in_words(service.confirmed_on)}."
    return f"{line} Not yet checked by staff."


def as_text(service: ServiceRecord) -> str:
    lines = [service.name]
    if service.description:
        lines.append(service.description)
    if service.phone:
        lines.append(f"Phone: {service.phone}")
    if service.email:
        lines.append(f"E-mail: {service.email}")
    if service.website:
        lines.append(f"Website: {service.website}")
    address = ", ".join(part for part in (service.address, service.postcode) if part)
    if address:
        lines.append(f"Address: {address}")
    if service.opening_hours:
        lines.append(f"Open: {service.opening_hours}")
    if service.who_can_refer:
        lines.append(f"Who can contact or refer: {service.who_can_refer}")
    if not (service.phone or service.email or service.website):
        lines.append("Search for it on the Luton Local Offer website for contact details.")
    lines.append(provenance(service))
    return "\n".join(lines)


def as_card(service: ServiceRecord) -> dict:
    """The structured form the widget draws as a contact card (it renders text, never HTML)."""
    return {
        "name": service.name,
        "description": service.description,
        "phone": service.phone,
        "email": service.email,
        "website": service.website,
        "address": service.address,
        "postcode": service.postcode,
        "opening_hours": service.opening_hours,
        "who_can_refer": service.who_can_refer,
        "categories": list(service.categories),
        "sources": service.source_titles,
        "provenance": provenance(service),
        "confirmed_by": service.confirmed_by,
        "confirmed_on": service.confirmed_on.isoformat() if service.confirmed_on else None,
    }
