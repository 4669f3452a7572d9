"""Read the project's Rasa files for the tests (plain YAML: the tests check what Rasa will load)."""

import copy
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from send_guide.contacts import fill_contacts

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "sources"
ANNOTATION = re.compile(r"\[([^\]]+)\]\{[^}]*\}")  # "[SENCO]{...}" in e2e test stories


APPLICATION_CODE = ("actions", "components", "channels", "send_guide", "web", "stores")


def parsed_code(folders: tuple[str, ...] = APPLICATION_CODE, leave_out: tuple[str, ...] = ()):
    """Each Python file of the folders (path from the repository root, parsed), for tests that look
    for a pattern or a literal the code should keep in one place."""
    import ast

    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative not in leave_out:
                yield relative, ast.parse(path.read_text(encoding="utf-8"))


def plain_text(user: str) -> str:
    """What a user typed in an e2e test story step, without its entity annotations."""
    return ANNOTATION.sub(r"\1", user)


def as_list(intents: str | list[str]) -> list[str]:
    """A question's topic, or the topics each of which answers it (tests/data/translated_questions.yml)."""
    return [intents] if isinstance(intents, str) else intents


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
