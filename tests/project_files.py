"""Read the project's Rasa files for the tests (plain YAML: the tests check what Rasa will load)."""

from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "sources"


@cache
def read_yaml(relative: str) -> Any:
    with (ROOT / relative).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def domain() -> dict:
    return read_yaml("domain.yml")


def nlu_examples() -> dict[str, list[str]]:
    """Training examples per intent, from every NLU file under data/."""
    examples: dict[str, list[str]] = {}
    for path in sorted((ROOT / "data").glob("*.yml")):
        for block in read_yaml(str(path.relative_to(ROOT))).get("nlu") or []:
            if "intent" in block:
                lines = [line[2:].strip() for line in block["examples"].splitlines() if line.startswith("- ")]
                examples.setdefault(block["intent"], []).extend(lines)
    return examples


def response_texts(name: str) -> list[str]:
    return [variant.get("text", "") for variant in domain()["responses"].get(name, [])]
