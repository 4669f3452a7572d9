"""Read the "Law:" line of an answer and the citations of the national fact sheet, for the tests.

An answer that states national law names it on one line before its "Source:" line:
    Law: Children and Families Act 2014, sections 36(1) and 24; SEND Code of Practice 2015, paragraph 9.8.
Each law is one of send_guide.sources.LAW_TAGS; each provision must be cited on the sheet
(shared/national-law.md), so an answer can only state law the sheet was checked for.
"""

import re
from typing import NamedTuple

from send_guide.sources import LAW_TAGS
from tests.project_files import ROOT

NATIONAL_LAW = ROOT.parent / "shared" / "national-law.md"
LAW_LINE = re.compile(r"\n\nLaw: (?P<laws>[^\n]+)\.\nSource: ")
KINDS = {"section": "s", "regulation": "reg", "rule": "r", "paragraph": "para"}
SHEET_PREFIX = re.compile(r"^(?P<prefix>ss?\.|regs? |r\.|paras? )")
SHEET_KIND = {"s.": "s", "ss.": "s", "reg ": "reg", "regs ": "reg", "r.": "r", "para ": "para", "paras ": "para"}
PROVISION = re.compile(r"^\d[\w().]*(?:–[\w().]+)?$")


class Citation(NamedTuple):
    tag: str  # the sheet's tag for the law, e.g. "CFA 2014"
    kind: str  # s, reg, r or para
    ref: str  # e.g. "36(1)"


def law_line(text: str) -> str | None:
    match = LAW_LINE.search(text)
    return match.group("laws") if match else None


def answer_citations(laws: str) -> list[Citation]:
    """The provisions an answer's Law line names; ValueError for a law or form the tests do not know."""
    citations = []
    for part in laws.split("; "):
        name, _, provisions = part.partition(", ")
        if name not in LAW_TAGS:
            raise ValueError(f"unknown law {name!r}: add it to send_guide.sources.LAW_TAGS")
        kind_word, _, refs = provisions.partition(" ")
        kind = KINDS.get(kind_word.rstrip("s"))
        if kind is None or not refs:
            raise ValueError(f"write {part!r} as 'Name, section 36(1)' (or regulation, rule, paragraph)")
        citations += [Citation(LAW_TAGS[name], kind, ref) for ref in re.split(r", | and ", refs)]
    return citations


def _expand(ref: str) -> list[str]:
    """'20(1)–(2)' -> 20(1), 20(2); '37(2)(e)–(f)' -> 37(2)(e), 37(2)(f); '508F–508G' -> 508F, 508G."""
    if "–" not in ref:
        return [ref]
    first, last = ref.split("–", 1)
    return [first, last if last[0].isdigit() else first[: first.rfind("(")] + last]


def sheet_citations(text: str) -> set[Citation]:
    """Every provision the sheet cites in its [brackets], under the tags of LAW_TAGS."""
    found: set[Citation] = set()
    tags = sorted(LAW_TAGS.values(), key=len, reverse=True)
    for bracket in re.findall(r"\[([^\]]+)\]", re.sub(r"\s+", " ", text)):
        for part in bracket.split(";"):
            part = part.strip()
            tag = next((tag for tag in tags if part.startswith(tag + " ")), None)
            if tag is None:
                continue
            kind = None
            for token in re.split(r",\s*|\s+and\s+", part[len(tag):].strip()):
                prefix = SHEET_PREFIX.match(token)
                if prefix:
                    kind, token = SHEET_KIND[prefix.group("prefix")], token[prefix.end():]
                token = token.split(" ")[0]
                if kind and PROVISION.match(token):
                    found.update(Citation(tag, kind, ref) for ref in _expand(token))
    return found


def on_sheet(citation: Citation, sheet: set[Citation]) -> bool:
    """Cited on the sheet as written, or more precisely ("section 20" when the sheet has s.20(1))."""
    return any(
        known.tag == citation.tag and known.kind == citation.kind
        and (known.ref == citation.ref or known.ref.startswith(citation.ref + "("))
        for known in sheet
    )
