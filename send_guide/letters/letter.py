"""One finished letter, as the letter engine hands it to the Word and PDF renderers.

The renderers only lay out what is here, so the same letter reads the same in every format,
and a renderer never needs to know how the letter was drafted. No Rasa import: this is domain code.
"""

import re
from dataclasses import dataclass, fields

# A gap the family still has to fill in, such as "[your e-mail address]".
GAP = re.compile(r"\[[^\[\]]+\]")


@dataclass(frozen=True)
class Letter:
    """A letter ready to lay out: every part is plain text, in the order it is printed.

    Frozen, so a renderer cannot change the letter another renderer (or the text output) shows.
    """

    kind: str
    title: str
    sender: tuple[str, ...]
    recipient: tuple[str, ...]
    date: str
    subject: str
    greeting: str
    paragraphs: tuple[str, ...]
    closing: tuple[str, ...]
    law: tuple[str, ...]
    footer: str

    def gaps(self) -> list[str]:
        """Every gap still left, in reading order, so the family can be told what to fill in before sending."""
        return [gap for text in self._texts() for gap in GAP.findall(text)]

    def file_stem(self) -> str:
        """A file name stem from the kind of letter only: a file name is seen by others, so it never carries a name."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.kind.lower()).strip("-")
        return f"letter-{slug}" if slug else "letter"

    def _texts(self) -> list[str]:
        """The text the reader sees, field by field in the order they are declared (the kind is an identifier)."""
        texts: list[str] = []
        for field in fields(self):
            if field.name == "kind":
                continue
            value = getattr(self, field.name)
            texts.extend(value if isinstance(value, tuple) else (value,))
        return texts
