"""The source pages every answer must rest on, with the exact wording of their "Source:" line."""

from dataclasses import dataclass

SOURCE_TITLES: dict[str, str] = {
    "000": 'Luton Local Offer, "I am a professional" page',
    "001": 'Luton Local Offer, "I am a parent or carer" page',
    "002": "Luton SEND Strategy 2023 to 2026",
    "003": 'Luton Council, "Education, Health and Care needs assessment" page',
    "004": 'Milton Keynes Local Offer, "All about the SEND Local Offer" page',
    "timescales": "EHC timescales reference (SEND Regulations 2014)",
    "law": "SEND law in England, national fact sheet (compiled 1 December 2026)",
}


def source_line(*source_ids: str) -> str:
    """The closing line of an answer, naming each page it rests on."""
    return "Source: " + " and ".join(SOURCE_TITLES[sid] for sid in source_ids) + "."


@dataclass(frozen=True)
class PageDate:
    """How old a source page is, in the page's own words, never a guess. Facts taken from a page
    (the services directory) are shown with this until a person has checked them."""

    evidence: str  # the page's own words the date rests on (a test finds them on the page)
    dated: str = ""  # the date the page gives itself, as it gives it; "" when it gives none
    mentions: str = ""  # an undated page: the newest date its text mentions, a hint of its age

    def __str__(self) -> str:
        if self.dated:
            return self.dated
        return f"no date given; it mentions {self.mentions}" if self.mentions else "no date given"


# Kept apart from SOURCE_TITLES: only the web pages (not our own references) have a page date.
PAGE_DATES: dict[str, PageDate] = {
    "000": PageDate(mentions="the 2018 inspection", evidence="Following our SEND area inspection (2018)"),
    "001": PageDate(mentions="April 2021", evidence="75 day nurseries throughout Luton (April 2021)"),
    "002": PageDate(mentions="May 2022", evidence="Two strategy refresh workshops were held in March and May 2022"),
    "003": PageDate(dated="2022", evidence="© 2022 Luton Council"),
    "004": PageDate(dated="last updated 10 January 2017", evidence="Last Updated: 10 January 2017"),
}


def dated_titles(*source_ids: str) -> str:
    """The pages named with their dates: 'Luton Council, "..." page (2022)'."""
    return " and ".join(f"{SOURCE_TITLES[sid]} ({PAGE_DATES[sid]})" for sid in source_ids)


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
    "Education Act 2002": "EA 2002",
    "Education and Inspections Act 2006": "EIA 2006",
    "Children Act 1989": "CA 1989",
    "Local Government Act 1974": "LGA 1974",
    "Social Security Contributions and Benefits Act 1992": "Social Security Contributions and Benefits Act 1992",
    "School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012":
        "School Discipline (Pupil Exclusions and Reviews) (England) Regs 2012",
}
