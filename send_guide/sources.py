"""The source pages every answer must rest on, with the exact wording of their "Source:" line."""

SOURCE_TITLES: dict[str, str] = {
    "000": 'Luton Local Offer, "I am a professional" page',
    "001": 'Luton Local Offer, "I am a parent or carer" page',
    "002": "Luton SEND Strategy 2023 to 2026",
    "003": 'Luton Council, "Education, Health and Care needs assessment" page',
    "004": 'Milton Keynes Local Offer, "All about the SEND Local Offer" page',
    "timescales": "EHC timescales reference (SEND Regulations 2014)",
}


def source_line(*source_ids: str) -> str:
    """The closing line of an answer, naming each page it rests on."""
    return "Source: " + " and ".join(SOURCE_TITLES[sid] for sid in source_ids) + "."


# The laws an answer may name on its "Law:" line (before its "Source:" line), each with the tag the
# national fact sheet (shared/national-law.md) uses for it: every provision cited must be on the sheet.
LAW_TAGS: dict[str, str] = {
    "Children and Families Act 2014": "CFA 2014",
    "SEND Regulations 2014": "SEND Regs 2014",
    "SEND Code of Practice 2015": "SEND CoP 2015",
    "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008": "HESC Rules 2008",
    "Equality Act 2010": "EqA 2010",
    "Education Act 1996": "EA 1996",
    "Care Act 2014": "Care Act 2014",
}
