"""Staff command: print the timeline an event starts, as a table.

    python -m send_guide.deadlines request 2025-03-03
    python -m send_guide.deadlines decision 2025-04-01 --certificate 2025-05-20
    python -m send_guide.deadlines phase-transfer 2026-09-01 --transfer to-post16
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap

from send_guide.deadlines.rules import Certainty
from send_guide.deadlines.timeline import (
    Deadline,
    DeadlineError,
    Event,
    OrderKind,
    Timeline,
    TransferKind,
    deadlines_for,
    in_words,
)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from error


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m send_guide.deadlines", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("event", choices=[event.value for event in Event], help="what happened")
    parser.add_argument("date", type=_iso_date, help="the day it happened (YYYY-MM-DD)")
    parser.add_argument("--today", type=_iso_date, default=dt.date.today(), help="count days left from this date")
    parser.add_argument("--transfer", choices=[kind.value for kind in TransferKind],
                        help="kind of phase transfer (with phase-transfer; default: school)")
    parser.add_argument("--order", choices=[kind.value for kind in OrderKind],
                        help="what the tribunal ordered (with tribunal-order; default: make-plan)")
    parser.add_argument("--decision", type=_iso_date, help="decision letter date (with a certificate)")
    parser.add_argument("--certificate", type=_iso_date, help="mediation certificate date (with a decision)")
    parser.add_argument("--review-meeting", type=_iso_date, help="review meeting date (with amendments)")
    return parser.parse_args(argv)


def _source(deadline: Deadline) -> str:
    """The legal source, flagged where the reference only has a secondary or unsettled reading."""
    rule = deadline.rule
    return rule.source if rule.certainty is Certainty.CHECKED else f"{rule.source} ({rule.certainty.value})"


def render(timeline: Timeline, today: dt.date) -> str:
    """A plain-text table: rule, due date, status, duty and source, then the caveats once each."""
    header = ("rule", "due", "status", "what must happen", "source")
    rows = [(str(d.rule.number), f"{d.due:%a %d %b %Y}", d.status(today), d.sentence, _source(d))
            for d in timeline.deadlines]
    widths = [min(max(len(row[i]) for row in [header, *rows]), 60) for i in range(len(header))]
    lines = [f"{timeline.event.value} on {in_words(timeline.on)} (today: {in_words(today)})", ""]
    for row in [header, *rows]:
        cells = [textwrap.wrap(cell, widths[i]) or [""] for i, cell in enumerate(row)]
        for line_no in range(max(len(cell) for cell in cells)):
            lines.append("  ".join((cell[line_no] if line_no < len(cell) else "").ljust(widths[i])
                                   for i, cell in enumerate(cells)).rstrip())
        if row is header:
            lines.append("  ".join("-" * width for width in widths))
    caveats = list(dict.fromkeys([*timeline.notes, *(c for d in timeline.deadlines for c in d.caveats)]))
    if caveats:
        lines += ["", "Notes:"] + [textwrap.fill(c, 100, initial_indent="- ", subsequent_indent="  ")
                                   for c in caveats]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        timeline = deadlines_for(Event(args.event), args.date,
                                 transfer=TransferKind(args.transfer) if args.transfer else None,
                                 order=OrderKind(args.order) if args.order else None,
                                 decision=args.decision, certificate=args.certificate,
                                 review_meeting=args.review_meeting, today=args.today)
    except DeadlineError as error:
        print(error, file=sys.stderr)
        return 2
    print(render(timeline, args.today))
    return 0


if __name__ == "__main__":
    sys.exit(main())
