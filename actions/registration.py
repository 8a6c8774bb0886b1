"""UMKM vendor registration in chat (logic in bot/registration/): the form, its review and
submission, status, and the LPSE verifier's commands."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.orm import Session

from actions.conversation import USER_TYPE_SLOT
from actions.regulations import ActionJawabWilayah
from actions.runtime import profile_for, sessions
from bot import conversation
from bot.registration import dialogue, service, texts, verifier
from bot.registration.form import FIELDS, missing_fields
from bot.storage import database
from bot.storage.models import RegistrationStatus
from knowledge.regions import find_region

FORM = "registration_form"
REVIEW_SLOT = "tahap_pendaftaran"  # "review" while the summary waits for 'kirim'
T = TypeVar("T")


def _in_transaction(work: Callable[..., T], *args: Any) -> T:
    with database.transaction(sessions()) as session:
        return work(session, *args)


async def transaction(work: Callable[..., T], *args: Any) -> T:
    """Run database work off the event loop, committed when it returns."""
    return await asyncio.to_thread(_in_transaction, work, *args)


def _message(tracker: Tracker) -> dialogue.Message:
    latest = tracker.latest_message
    intent = latest.get("intent") or {}
    return dialogue.Message(
        text=latest.get("text") or "",
        intent=intent.get("name"),
        confidence=float(intent.get("confidence") or 0.0),
        fields_named=[
            str(e["value"]) for e in latest.get("entities", []) if e["entity"] == "isian"
        ],
    )


def _say(dispatcher: CollectingDispatcher, turn: dialogue.Turn) -> list[EventType]:
    for reply in turn.replies:
        dispatcher.utter_message(text=reply)
    events: list[EventType] = [SlotSet(k, v) for k, v in turn.slots.items()]
    if turn.stop_form:
        events.append(SlotSet("requested_slot", None))
    return events


class ValidateRegistrationForm(FormValidationAction):
    def name(self) -> str:
        return f"validate_{FORM}"

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        slot = tracker.get_slot("requested_slot")
        if not slot or slot not in tracker.slots_to_validate():
            return []  # the form was just (re)activated: nothing typed for it yet
        attempts = int(tracker.get_slot(dialogue.ATTEMPTS_SLOT) or 0)
        turn = await transaction(
            dialogue.form_turn, tracker.sender_id, slot, _message(tracker), attempts
        )
        return _say(dispatcher, turn)


def _start(session: Session, sender_id: str) -> tuple[list[str], dict[str, Any], bool]:
    registration = service.of_sender(session, sender_id)
    if registration is not None and registration.status not in (
        RegistrationStatus.DRAFT,
        RegistrationStatus.REJECTED,
    ):
        return [service.status_blocks_editing(registration)], {}, False
    answers = dict(registration.answers) if registration else {}
    if registration is None:
        intro = (
            f"Baik, kita daftarkan usaha Anda sebagai penyedia. Ada {len(FIELDS)} pertanyaan "
            "singkat. Setiap jawaban langsung tersimpan, jadi bisa dilanjutkan kapan saja; "
            "ketik 'batal' untuk berhenti."
        )
    elif registration.status is RegistrationStatus.REJECTED:
        intro = (
            f"Pendaftaran Anda sebelumnya ditolak dengan alasan: {registration.reason}. Data "
            "lama masih ada; setelah ringkasan, ketik 'ubah <data>' untuk memperbaikinya."
        )
        service.open_draft(session, sender_id)
    else:
        done = len(FIELDS) - len(missing_fields(answers))
        intro = f"Melanjutkan draf pendaftaran Anda ({done} dari {len(FIELDS)} data sudah terisi)."
    return [intro], {slot: answers.get(slot) for slot in FIELDS}, True


def _has_draft(session: Session, sender_id: str) -> bool:
    registration = service.of_sender(session, sender_id)
    return registration is not None and registration.status is RegistrationStatus.DRAFT


class ActionStartRegistration(Action):
    """Start the form, or resume the saved draft (also after days, or a lost conversation)."""

    def name(self) -> str:
        return "action_mulai_pendaftaran"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        resume_only = (tracker.latest_message.get("intent") or {}).get("name") == "isi_formulir"
        if resume_only and not await transaction(_has_draft, tracker.sender_id):
            # No form is open: a region named for a waiting question, else a business describing
            # itself ("sy punya usaha kecil percetakan"), which gets the vendor menu.
            if find_region(tracker.latest_message.get("text") or ""):
                return await ActionJawabWilayah().run(dispatcher, tracker, domain)
            profile = await profile_for(tracker.sender_id)
            dispatcher.utter_message(text=conversation.help_menu(profile, "penyedia"))
            return [] if profile else [SlotSet(USER_TYPE_SLOT, "penyedia")]
        replies, slots, start = await transaction(_start, tracker.sender_id)
        for reply in replies:
            dispatcher.utter_message(text=reply)
        if not start:
            return []
        events: list[EventType] = [SlotSet(k, v) for k, v in slots.items()]
        events += [SlotSet(REVIEW_SLOT, None), SlotSet(dialogue.ATTEMPTS_SLOT, 0)]
        return [*events, FollowupAction(FORM)]


def _review(session: Session, sender_id: str) -> str | None:
    registration = service.of_sender(session, sender_id)
    if registration is None or registration.status is not RegistrationStatus.DRAFT:
        return None  # cancelled while the form was open
    if missing_fields(registration.answers):
        return None
    return texts.review(registration.answers)


class ActionReviewRegistration(Action):
    def name(self) -> str:
        return "action_ringkasan_pendaftaran"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = await transaction(_review, tracker.sender_id)
        if text is None:
            return []
        dispatcher.utter_message(text=text)
        return [SlotSet(REVIEW_SLOT, "review")]


def _submit(session: Session, sender_id: str) -> str:
    if service.of_sender(session, sender_id) is None:
        return "Belum ada pendaftaran yang bisa dikirim. Ketik 'daftar penyedia' untuk mengisinya."
    try:
        return texts.checklist(service.submit(session, sender_id))
    except service.RegistrationError as error:
        return str(error)


class ActionSubmitRegistration(Action):
    """'kirim' (or 'ya' right after the summary): submit the draft, then the checklist."""

    def name(self) -> str:
        return "action_kirim_pendaftaran"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "affirm" and tracker.get_slot(REVIEW_SLOT) != "review":
            dispatcher.utter_message(response="utter_baik")
            return []
        dispatcher.utter_message(text=await transaction(_submit, tracker.sender_id))
        return [SlotSet(REVIEW_SLOT, None)]


class ActionEditRegistration(Action):
    def name(self) -> str:
        return "action_ubah_pendaftaran"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        message = _message(tracker)
        slots = [s for s in message.fields_named if s in FIELDS]
        try:
            turn = await transaction(dialogue.edit, tracker.sender_id, slots)
        except service.RegistrationError as error:
            dispatcher.utter_message(text=str(error))
            return []
        events = _say(dispatcher, turn)
        if not slots:
            return events
        return [*events, SlotSet(REVIEW_SLOT, None), FollowupAction(FORM)]


class ActionCancelRegistration(Action):
    def name(self) -> str:
        return "action_batal_pendaftaran"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        turn = await transaction(dialogue.cancel, tracker.sender_id)
        return [*_say(dispatcher, turn), SlotSet(REVIEW_SLOT, None)]


def _status(session: Session, sender_id: str) -> str:
    return texts.status(service.of_sender(session, sender_id))


class ActionRegistrationStatus(Action):
    def name(self) -> str:
        return "action_status_pendaftaran"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(text=await transaction(_status, tracker.sender_id))
        return []


class ActionVerifierCommand(Action):
    """A verifier lists submitted registrations, approves, rejects or deactivates one."""

    def name(self) -> str:
        return "action_perintah_verifikasi"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        dispatcher.utter_message(text=await transaction(verifier.handle, tracker.sender_id, text))
        return []
