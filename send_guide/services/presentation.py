"""How a service is shown: a short plain-text block for chat, and a card for the web widget."""

from __future__ import annotations

from send_guide.services.records import ServiceRecord


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
        "last_verified": service.last_verified.isoformat(),
    }
