"""Every part a topic needs, in one list, and what each topic still lacks.

A topic is one line in send_guide/content/topics.yml, but the assistant answers it only when six
other files agree. `python -m tests.topic_parts` prints what is missing for every topic (nothing
when all is well); tests/unit/test_content.py fails on the same list. docs/ADDING_A_TOPIC.md walks
a content editor through the parts.
"""

from __future__ import annotations

import sys

from send_guide.content_files import CONTENT_DIR
from send_guide.sources import SOURCE_TITLES
from send_guide.topics import Topic, catalogue
from tests.project_files import domain, nlu_examples, read_yaml

MIN_EXAMPLES = 15  # training examples in data/nlu.yml
MIN_HELD_OUT = 5  # phrasings in tests/stories/test_held_out_phrasings.yml, never trained on
SITUATION_ACTION = "action_answer_situation"  # answers a situation topic from situations.yml
RULES = "data/rules.yml"
HELD_OUT = "tests/stories/test_held_out_phrasings.yml"
TOPICS = "send_guide/content/topics.yml"


def _answer_rules() -> set[tuple[str, str]]:
    """(intent, first action) of every rule that starts with a user intent."""
    pairs = set()
    for rule in read_yaml(RULES)["rules"]:
        steps = rule.get("steps") or []
        if len(steps) >= 2 and "intent" in steps[0] and "action" in steps[1] and not rule.get("condition"):
            pairs.add((steps[0]["intent"], steps[1]["action"]))
    return pairs


def _held_out_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for story in read_yaml(HELD_OUT)["stories"]:
        for step in story["steps"]:
            if "intent" in step:
                counts[step["intent"]] = counts.get(step["intent"], 0) + 1
    return counts


def _role_variants(variants: list[dict]) -> set[str]:
    return {cond["value"] for v in variants for cond in v.get("condition", []) if cond["name"] == "role"}


def missing_parts(topic: Topic) -> list[str]:
    """What the topic still lacks, each said with the file to add it to. A situation topic's answer,
    "Tell me more" and source are its situation's in situations.yml (checked by its own tests)."""
    missing = []
    if topic.intent not in domain()["intents"]:
        missing.append(f"domain.yml: {topic.intent} in the list of intents")
    answer = SITUATION_ACTION if topic.situation else topic.response
    if not topic.situation:
        missing += _missing_response_parts(topic)
    if (topic.intent, answer) not in _answer_rules():
        missing.append(f"{RULES}: a rule \"intent: {topic.intent}\" then \"action: {answer}\"")
    examples = len(nlu_examples().get(topic.intent, []))
    if examples < MIN_EXAMPLES:
        missing.append(f"data/nlu.yml: at least {MIN_EXAMPLES} examples of {topic.intent} (has {examples})")
    held_out = _held_out_counts().get(topic.intent, 0)
    if held_out < MIN_HELD_OUT:
        missing.append(f"{HELD_OUT}: at least {MIN_HELD_OUT} phrasings never trained on (has {held_out})")
    if topic.source not in SOURCE_TITLES:
        missing.append(f"{TOPICS}: source {topic.source!r} is not a source page (send_guide/sources.py)")
    return missing


def _missing_response_parts(topic: Topic) -> list[str]:
    """An FAQ topic's answer in domain.yml: the response, its role variants, its "Tell me more"."""
    responses, missing = domain()["responses"], []
    if topic.response not in responses:
        missing.append(f"domain.yml: the answer {topic.response}")
    elif _role_variants(responses[topic.response]) != set(topic.roles):
        missing.append(f"domain.yml: {topic.response} needs a variant for each role in {TOPICS} "
                       f"({', '.join(topic.roles) or 'none'}), and only those")
    more = f"utter_more_{topic.intent}"
    if topic.has_more != (more in responses):
        missing.append(f"domain.yml: {more} (the \"Tell me more\" text) only if {TOPICS} says more: true")
    return missing


def main() -> int:
    lacking = {topic.intent: missing_parts(topic) for topic in catalogue().topics.values()}
    lacking = {intent: parts for intent, parts in lacking.items() if parts}
    for intent, parts in lacking.items():
        print(f"{intent}:")
        print("\n".join(f"  - {part}" for part in parts))
    if not lacking:
        print(f"Every topic in {CONTENT_DIR.name}/topics.yml has all its parts.")
    return 1 if lacking else 0


if __name__ == "__main__":
    sys.exit(main())
