"""The topics: one intent each, grouped for the menu, titled for buttons.

The catalogue lives in `content/topics.yml` so that content editors can change titles and
groups without touching code. Actions use it to build menus, fallback suggestions and
"tell me more" follow-ups. Most topics are the source pages' questions, answered by a response in
domain.yml. A situation topic ("situation: true", such as exclusions) is a situation of
`content/situations.yml` asked about as a question: its title, answer, "Tell me more" and sources
are the situation's own, so they are written once.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence

from send_guide.content_files import load_content

ROLES = ("parent", "young_person", "professional")
SHOW_ALL_TOPICS = "Show all topics"  # the button back to the menu
BACK_TO_ALL_TOPICS = "Back to all topics"
TALK_TO_PERSON = "Talk to a person"  # the words on every button that asks for Luton SENDIAS


@dataclass(frozen=True)
class Topic:
    intent: str
    title: str
    group: str
    source: str
    has_more: bool = False
    roles: tuple[str, ...] = field(default_factory=tuple)
    stage: str | None = None  # a situation topic: the situations.yml situation that answers it

    @property
    def situation(self) -> bool:
        """Answered by action_answer_situation from situations.yml, not by a domain.yml response."""
        return self.stage is not None

    @property
    def response(self) -> str:
        """The domain.yml response that answers an FAQ topic (a situation topic has none)."""
        return f"utter_{self.intent}"

    @property
    def more_response(self) -> str | None:
        return f"utter_more_{self.intent}" if self.has_more and not self.situation else None


@dataclass(frozen=True)
class Catalogue:
    groups: dict[str, str]
    topics: dict[str, Topic]

    def in_group(self, group: str) -> list[Topic]:
        return [topic for topic in self.topics.values() if topic.group == group]

    def get(self, intent: str | None) -> Topic | None:
        return self.topics.get(intent or "")

    def answered_by(self, stage: str) -> Topic | None:
        """The situation topic a situation of situations.yml answers, if it is one."""
        return next((topic for topic in self.topics.values() if topic.stage == stage), None)

    def suggestions(
        self, ranking: Iterable[tuple[str, float]], limit: int = 3, min_confidence: float = 0.05
    ) -> list[Topic]:
        """The most likely FAQ topics from an intent ranking, best first.

        Non-FAQ intents (greet, out_of_scope, ...) are skipped: offering "greet" as a topic
        to someone who was not understood would not help them.
        """
        picked: list[Topic] = []
        for intent, confidence in ranking:
            topic = self.topics.get(intent)
            if topic is None or confidence < min_confidence:
                continue
            picked.append(topic)
            if len(picked) == limit:
                break
        return picked

    def last_answered(self, intents: Sequence[str | None]) -> Topic | None:
        """The most recent FAQ topic in a conversation's user intents (oldest first)."""
        for intent in reversed(intents):
            topic = self.topics.get(intent or "")
            if topic is not None:
                return topic
        return None


def _situation_topic(intent: str, spec: dict) -> Topic:
    """`situation: true` names the situation of the same name; `situation: KEY` another one (an FAQ
    topic whose answer the situation's has taken over keeps its intent and training examples)."""
    from send_guide.situation.catalogue import catalogue as situations  # the situation package reads topics

    key = intent if spec["situation"] is True else str(spec["situation"])
    stage = situations().stage(key)
    if stage is None:
        raise ValueError(f"topics.yml: {intent} says situation: {spec['situation']}, "
                         "but situations.yml has no such situation")
    return Topic(intent=intent, title=stage.title, group=spec["group"], source=stage.sources[0],
                 has_more=bool(stage.more), stage=stage.key)


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    raw = load_content("topics.yml")
    topics = {
        intent: _situation_topic(intent, spec) if spec.get("situation") else Topic(
            intent=intent,
            title=spec["title"],
            group=spec["group"],
            source=str(spec["source"]),
            has_more=bool(spec.get("more", False)),
            roles=tuple(spec.get("roles", ())),
        )
        for intent, spec in raw["topics"].items()
    }
    return Catalogue(groups=dict(raw["groups"]), topics=topics)
