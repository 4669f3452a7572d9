"""What a user who wrote in another language receives in one turn.

First, a pre-written message in her language (send_guide/languages/replies.py): "we understood;
the answer follows in English; your browser can translate it; phone SENDIAS", or "we did not
understand", or, when a translation service is configured and works, "a computer translated
this", each with a "not yet checked by a fluent speaker" line while its file is a draft.
Then each answer message: translated, or in English if there is no service or it failed
(after one failure in a turn the rest of the turn stays in English rather than wait again).
Every message says its language and direction, so the page can mark it up for screen readers
and browser translation. No Rasa import: the channels hand each outgoing message to `render`.

An action can mark a message as never to be translated (`KEEP_IN_ENGLISH`: a letter for the
council) or send a pre-written message itself (`PREWRITTEN`: the notice before a letter, in the
language the family used during the letter form, whatever language her last "yes" was read as).
"""

from __future__ import annotations

from typing import Any

from send_guide.languages.identify import ENGLISH, Identified
from send_guide.languages.replies import (
    ANSWER_FOLLOWS,
    CRISIS_FOLLOWS,
    MACHINE_TRANSLATED,
    NOT_UNDERSTOOD,
    LanguageMessages,
    language_messages,
    messages_for,
)
from send_guide.translation.backends import TranslationFailed, Translator

# Responses that mean "I did not understand" (domain.yml), whatever action sent them.
NOT_UNDERSTOOD_RESPONSES = frozenset(
    {"utter_default", "utter_did_you_mean", "utter_empty_message", "utter_unreadable_message"}
)
# Crisis contacts come before anything else, even the language notice, and never wait for a
# translation service: the numbers are digits, readable in any language.
CRISIS_RESPONSES = frozenset({"utter_crisis"})
ENGLISH_TAGS = {"lang": ENGLISH, "dir": "ltr"}
KEEP_IN_ENGLISH = "keep_in_english"  # a message key: send this message in English, never translated
PREWRITTEN = "prewritten_language"  # a message key: this text is a pre-written message in that language
Message = dict[str, Any]


def tags_without_turn(message: Message) -> Message:
    """The language tags of a message in a turn read as English: its own, for a pre-written one."""
    messages = messages_for(message[PREWRITTEN]) if message.get(PREWRITTEN) else None
    return ENGLISH_TAGS if messages is None else _tags(messages)


def _tags(messages: LanguageMessages) -> Message:
    """How a message in that language is marked for the page: its language code and direction."""
    return {"lang": messages.code, "dir": messages.direction}


def needs_language_turn(identified: Identified) -> bool:
    return identified.code != ENGLISH and language_messages(identified.code) is not None


class LanguageTurn:
    def __init__(self, identified: Identified, translator: Translator | None) -> None:
        romanised = identified.reason == "romanised"
        messages = language_messages(identified.code, romanised=romanised)
        if messages is None:
            raise ValueError(f"no content file for language {identified.code!r}")
        self.language: LanguageMessages = messages
        self.target = identified.code
        # Services translate into the language's usual script; someone who types Urdu in Latin
        # letters gets the Latin-letter notice and the English answer instead.
        self._translator = None if romanised else translator
        self._notice_sent = False

    @property
    def tags(self) -> Message:
        return _tags(self.language)

    async def render(self, message: Message) -> list[Message]:
        """The messages to send in place of one English answer message, in order."""
        if message.get(PREWRITTEN):  # already the notice, in its language: it stands for this turn's
            self._notice_sent = True
            return [{**message, **tags_without_turn(message)}]
        crisis = message.get("utter_action") in CRISIS_RESPONSES
        keep = crisis or bool(message.get(KEEP_IN_ENGLISH))
        translated = None if keep else await self._translated(message)
        if translated is not None:
            answer = {**translated, **self.tags, "machine_translated": True}
        else:
            answer = {**message, **ENGLISH_TAGS}
        if self._notice_sent:
            return [answer]
        self._notice_sent = True
        notice = {"text": self.language.notice(self._notice_kind(message, translated)), **self.tags}
        return [answer, notice] if crisis else [notice, answer]

    @staticmethod
    def _notice_kind(message: Message, translated: Message | None) -> str:
        if message.get("utter_action") in CRISIS_RESPONSES:
            return CRISIS_FOLLOWS
        if message.get("utter_action") in NOT_UNDERSTOOD_RESPONSES:
            return NOT_UNDERSTOOD
        return MACHINE_TRANSLATED if translated is not None else ANSWER_FOLLOWS

    async def _translated(self, message: Message) -> Message | None:
        if self._translator is None or not message.get("text"):
            return None
        buttons = list(message.get("buttons") or [])
        titles = [str(button.get("title", "")) for button in buttons]
        try:
            text, *new_titles = await self._translator.translate([message["text"], *titles], self.target)
        except TranslationFailed:
            self._translator = None
            return None
        result = {**message, "text": text}
        if buttons:
            result["buttons"] = [{**button, "title": title} for button, title in zip(buttons, new_titles, strict=True)]
        return result
