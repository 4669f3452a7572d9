"""Service look-up: a thin adapter over send_guide.services (search, presentation)."""

from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.database import sessions
from actions.safe_action import SafeAction
from actions.tracker_helpers import intent_button
from send_guide import intents
from send_guide.services.presentation import as_card, as_text
from send_guide.services.records import ServiceRecord, categories
from send_guide.services.search import TOPIC_NEEDS, find_services, services_for_need
from send_guide.sources import source_line


def utter_services(dispatcher: CollectingDispatcher, services: List[ServiceRecord], intro: str) -> None:
    """The services as text (with their sources) plus the widget's contact cards."""
    sources = sorted({source for service in services for source in service.source})
    text = intro + "\n\n" + "\n\n".join(as_text(service) for service in services)
    # Wrapped in "data": Rasa's socket.io channel emits the json_message's keys as emit() arguments.
    cards = {"type": "service_cards", "services": [as_card(s) for s in services]}
    dispatcher.utter_message(text=text + "\n\n" + source_line(*sources), json_message={"data": cards})


def named_services(text: str) -> List[ServiceRecord]:
    """Services the text names outright ("penrose phone number"), for messages NLU was unsure of."""
    with sessions()() as session:
        return [match.service for match in find_services(session, text) if match.reason == "name"]


class ActionFindService(SafeAction):
    def name(self) -> str:
        return "action_find_service"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = tracker.latest_message.get("text") or ""
        category = next(iter(tracker.get_latest_entity_values("service_category")), None)
        with sessions()() as session:
            if intent in TOPIC_NEEDS:
                matches = services_for_need(session, TOPIC_NEEDS[intent])
            elif category:
                matches = services_for_need(session, category)
            else:
                matches = find_services(session, text)
        if not matches:
            dispatcher.utter_message(
                response="utter_no_service_found",
                buttons=[intent_button(cat.label, intents.FIND_SERVICE, service_category=cat.id)
                         for cat in categories().values()],
            )
            return []
        intro = "Services that can help:" if intent in TOPIC_NEEDS else "I found:"
        utter_services(dispatcher, [match.service for match in matches], intro)
        return []
