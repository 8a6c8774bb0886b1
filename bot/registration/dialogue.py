"""One turn of the registration form: what the vendor's message to a form question means.

The Rasa validation action (``actions/registration.py``) hands over the message; this decides
whether it cancels, edits an earlier answer, asks something on the side, or answers the
question, and returns the messages to send and the slots to set. Side questions are answered
and the form asks its question again, so nothing typed so far is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from bot import conversation
from bot.registration import service, texts
from bot.registration.fields import FieldError
from bot.registration.form import FIELDS, MAX_ATTEMPTS
from knowledge import answers
from knowledge.regions import get_region

ATTEMPTS_SLOT = "pendaftaran_percobaan"
CONFIDENT = 0.7
QUESTION_INTENTS = frozenset([*answers.RULE_INTENTS, answers.CALCULATOR_INTENT, "out_of_scope"])
_ASKS = re.compile(
    r"\?|\b(apa|apakah|gimana|bagaimana|gmn|gmana|kenapa|mengapa|knp|siapa|kapan|berapa|brp|"
    r"bedanya|maksudnya|artinya|dimana|di mana)\b",
    re.IGNORECASE,
)


_CANCEL_WORDS = re.compile(
    r"(batal\w*|cancel|stop|berhenti|(gak|ga|nggak|enggak|tidak|tdk) jadi)"
    r"( (aja|deh|dulu|kak|min))?",
    re.IGNORECASE,
)
FORM_HELP = (
    "Anda sedang mengisi pendaftaran penyedia: jawab pertanyaan di bawah ini, ketik 'ubah "
    "<data>' untuk mengganti jawaban sebelumnya, atau 'batal' untuk berhenti."
)


@dataclass
class Message:
    text: str
    intent: str | None
    confidence: float
    fields_named: list[str] = field(default_factory=list)  # `isian` entities: fields to change


@dataclass
class Turn:
    replies: list[str] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)
    stop_form: bool = False


def empty_slots() -> dict[str, Any]:
    return {slot: None for slot in FIELDS} | {ATTEMPTS_SLOT: None}


def cancel(session: Session, sender_id: str) -> Turn:
    cancelled = service.cancel(session, sender_id)
    text = (
        "Pendaftaran dibatalkan dan drafnya dihapus. Ketik 'daftar penyedia' kapan saja untuk "
        "mulai lagi."
        if cancelled
        else "Tidak ada draf pendaftaran yang bisa dibatalkan."
    )
    return Turn([text], empty_slots(), stop_form=True)


def edit(session: Session, sender_id: str, slots: list[str]) -> Turn:
    """Forget the answers to change; the form then asks them again, in form order."""
    if not slots:
        names = ", ".join(f.label for f in FIELDS.values())
        return Turn([f"Data mana yang mau diubah? Tulis misalnya 'ubah NPWP'. Pilihan: {names}."])
    for slot in slots:
        service.clear_answer(session, sender_id, slot)
    labels = " dan ".join(FIELDS[s].label for s in slots)
    return Turn([f"Baik, {labels} saya tanyakan lagi."], {s: None for s in slots})


def wants_to_cancel(message: Message) -> bool:
    # A bare "batal" / "gak jadi" is read by NLU as a "no" (deny) as often as a cancel; inside
    # the form no question is a yes/no one that these words could answer, so they cancel.
    return (message.intent == "batal" and message.confidence >= CONFIDENT) or bool(
        _CANCEL_WORDS.fullmatch(message.text.strip())
    )


def is_side_question(message: Message) -> bool:
    return (
        message.intent in QUESTION_INTENTS
        and message.confidence >= CONFIDENT
        and bool(_ASKS.search(message.text))
    )


def side_answer(text: str, intent: str, region_code: str | None) -> str:
    for slot_field in FIELDS.values():
        if slot_field.terms and slot_field.terms.search(text) and intent == "tanya_definisi":
            return slot_field.explanation
    if intent == "out_of_scope":
        return conversation.fallback(out_of_scope=True)
    hint = get_region(region_code) if region_code else None
    return answers.answer(intent, text, hint).text


def form_turn(session: Session, sender_id: str, slot: str, message: Message, attempts: int) -> Turn:
    """The vendor's reply while the form waits for ``slot``."""
    if wants_to_cancel(message):
        return cancel(session, sender_id)
    if message.intent == "ubah_data" and message.confidence >= CONFIDENT:
        turn = edit(session, sender_id, [s for s in message.fields_named if s in FIELDS])
        turn.slots.setdefault(slot, None)
        return turn
    if message.intent == "status_pendaftaran" and message.confidence >= CONFIDENT:
        return Turn([texts.status(service.of_sender(session, sender_id))], {slot: None})
    if is_side_question(message):
        registration = service.of_sender(session, sender_id)
        region = registration.answers.get("wilayah_usaha") if registration else None
        reply = side_answer(message.text, message.intent or "", region)
        return Turn([reply, "Kita lanjutkan pendaftarannya."], {slot: None})
    try:
        value = FIELDS[slot].validate(message.text)
        service.save_answer(session, sender_id, slot, value)
    except (FieldError, service.RegistrationError) as error:
        attempts += 1
        replies = [str(error)]
        if message.intent == "ask_help":
            replies.append(FORM_HELP)
        elif attempts >= MAX_ATTEMPTS:
            replies.append(
                "Sepertinya isian ini menyulitkan. Ketik 'helpdesk' untuk dibantu petugas LPSE, "
                "atau coba lagi; jawaban lain yang sudah Anda isi tetap tersimpan."
            )
        return Turn(replies, {slot: None, ATTEMPTS_SLOT: attempts})
    return Turn([], {slot: value, ATTEMPTS_SLOT: 0})
