"""Understand each message in worker threads, so that one long message holds up no one else.

Rasa 3.6 runs the NLU pipeline inside its async message handling, on the server's only event
loop: while the e5 vector of one long message was worked out (seconds, for 300 words of Urdu),
no other conversation got an answer. `install()` replaces MessageProcessor.parse_message with a
version that awaits the same work in threads:

1. the message's sentence vector (unless it is a story in English), in a worker thread (the e5
   engine is C and releases the interpreter lock, so it runs beside the loop); it lands in the
   cache of send_guide/languages/embeddings.py;
2. then the whole pipeline, in another, where the featurizer finds the vector ready.

Short messages and long ones have threads of their own (send_guide/work_lanes.py), so a question
never waits behind someone's long messages: three people sending long ones again and again had put
another user's p95 at 556 ms (benchmarks/fairness.py). So a short and a long message may be parsed
at once; the pipeline's components keep no state between messages. The
installed method does what Rasa's own does after the parse (retrieval intent, unseen-feature
check). Installed from channels/__init__.py: Rasa imports the channels named in credentials.yml
at start-up, before the first message.
"""

from __future__ import annotations

import logging
from typing import Any, Dict

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.trackers import DialogueStateTracker

from send_guide.languages.embeddings import sentence_vector, too_long_for_a_vector
from send_guide.languages.identify import ENGLISH, identify_message
from send_guide.work_lanes import Lanes

logger = logging.getLogger(__name__)
_VECTOR_LANES = Lanes.named("sentence-vector")
_PIPELINE_LANES = Lanes.named("nlu-parse")
_INSTALLED = "_send_guide_parses_off_loop"


def _vector_if_wanted(text: str, metadata: object) -> None:
    if _wants_vector(text, metadata):
        sentence_vector(text)


def _wants_vector(text: str, metadata: object) -> bool:
    """Intent payloads ("/greet") need no vector: Rasa reads them without the classifiers. Nor
    does a story in English: its intent is read from its n-grams (components/sentence_embeddings.py)."""
    if not text or text.startswith("/"):
        return False
    return not too_long_for_a_vector(text) or identify_message(text, metadata).code != ENGLISH


async def parse_message(
    self: MessageProcessor,
    message: UserMessage,
    tracker: DialogueStateTracker | None = None,
    only_output_properties: bool = True,
) -> Dict[str, Any]:
    """MessageProcessor.parse_message with the pipeline run in worker threads."""
    if self.http_interpreter:  # NLU in another server: nothing runs here
        return await _ORIGINAL(self, message, tracker, only_output_properties)
    text = message.text or ""
    await _VECTOR_LANES.run(text, _vector_if_wanted, text, message.metadata)
    tracker = tracker or DialogueStateTracker.from_events(message.sender_id, [])
    parse_data = await _PIPELINE_LANES.run(
        text, self._parse_message_with_graph, message, tracker, only_output_properties)
    self._update_full_retrieval_intent(parse_data)
    self._check_for_unseen_features(parse_data)
    return parse_data


_ORIGINAL = MessageProcessor.parse_message


def install() -> None:
    """Replace Rasa's parse_message, once per process."""
    if getattr(MessageProcessor, _INSTALLED, False):
        return
    MessageProcessor.parse_message = parse_message
    setattr(MessageProcessor, _INSTALLED, True)
    logger.info("Messages are parsed in worker threads (channels/parse_off_loop.py).")


def installed() -> bool:
    return bool(getattr(MessageProcessor, _INSTALLED, False))
