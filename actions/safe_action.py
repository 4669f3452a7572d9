"""Every custom action ends in a reply, and its work runs off the action server's event loop.

Off the loop: an action's work (reading a long story's situation, a database query) ran on the
action server's only event loop, so one long message held up every other conversation's action.
It runs in a worker thread of the message's lane (send_guide/work_lanes.py): short messages' actions
never wait behind long ones'.

Every custom action ends in a reply. An unexpected error (a date the engine cannot handle, a
database that is down) becomes a kind apology with a number to phone, never silence and never a
turn that fails the same way again: the action also says how to leave the conversation in a
state that can go on.
"""

import asyncio
import logging
from abc import ABC, abstractmethod
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from send_guide.fallback import something_went_wrong
from send_guide.log_safety import where
from send_guide.work_lanes import Lanes

logger = logging.getLogger(__name__)
_LANES = Lanes.named("action")


class SafeAction(Action, ABC):
    """The base of every action in this package: subclasses write `act`, never `run`.

    Abstract, so the action server (which registers every non-abstract Action subclass) skips it.
    """

    @abstractmethod
    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        """The action's work; `run` answers for it if it fails."""

    def recover(self, tracker: Tracker) -> List[EventType]:
        """Events that let the conversation go on after `act` failed; none by default."""
        return []

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[str, Any]) -> List[EventType]:
        lane = _LANES.for_text(tracker.latest_message.get("text") or "")
        try:
            return await asyncio.get_running_loop().run_in_executor(lane, self.act, dispatcher, tracker, domain)
        except Exception as error:  # noqa: BLE001 - any failure must still answer the family
            logger.error("Action %s failed: %s", self.name(), where(error))
            dispatcher.utter_message(text=something_went_wrong())
            return self.recover(tracker)
