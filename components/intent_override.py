"""Shared step of the override components: make one intent the top prediction, certain, and keep
the rest of the ranking below it so fallbacks and logs still see what the classifier thought."""

from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from send_guide import intents

# Intents no override may replace: safety, and the message guard's own labels.
GUARDED_INTENTS = frozenset({intents.CRISIS, intents.EMPTY_MESSAGE, intents.UNREADABLE_MESSAGE})


def intent_confidence(message: Message) -> float:
    """How sure the classifiers were of the message's top intent (0 when none was given)."""
    return float((message.get(INTENT) or {}).get("confidence") or 0.0)


def promote_intent(message: Message, intent: str) -> None:
    top = {"name": intent, "confidence": 1.0}
    ranking = [top] + [entry for entry in message.get(INTENT_RANKING_KEY, []) if entry.get("name") != intent]
    message.set(INTENT, top, add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
