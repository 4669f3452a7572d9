"""A letter as plain text: shown in the chat to copy, and the third file the command line writes."""

from __future__ import annotations

from send_guide.letters.letter import Letter


def to_text(letter: Letter) -> str:
    blocks = [
        "\n".join(letter.sender),
        letter.date,
        "\n".join(letter.recipient),
        f"Subject: {letter.subject}",
        letter.greeting,
        *letter.paragraphs,
        "\n".join(letter.closing),
        "Law this letter relies on:\n" + "\n".join(f"- {line}" for line in letter.law),
        letter.footer,
    ]
    return "\n\n".join(block for block in blocks if block) + "\n"
