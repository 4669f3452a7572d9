"""Print what the assistant reads in a message, and the reply it would give.

    python -m send_guide.situation "We asked the council in September and they said no last week..."
    python -m send_guide.situation --today 2026-12-01 < message.txt

For SENDIAS staff checking a family's e-mail, and for anyone debugging a reply. Nothing is stored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from send_guide.situation.explain import explain


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m send_guide.situation", description=__doc__.splitlines()[0])
    parser.add_argument("message", nargs="?", help="the message (read from standard input if left out)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="the day to count from (YYYY-MM-DD); default today")
    args = parser.parse_args(argv)
    text = args.message if args.message is not None else sys.stdin.read()
    print(explain(text, args.today))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
