"""Reading an event and its date from what a person typed ("the decision letter is dated
10/01/2025", "we asked for an assessment on 3rd March", "two weeks ago").

Explicit dates are located and checked here, so an impossible date (31/02/2025) is reported as
impossible rather than silently missed; relative dates ("last Tuesday", "two weeks ago") are left
to `dateparser`. Dates are read day-first, as people in the UK write them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

import dateparser

from send_guide.deadlines.timeline import Event, OrderKind, TransferKind

Date = dt.date

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|\d{2})"

NUMERIC = re.compile(r"\b(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-]" + _YEAR + r"\b")
ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")
DAY_MONTH = re.compile(_DAY + r"\s*(?:of\s+)?(?P<month>" + _MONTH + r")\b\.?,?(?:\s+" + _YEAR + r"\b)?", re.I)
MONTH_DAY = re.compile(r"\b(?P<month>" + _MONTH + r")\.?\s+" + _DAY + r"\b,?(?:\s+" + _YEAR + r"\b)?", re.I)
_MONTH_YEAR = re.compile(r"\b(?:" + _MONTH + r")\.?\s+20\d\d\b", re.I)
MONTH_ONLY = re.compile(r"\b(?:in|during|of|early|late|mid|end of|start of)\s+(?P<month>" + _MONTH + r")\b", re.I)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_NUMBER_WORDS = r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
RELATIVE = re.compile(
    r"\b(?:today|yesterday|tomorrow"
    r"|(?:" + _NUMBER_WORDS + r")\s+(?:day|week|month|year)s?\s+ago"
    r"|(?:a|one|two)\s+fortnights?\s+ago"
    r"|(?:in|after)\s+(?:" + _NUMBER_WORDS + r")\s+(?:day|week|month)s?)\b",
    re.I,
)
WEEKDAY = re.compile(r"\b(?P<which>last|this|next|on|since)\s+(?:the\s+)?(?P<weekday>" + _WEEKDAY + r")\b", re.I)
VAGUE = re.compile(r"\b(?:last|this|next)\s+(?:week|month|year|term)\b|\b(?:a\s+)?(?:few|couple of)\s+"
                   r"(?:days|weeks|months)\s+ago\b", re.I)


class DateProblem(Enum):
    NONE_FOUND = "none"
    IMPOSSIBLE = "impossible"  # 31/02/2025, 13/13/2025
    VAGUE = "vague"  # "in March", "last week": no single day


@dataclass(frozen=True)
class DateReading:
    value: Date | None
    text: str = ""  # the words the date was read from, to echo back
    problem: DateProblem | None = None

    @property
    def ok(self) -> bool:
        return self.value is not None


def month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation ("sept", "Sep."), else None."""
    return _MONTHS.get(name.lower().rstrip("."))


# A year this far from today cannot be meant ("1/10/9999", "1/1/0001"): it is an impossible date,
# answered like 31/02. Nearer years reach the deadline engine, which says why in words (before
# EHC plans began, years ahead), and no date read here can run past the calendar's end there.
YEARS_EITHER_SIDE = 100


def _full_year(text: str | None) -> int | None:
    """"25" is 2025; four digits are taken as written ("0001" is the year 1, not 2001)."""
    if text is None:
        return None
    return int(text) + 2000 if len(text) == 2 else int(text)


def not_a_real_date(text: str) -> str:
    """What the conversations say about an impossible date (31/02/2025, 1/10/9999)."""
    return f'"{text}" is not a real date. Please check the day, month and year and type it again.'


def _nearest_year(day: int, month: int, today: Date, prefer_future: bool) -> Date | None:
    """A day and month with no year: the nearest one on the expected side of today."""
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(Date(year, month, day))
        except ValueError:
            continue
    if prefer_future:
        ahead = [c for c in candidates if c >= today]
        return min(ahead) if ahead else None
    behind = [c for c in candidates if c <= today]
    return max(behind) if behind else None


def _explicit(match: re.Match[str], today: Date, prefer_future: bool) -> DateReading:
    parts = match.groupdict()
    month_text = parts["month"]
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower().rstrip(".")]
    day = int(parts["day"])
    year = _full_year(parts.get("year"))
    text = match.group(0).strip(" ,.")
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return DateReading(None, text, DateProblem.IMPOSSIBLE)
    if year is None:
        # 29 February with no year is possible in some year; any other day must exist in the month.
        if day > calendar.monthrange(2024, month)[1]:
            return DateReading(None, text, DateProblem.IMPOSSIBLE)
        value = _nearest_year(day, month, today, prefer_future)
        return DateReading(value, text, None if value else DateProblem.IMPOSSIBLE)
    try:
        return DateReading(Date(year, month, day), text)
    except ValueError:
        return DateReading(None, text, DateProblem.IMPOSSIBLE)


def _weekday(match: re.Match[str], today: Date, prefer_future: bool) -> Date:
    """"last Tuesday" is the most recent Tuesday before today; "next Tuesday" the first after it;
    "on Tuesday" and "this Tuesday" the nearest one on the expected side of today."""
    target = next(i for i, name in enumerate(calendar.day_name)
                  if name.lower().startswith(match["weekday"].lower()[:3]))
    which = match["which"].lower()
    forward = which == "next" or (which in {"on", "this"} and prefer_future)
    step = dt.timedelta(days=1 if forward else -1)
    day = today + step
    while day.weekday() != target:
        day += step
    return day


def read_date(text: str, today: Date, *, prefer_future: bool = False) -> DateReading:
    """The first date in `text`, or why there is none.

    `prefer_future` decides the year when none is given: a meeting "on 4 December" is the next
    one, a letter "dated 4 December" the last one.
    """
    found = _first_date(text, today, prefer_future)
    if found.value is not None and abs(found.value.year - today.year) >= YEARS_EITHER_SIDE:
        return DateReading(None, found.text, DateProblem.IMPOSSIBLE)
    return found


def _first_date(text: str, today: Date, prefer_future: bool) -> DateReading:
    for pattern in (ISO, NUMERIC, DAY_MONTH, MONTH_DAY):
        match = pattern.search(text)
        if match:
            return _explicit(match, today, prefer_future)
    match = WEEKDAY.search(text)
    if match:
        return DateReading(_weekday(match, today, prefer_future), match.group(0))
    match = RELATIVE.search(text)
    if match:
        phrase = re.sub(r"\bfortnights?\b", "2 weeks", match.group(0), flags=re.I)
        phrase = re.sub(r"^on\s+", "", phrase, flags=re.I)
        base = dt.datetime.combine(today, dt.time(12))
        try:
            parsed = dateparser.parse(phrase, languages=["en"], settings={
                "DATE_ORDER": "DMY", "RELATIVE_BASE": base,
                "PREFER_DATES_FROM": "future" if prefer_future else "past"})
        except (OverflowError, ValueError):  # "in 99999999 days": past the calendar's end
            return DateReading(None, match.group(0), DateProblem.IMPOSSIBLE)
        if parsed is not None:
            return DateReading(parsed.date(), match.group(0))
    for pattern in (MONTH_ONLY, VAGUE):
        match = pattern.search(text)
        if match:
            return DateReading(None, match.group(0), DateProblem.VAGUE)
    return DateReading(None, "", DateProblem.NONE_FOUND)


# --- what happened ---------------------------------------------------------------------------

# Most specific first: "the tribunal ordered the council to amend the plan" is an order, not an
# amendment; "they refused the assessment we asked for" is a decision, not a request.
_EVENT_PATTERNS: tuple[tuple[Event, str], ...] = (
    (Event.CERTIFICATE, r"certificate"),
    (Event.MEDIATION_DECLINED, r"(?:don'?t|do not|didn'?t|did not)\s+want\s+(?:to\s+(?:do|have|try)\s+)?mediation"
                               r"|(?:declined|refused|turned down|said no to)\s+mediation|no mediation"),
    (Event.MEDIATION_ENDED, r"mediation\s+(?:ended|finished|is over|was over|took place|was held|happened)"
                            r"|after\s+(?:the\s+)?mediation|had\s+(?:the\s+)?mediation"),
    (Event.MEDIATION_REQUESTED, r"(?:want|wanted|asked for|requested|agreed to|chose)\s+(?:to\s+(?:do|have)\s+)?"
                                r"mediation"),
    (Event.TRIBUNAL_ORDER, r"tribunal\s+(?:order|ordered|decided|decision|ruled|said|told)"
                           r"|won\s+(?:the|our|my)\s+(?:appeal|tribunal|case)|order from the tribunal"),
    (Event.DRAFT_PLAN, r"draft"),
    (Event.AMENDMENTS, r"proposed\s+(?:amendments|changes)|amendment\s+(?:notice|letter)"),
    (Event.REVIEW_MEETING, r"review\s+meeting|annual\s+review\s+(?:is|was|on|meeting|will)|review\s+(?:is|was)\s+on"),
    (Event.REASSESSMENT, r"re-?assess"),
    (Event.CEASE, r"\bcease|stop(?:ping)?\s+(?:the|his|her|their|my\s+\w+'?s?)\s+(?:ehc\s*)?plan"
                  r"|\bend(?:ing)?\s+(?:the|his|her|their)\s+(?:ehc\s*)?plan"),
    (Event.PLAN_MADE, r"(?:plan|ehcp)\s+(?:was\s+)?(?:made|issued|finali[sz]ed|signed|started|dated)"
                      # "my daughter's final EHCP came in July 2025", "the final plan arrived on ..."
                      r"|final\s+(?:ehc\s*)?(?:plan|ehcp)\s+(?:was\s+)?(?:came|arrived|sent|issued)"
                      # not "should have had the final plan", "haven't received the plan", "never got a plan"
                      r"|(?<!should\shave\s)(?<!should\swe\shave\s)(?<!should\si\shave\s)(?<!should've\s)(?<!would\shave\s)(?<!n't\s)(?<!not\s)(?<!never\s)"
                      r"(?<!yet\s)(?:got|received|had)\s+(?:the|our|his|her|an?)\s+(?:final\s+)?(?:ehc\s*)?plan\b"
                      r"|last\s+review(?:ed)?"),
    (Event.MOVE, r"mov(?:e|ed|ing)\s+(?:house|area|to another|to a new|to a different|from)"
                 r"|new\s+(?:council|local authority|area)|another\s+(?:council|local authority)"),
    (Event.PHASE_TRANSFER, r"transfer|phase|(?:year|yr)\s*(?:2|6|9|11)\b|mov(?:e|es|ing)\s+(?:up\s+)?to\s+"
                           r"(?:secondary|primary|junior|college|sixth form|high school|reception|post-?16)"
                           r"|start(?:s|ing)?\s+(?:at\s+)?(?:secondary|college|sixth form|high school|reception)"),
    (Event.DECISION, r"refus|turned\s+down|said\s+no|decided\s+not|won'?t\s+(?:assess|issue|do)|will not"
                     r"|decision\s+letter|letter\s+(?:is|was)\s+dated|letter\s+came|appeal"),
    (Event.ADVICE_REQUESTED, r"asked\s+(?:for\s+)?(?:\w+\s+){0,3}advice|advice\s+(?:was\s+)?requested"),
    (Event.REQUEST, r"request|applied|application|asked\s+(?:for|the council)|sent\s+(?:in\s+)?(?:the\s+)?"
                    r"(?:form|letter)"),
    # Weak words, last: they also appear in general questions ("how do I apply for an assessment?").
    (Event.REQUEST, r"apply|assessment"),
    (Event.DECISION, r"decision|decided"),
)
_COMPILED = tuple((event, re.compile(pattern, re.I)) for event, pattern in _EVENT_PATTERNS)
_DENIED = re.compile(r"\bnot\s+(?:a|an|the)\s+\w+(?:\s+(?:plan|letter|meeting|notice))?", re.I)
_NOT_AN_EVENT_DATE = re.compile(r"\b(?:born|birthday|date of birth|dob|aged?|years? old)\b", re.I)
_CORRECTION = re.compile(r"\b(?:wrong|correct(?:ion)?|meant|mistake|actually|sorry|not right|should be)\b"
                         r"|^\W*no\b", re.I)

_TRANSFER_PATTERNS = (
    (TransferKind.POST16_TO_POST16, r"(?:college|sixth form|post-?16)\s+to\s+(?:another\s+)?(?:college|sixth form|"
                                    r"post-?16|university|apprenticeship)|between\s+colleges"),
    (TransferKind.TO_POST16, r"(?:year|yr)\s*11|college|sixth form|post-?16|secondary\s+to\s+(?:college|sixth)"),
    (TransferKind.SCHOOL, r"secondary|primary|junior|infant|reception|nursery|high school|(?:year|yr)\s*(?:2|6|9)\b"
                          r"|start(?:s|ing)?\s+school|school stage|moving up"),
)
_ORDER_PATTERNS = (
    (OrderKind.SCHOOL_NAME, r"(?:name|change)\s+(?:the\s+)?school|school\s+only|section\s*i\b|placement"),
    (OrderKind.ASSESS, r"\bassess"),
    (OrderKind.AMEND, r"amend|change\s+(?:the\s+)?plan"),
    (OrderKind.MAKE_PLAN, r"make\s+(?:a|the)\s+plan|issue\s+(?:a|the)\s+plan|write\s+(?:a|the)\s+plan"),
)


def read_event(text: str, *, strong_only: bool = False) -> Event | None:
    """The event the text describes. `strong_only` skips the catch-all words ("assessment",
    "decision") that also appear in general questions."""
    patterns = _COMPILED[:-2] if strong_only else _COMPILED
    text = _DENIED.sub(" ", text)  # "the decision letter, not the draft": the draft is not the event
    for event, pattern in patterns:
        if pattern.search(text):
            return event
    return None


# "... and they wrote back on 14 April saying they will assess": a reply, whose date is not the date of
# what the rest of the sentence tells ("we sent the request on 3 March").
_A_REPLY = re.compile(r"\b(?:wrote\s+back|replied|responded|got\s+back\s+to|answered|(?:agreed|decided)\s+to\s+assess"
                      r"|(?:will|would|are\s+going\s+to)\s+(?:carry\s+out\s+(?:an?\s+|the\s+)?)?assess)\b", re.I)


def tells_of_a_reply(text: str) -> bool:
    """True for a clause about the other side's answer: it does not take its sentence's event."""
    return bool(_A_REPLY.search(text))


def mentions_birth_or_age(text: str) -> bool:
    return bool(_NOT_AN_EVENT_DATE.search(text))


def is_date_correction(text: str, today: Date | None = None) -> bool:
    """True for "no, it was the 6th of October": a correction that gives a new date."""
    if not _CORRECTION.search(text) or mentions_birth_or_age(text):
        return False
    found = read_date(text, today or Date.today())
    return found.ok or found.problem is DateProblem.IMPOSSIBLE


_TIME_QUESTION = re.compile(
    r"\b(?:deadline|time ?limit|how long|how many (?:weeks|days|months)|last (?:day|date)|by when|"
    r"when (?:do|does|should|must|will|can|is|are)|(?:too )?late to|still in time|in time to|what date|"
    r"how much time|work out (?:the|my|our) (?:dates?|deadlines?))\b", re.I)


def asks_about_time(text: str) -> bool:
    """True when the person asks about a date or a time limit ("when is the last day to appeal?")."""
    return bool(_TIME_QUESTION.search(text))


def is_deadline_question(text: str, today: Date | None = None) -> bool:
    """True for messages that name an EHC event and give its exact date ("we got the decision
    letter on 3/12/2026"), so they can go straight to the deadline calculation, and for those
    that ask about a time limit. A vague date told in passing ("they said no last week") is not
    a question about dates: the deadline form is offered then, never forced."""
    if mentions_birth_or_age(text) or read_event(text, strong_only=True) is None:
        return False
    found = read_date(text, today or Date.today())
    if found.problem is DateProblem.NONE_FOUND:
        return False
    # An impossible date counts: the form explains it. A vague one only when dates were asked
    # about, or for a school move, where a month and year ("September 2026") is all it needs.
    return (found.problem is not DateProblem.VAGUE or asks_about_time(text)
            or (read_event(text, strong_only=True) is Event.PHASE_TRANSFER and bool(_MONTH_YEAR.search(text))))


def read_transfer_kind(text: str) -> TransferKind | None:
    return next((kind for kind, pattern in _TRANSFER_PATTERNS if re.search(pattern, text, re.I)), None)


def read_order_kind(text: str) -> OrderKind | None:
    return next((kind for kind, pattern in _ORDER_PATTERNS if re.search(pattern, text, re.I)), None)


# Events whose date people give before it happens (a meeting next month, a move in September).
FUTURE_EVENTS = frozenset({Event.REVIEW_MEETING, Event.PHASE_TRANSFER})
