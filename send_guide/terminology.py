"""Build the spaCy pipeline that recognises SEND terms and roles, from `content/terms.yml`.

The pipeline is `spacy.blank("en")` plus an EntityRuler: no statistical model, so nothing is
downloaded at install or run time. Each match carries the term's id (e.g. "sendco" -> "senco"),
so the rest of the assistant deals in ids, never in spellings.

Usage: python -m send_guide.terminology OUTPUT_DIR
"""

import sys
from pathlib import Path
from typing import Any

from send_guide.content_files import load_content

TERM_LABEL = "term"
ROLE_LABEL = "user_role"  # "role" is a reserved key in Rasa entity dicts


def ruler_patterns() -> list[dict[str, Any]]:
    raw = load_content("terms.yml")
    patterns: list[dict[str, Any]] = []
    for label, section in ((TERM_LABEL, "terms"), (ROLE_LABEL, "roles")):
        for entity_id, spellings in raw[section].items():
            for spelling in sorted({s.lower() for s in spellings}):
                patterns.append({"label": label, "pattern": spelling, "id": entity_id})
    return patterns


def build_pipeline(output_dir: Path) -> None:
    import spacy  # imported here so the rest of the package does not need spaCy loaded

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(ruler_patterns())
    output_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output_dir)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m send_guide.terminology OUTPUT_DIR")
    build_pipeline(Path(sys.argv[1]))
    print(f"spaCy terminology pipeline written to {sys.argv[1]}")
