"""Greeting, help menu, goodbye and fallback actions."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.regulations import region_hint
from actions.runtime import now, profile_for
from bot import conversation
from knowledge import answers

USER_TYPE_SLOT = "jenis_pengguna"  # penyedia or pejabat, as the user said


class ActionGreet(Action):
    def name(self) -> str:
        return "action_greet"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        profile = await profile_for(tracker.sender_id)
        returning = bool(tracker.get_slot("sudah_disapa"))
        dispatcher.utter_message(text=conversation.greeting(now(), profile, returning))
        return [SlotSet("sudah_disapa", True)]


class ActionHelp(Action):
    def name(self) -> str:
        return "action_help"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        profile = await profile_for(tracker.sender_id)
        dispatcher.utter_message(
            text=conversation.help_menu(profile, tracker.get_slot(USER_TYPE_SLOT))
        )
        return []


class ActionGoodbye(Action):
    def name(self) -> str:
        return "action_goodbye"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(text=conversation.goodbye(await profile_for(tracker.sender_id)))
        return []


class ActionFallback(Action):
    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent != "out_of_scope":
            # Long tail: a regulation question no intent recognised may still match a rule.
            text = tracker.latest_message.get("text") or ""
            hint = region_hint(tracker, await profile_for(tracker.sender_id))
            reply = answers.answer_rule_question("", text, hint)
            if reply.rules:
                dispatcher.utter_message(text=reply.text)
                return []
        dispatcher.utter_message(text=conversation.fallback(out_of_scope=intent == "out_of_scope"))
        return []
