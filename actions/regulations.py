"""Regulation answers and the threshold calculator (logic in knowledge/answers.py)."""

from __future__ import annotations

import json
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.runtime import profile_for
from bot.conversation import Profile
from knowledge import answers
from knowledge.regions import Region, all_regions, find_region, get_region

PENDING = "pertanyaan_tertunda"
REGION = "wilayah"


def region_hint(tracker: Tracker, profile: Profile | None) -> Region | None:
    """A region the user named earlier in the conversation, else the officer's own region."""
    if code := tracker.get_slot(REGION):
        return get_region(code)
    return profile.region if profile else None


def _reply_events(reply: answers.Reply, intent: str, text: str) -> list[EventType]:
    events: list[EventType] = []
    if reply.asks_region:
        events.append(SlotSet(PENDING, json.dumps({"intent": intent, "text": text})))
    else:
        events.append(SlotSet(PENDING, None))
    return events


class ActionJawabAturan(Action):
    def name(self) -> str:
        return "action_jawab_aturan"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = tracker.latest_message["intent"]["name"]
        text = tracker.latest_message.get("text") or ""
        hint = region_hint(tracker, await profile_for(tracker.sender_id))
        reply = answers.answer(intent, text, hint)
        dispatcher.utter_message(text=reply.text)
        events = _reply_events(reply, intent, text)
        if named := find_region(text):
            events.append(SlotSet(REGION, named.code))
        return events


class ActionJawabWilayah(Action):
    """The user names a region: remember it and answer the question that was waiting for it."""

    def name(self) -> str:
        return "action_jawab_wilayah"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        region = find_region(text)
        if region is None:
            names = ", ".join(r.name for r in all_regions())
            dispatcher.utter_message(
                text=f"Wilayah itu belum ada di dokumen saya. Yang saya punya: {names}."
            )
            return []
        pending = tracker.get_slot(PENDING)
        if not pending:
            dispatcher.utter_message(
                text=f"Baik, saya pakai aturan {region.name} untuk pertanyaan Anda berikutnya. "
                "Silakan bertanya."
            )
            return [SlotSet(REGION, region.code)]
        question = json.loads(pending)
        reply = answers.answer(question["intent"], question["text"], region)
        dispatcher.utter_message(text=reply.text)
        return [
            SlotSet(REGION, region.code),
            *_reply_events(reply, question["intent"], question["text"]),
        ]
