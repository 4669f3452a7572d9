"""Make a letter from the command line, for SENDIAS staff: the Word file, the PDF and the text.

    python -m send_guide.letters --list
    python -m send_guide.letters final-plan-late --child-name "Sam Khan" --request-date 2025-01-06 \\
        --your-name "A. Khan" --out letters/

Every detail is optional: a detail not given is a "[...]" gap in the letter. Dates are read as in
the chat ("6 January 2025", "06/01/2025", "2025-01-06"); the deadlines come from the deadline
engine, counted to today (or --today). Nothing is stored: the files are written where --out says.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from send_guide.letters.compose import SENDER_DETAILS, Answers, LetterInputError, compose
from send_guide.letters.kinds import WRITERS, all_kinds
from send_guide.letters.text import to_text


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def parser() -> argparse.ArgumentParser:
    kinds = all_kinds()
    details = sorted({detail.name for kind in kinds.values() for detail in kind.details} | set(SENDER_DETAILS))
    command = argparse.ArgumentParser(prog="python -m send_guide.letters", description=__doc__.split("\n")[0])
    command.add_argument("kind", nargs="?", choices=sorted(kinds), help="the kind of letter")
    command.add_argument("--list", action="store_true", help="list the kinds of letter and their details")
    command.add_argument("--writer", choices=WRITERS, default="parent",
                         help="who writes: the parent, or a young person (16-25) for themselves")
    command.add_argument("--today", type=dt.date.fromisoformat, default=None, help="the letter's date (YYYY-MM-DD)")
    command.add_argument("--out", type=Path, default=Path("."), help="the folder for the files")
    command.add_argument("--formats", default="docx,pdf,txt", help="any of docx, pdf, txt, separated by commas")
    for name in details:
        command.add_argument(_option(name), dest=name, metavar="TEXT")
    return command


def describe_kinds() -> str:
    lines = []
    for key, kind in all_kinds().items():
        lines.append(f"{key}: {kind.title}")
        lines += [f"    {_option(detail.name)}: {detail.ask}" for detail in kind.details]
    lines.append("Every letter also takes " + ", ".join(_option(name) for name in SENDER_DETAILS) + ".")
    return "\n".join(lines)


def write_files(kind: str, answers: Answers, today: dt.date, out: Path, formats: list[str]) -> list[Path]:
    letter = compose(kind, answers, today)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for form in formats:
        path = out / f"{letter.file_stem()}.{form}"
        if form == "txt":
            path.write_text(to_text(letter), encoding="utf-8")
        elif form == "docx":
            from send_guide.letters.word import to_docx

            path.write_bytes(to_docx(letter))
        elif form == "pdf":
            from send_guide.letters.pdf import to_pdf

            path.write_bytes(to_pdf(letter))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    command = parser()
    arguments = command.parse_args(argv)
    if arguments.list or not arguments.kind:
        print(describe_kinds())
        return 0
    kind = all_kinds()[arguments.kind]
    allowed = {detail.name for detail in kind.details} | set(SENDER_DETAILS)
    given = {name: value for name, value in vars(arguments).items()
             if name not in {"kind", "list", "writer", "today", "out", "formats"} and value is not None}
    extra = sorted(set(given) - allowed)
    if extra:
        command.error(f"{arguments.kind} does not use {', '.join(_option(name) for name in extra)}")
    formats = [form.strip() for form in arguments.formats.split(",") if form.strip()]
    unknown = sorted(set(formats) - {"docx", "pdf", "txt"})
    if unknown:
        command.error(f"unknown formats: {', '.join(unknown)}")
    try:
        paths = write_files(arguments.kind, Answers(given, arguments.writer), arguments.today or dt.date.today(),
                            arguments.out, formats)
    except LetterInputError as problem:
        print(problem, file=sys.stderr)
        return 2
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
