"""Read the project's Rasa files for the tests (plain YAML: the tests check what Rasa will load)."""

import copy
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from send_guide.contacts import fill_contacts

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "sources"


@cache
def read_yaml(relative: str) -> Any:
    with (ROOT / relative).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def domain() -> dict:
    """domain.yml with each response's {contact_<key>} filled in, as the assistant's NLG fills it
    (nlg/contact_responses.py): what the tests check is what families read."""
    filled = copy.deepcopy(read_yaml("domain.yml"))
    for variants in filled["responses"].values():
        for variant in variants:
            if isinstance(variant.get("text"), str):
                variant["text"] = fill_contacts(variant["text"])
    return filled


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
