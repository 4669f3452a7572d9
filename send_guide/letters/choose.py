"""Which letter a message asks for ("help me write a letter about the late EHC plan"), so the
form can start at the right letter; None when the message does not say (the form then offers all)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from send_guide.deadlines.dialogue import DeadlineState, main_deadline, timeline_of
from send_guide.languages.letter_forms import one_form
from send_guide.languages.replies import letter_patterns

LETTER_OFFER = "Help me write a letter"  # the button that starts the letter form at a chosen letter

# Most specific first: "a letter to the head teacher about a part-time timetable" is not a review.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((key, re.compile(pattern, re.I)) for key, pattern in (
    ("sent-home-early", r"sent\s+home|send(?:s|ing)?\s+(?:him|her|them|my\s+\w+)\s+home|part[-\s]?time|"
                        r"reduced\s+(?:timetable|hours)|head\s*teacher|informal\s+exclusion|"
                        r"(?:pick|collect)\s+(?:him|her|them)\s+up|(?:pick|collect)\s+up\s+(?:my|our)\s+\w+|"
                        r"only\s+(?:come|attend|go)\s+(?:in\s+)?(?:the\s+)?mornings?|mornings?\s+only|half\s+days?"),
    ("transport-review", r"transport|travel|taxi|\bbus\b|school\s+run"),
    ("mediation-certificate", r"mediation|certificate"),
    ("draft-plan-comments", r"\bdraft\b"),
    ("amended-plan-late", r"(?:amended|changed)\s+plan|proposed\s+(?:changes|amendments)|amendments?"),
    ("review-decision-late", r"(?:annual\s+)?review\b[^.?!]{0,60}\b(?:no|not|never|still)\b[^.?!]{0,30}\b"
                             r"(?:decision|decided|heard)|no\s+decision\s+(?:after|since)\s+(?:the\s+)?(?:annual\s+)?review"),
    ("no-decision-6-weeks", r"\b(?:6|six)\s+weeks?\b|no\s+decision|not\s+(?:yet\s+)?decided|haven'?t\s+decided"),
    ("final-plan-late", r"\b(?:20|twenty)\s+weeks?\b|\blate\b|overdue|final\s+plan|still\s+waiting|"
                        r"(?:still\s+)?(?:no|not\s+(?:got|had|received)\s+(?:the|a|any))\s+(?:ehc\s*)?plan\b"),
    ("provision-not-delivered", r"(?:not|isn'?t|aren'?t)\s+(?:being\s+)?(?:giv(?:en|ing)|deliver(?:ed|ing)|"
                                r"provid(?:ed|ing)|follow(?:ed|ing)|getting)|missing|no\s+(?:speech|therapy)|"
                                r"(?:not|hasn'?t|haven'?t|has\s+not|have\s+not)\s+(?:yet\s+|even\s+)?(?:started|begun)"),
    ("early-review", r"early\s+review|\breview\b"),
    ("assessment-request", r"assess|ask\s+for\s+an?\s+ehc|request\s+an?\s+ehc|apply\s+for\s+an?\s+ehc"),
))


# "help me write a letter", "can you draft a letter to the council", "is there a template letter":
# the person asks for a letter to be written, not about a letter they got.
# "can you help me write to them?", "how do I write to the council?": a letter without the word.
_ASKS_FOR_LETTER = re.compile(
    r"\b(?:write|writing|draft|make|prepare|put\s+together|template)\b[^.?!]{0,60}\bletters?\b|"
    r"\bletters?\b[^.?!]{0,30}\b(?:template|to\s+send|i\s+(?:can|could)\s+send)\b|"
    r"\b(?:help\s+(?:me\s+)?(?:to\s+)?|how\s+(?:do|should|can|could)\s+i\s+|what\s+(?:do|should)\s+i\s+)"
    r"write\s+(?:to|an?\s+e-?mail\s+to)\b", re.I)


@cache
def _asks_in_other_languages() -> re.Pattern[str]:
    """Each language file's ways of asking (send_guide/content/languages/*.yml, letter_patterns)."""
    return re.compile("|".join(f"(?:{one_form(pattern)})" for pattern in letter_patterns()), re.I)


def asks_for_a_letter(text: str) -> bool:
    """The message asks for a letter to be written, in English or in a language with a content file."""
    return bool(_ASKS_FOR_LETTER.search(text or "") or _asks_in_other_languages().search(one_form(text or "")))


def kind_for_text(text: str) -> str | None:
    for key, pattern in _KINDS:
        if pattern.search(text or ""):
            return key
    return None


# The letter that fits a deadline answer: the council late with its decision or the final plan, the
# family's comments on a draft plan still to send, or the mediation certificate while an appeal is in time.
_AFTER_DEADLINE = {"decide_to_assess": ("no-decision-6-weeks", True), "final_plan": ("final-plan-late", True),
                   "draft_plan_comments": ("draft-plan-comments", False),
                   "review_decision": ("review-decision-late", True), "amended_plan": ("amended-plan-late", True),
                   # in time to appeal: the certificate an appeal needs, from the mediation adviser
                   "appeal": ("mediation-certificate", False),
                   "contact_mediation_adviser": ("mediation-certificate", False)}


def letter_after_deadline(rule_key: str, passed: bool) -> str | None:
    """The letter to offer under a deadline answer, or None: a letter about a late council only
    once its date has passed, the comments on a draft only while there is still time."""
    kind, wants_passed = _AFTER_DEADLINE.get(rule_key, (None, False))
    return kind if kind and passed == wants_passed else None


def letter_after_answer(state: DeadlineState, today: dt.date) -> str | None:
    """The letter to offer under the deadline form's answer, from the deadline the answer gives."""
    main = main_deadline(state, timeline_of(state, today), today)
    return letter_after_deadline(main.rule.key, main.due < today)


def dates_of_answer(state: DeadlineState) -> dict[str, str]:
    """The deadline form's event and day ({"request": "2025-01-06"}), for a letter started from its answer."""
    return {state.event: state.date} if state.event and state.date else {}
