"""Actions that navigate the FAQ topics: the menu, fallback suggestions, "tell me more"."""

from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.feedback_actions import store
from actions.safe_action import SafeAction
from actions.service_actions import named_services, utter_services
from actions.situation_actions import send_more
from actions.tracker_helpers import first_entity, intent_button, intent_ranking, talk_to_person_button, user_intents
from send_guide import intents
from send_guide.situation import is_long_story
from send_guide.topics import BACK_TO_ALL_TOPICS, SHOW_ALL_TOPICS, catalogue
from send_guide.triage import feedback


class ActionShowMenu(SafeAction):
    """The topic menu for people who prefer to click: groups first, then a group's topics."""

    def name(self) -> str:
        return "action_show_menu"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        topics = catalogue()
        group = first_entity(tracker, "menu_group")
        if group in topics.groups:
            buttons = [intent_button(t.title, t.intent) for t in topics.in_group(group)]
            buttons.append(intent_button(BACK_TO_ALL_TOPICS, intents.SHOW_MENU))
            dispatcher.utter_message(response="utter_menu_group", group=topics.groups[group], buttons=buttons)
            return []
        buttons = [
            intent_button(title, intents.SHOW_MENU, menu_group=key) for key, title in topics.groups.items()
        ]
        buttons.append(talk_to_person_button())
        dispatcher.utter_message(response="utter_menu", buttons=buttons)
        return []


class ActionSuggestTopics(SafeAction):
    """NLU fallback: a service the message names, or else the two or three topics it most likely meant."""

    def name(self) -> str:
        return "action_suggest_topics"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        named = named_services(tracker.latest_message.get("text") or "")
        if named:  # "penrose phone number": a service named outright is answer enough
            utter_services(dispatcher, named, "I found:")
            return []
        # Kept (without names or numbers) so content editors see what people ask that has no answer.
        store(tracker.sender_id, feedback.UNANSWERED, False, tracker.latest_message.get("text") or "")
        suggestions = catalogue().suggestions(intent_ranking(tracker))
        buttons = [intent_button(t.title, t.intent) for t in suggestions]
        buttons.append(intent_button(SHOW_ALL_TOPICS, intents.SHOW_MENU))
        buttons.append(talk_to_person_button())
        text = tracker.latest_message.get("text") or ""
        if is_long_story(text):  # a story: a next step and a contact, not only "did you mean?"
            response = "utter_story_not_placed"
        elif suggestions:
            response = "utter_did_you_mean"
        else:  # utter_default carries the same two buttons itself (domain.yml); Rasa would add them twice
            dispatcher.utter_message(response="utter_default")
            return []
        dispatcher.utter_message(response=response, buttons=buttons)
        return []


class ActionTellMeMore(SafeAction):
    """Give the longer part of a topic: the one named by the button, else the last one asked."""

    def name(self) -> str:
        return "action_tell_me_more"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        topics = catalogue()
        topic = topics.get(first_entity(tracker, "topic")) or topics.last_answered(
            user_intents(tracker)
        )
        if topic is None:
            dispatcher.utter_message(response="utter_more_which_topic")
            return []
        if topic.situation:
            send_more(dispatcher, topic.stage)
        elif topic.more_response:
            dispatcher.utter_message(response=topic.more_response)
        else:
            dispatcher.utter_message(response="utter_no_more", topic=topic.title)
        return []


class ActionAcknowledgeRole(SafeAction):
    """Thank the user for saying who they are; re-answer the last question if its answer
    differs for that role (the role slot is already set by its entity mapping)."""

    def name(self) -> str:
        return "action_acknowledge_role"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        role = tracker.get_slot("role")
        if role not in ("parent", "young_person", "professional"):
            dispatcher.utter_message(response="utter_ask_role")
            return []
        dispatcher.utter_message(response=f"utter_role_{role}")
        previous = catalogue().last_answered(user_intents(tracker)[:-1])
        if previous is not None and role in previous.roles:  # the answer is different for this role
            dispatcher.utter_message(response=previous.response)
        return []
