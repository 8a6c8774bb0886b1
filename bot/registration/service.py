"""The registration lifecycle: draft, submitted, verified or rejected, deactivated.

Each change happens in the caller's transaction, and a decision that concerns the vendor is
queued in the notification outbox in that same transaction, so the vendor hears of exactly the
decisions that were saved.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import outbox
from bot.errors import UserInputError
from bot.identity import ChatAddress, parse_sender_id
from bot.registration.form import FIELDS, missing_fields
from bot.registration.texts import decision_text, new_submission_text
from bot.storage.models import (
    ChatIdentity,
    Officer,
    OfficerRole,
    RegistrationStatus,
    VendorRegistration,
)
from bot.storage.types import utcnow

log = logging.getLogger(__name__)

# An NIB held by one of these belongs to that business; a draft or a rejected one does not.
_HOLDS_NIB = (RegistrationStatus.SUBMITTED, RegistrationStatus.VERIFIED)


class RegistrationError(UserInputError):
    """A registration step that cannot be taken now, told in Indonesian."""


def of_sender(session: Session, sender_id: str) -> VendorRegistration | None:
    address = parse_sender_id(sender_id)
    return session.scalars(
        select(VendorRegistration).where(
            VendorRegistration.channel == address.channel,
            VendorRegistration.external_id == address.external_id,
        )
    ).one_or_none()


def open_draft(session: Session, sender_id: str) -> VendorRegistration:
    """The sender's editable registration: a new draft, the saved draft, or a rejected one
    reopened so the vendor can correct it."""
    registration = of_sender(session, sender_id)
    if registration is None:
        address = parse_sender_id(sender_id)
        registration = VendorRegistration(
            channel=address.channel, external_id=address.external_id, answers={}
        )
        session.add(registration)
    elif registration.status is RegistrationStatus.REJECTED:
        registration.status = RegistrationStatus.DRAFT
    elif registration.status is not RegistrationStatus.DRAFT:
        raise RegistrationError(status_blocks_editing(registration))
    return registration


def status_blocks_editing(registration: VendorRegistration) -> str:
    if registration.status is RegistrationStatus.SUBMITTED:
        return (
            f"Pendaftaran Anda (nomor {registration.id}) sudah dikirim dan sedang menunggu "
            "verifikasi petugas LPSE, jadi tidak bisa diubah lewat chat. Ketik 'status "
            "pendaftaran' untuk melihat statusnya."
        )
    if registration.status is RegistrationStatus.VERIFIED:
        return (
            f"Usaha Anda sudah terdaftar dan terverifikasi (nomor {registration.id}). Untuk "
            "mengubah data, hubungi helpdesk LPSE (ketik 'helpdesk')."
        )
    return (
        f"Pendaftaran nomor {registration.id} dinonaktifkan oleh LPSE"
        f"{': ' + registration.reason if registration.reason else ''}. Hubungi helpdesk LPSE "
        "(ketik 'helpdesk') untuk mengaktifkannya kembali."
    )


def nib_holder(session: Session, nib: str, sender_id: str) -> VendorRegistration | None:
    """Another sender's submitted or verified registration with this NIB."""
    address = parse_sender_id(sender_id)
    for other in session.scalars(
        select(VendorRegistration).where(
            VendorRegistration.nib == nib, VendorRegistration.status.in_(_HOLDS_NIB)
        )
    ):
        if (other.channel, other.external_id) != (address.channel, address.external_id):
            return other
    return None


def duplicate_nib_message(holder: VendorRegistration) -> str:
    state = (
        "sudah terverifikasi"
        if holder.status is RegistrationStatus.VERIFIED
        else "sedang diverifikasi"
    )
    return (
        f"NIB ini sudah dipakai pendaftaran lain yang {state}. Satu NIB hanya untuk satu usaha. "
        "Periksa lagi NIB Anda; bila NIB ini memang milik usaha Anda dan Anda tidak pernah "
        "mendaftarkannya, hubungi helpdesk LPSE (ketik 'helpdesk')."
    )


def save_answer(session: Session, sender_id: str, slot: str, value: str) -> VendorRegistration:
    """Store one validated answer in the sender's draft."""
    if slot not in FIELDS:
        raise KeyError(slot)
    registration = open_draft(session, sender_id)
    if slot == "nib":
        holder = nib_holder(session, value, sender_id)
        if holder is not None:
            raise RegistrationError(duplicate_nib_message(holder))
        registration.nib = value
    registration.answers = {**(registration.answers or {}), slot: value}
    registration.updated_at = utcnow()
    session.flush()
    log.info("registration %s: %s saved", registration.id, slot)
    return registration


def clear_answer(session: Session, sender_id: str, slot: str) -> None:
    registration = open_draft(session, sender_id)
    registration.answers = {k: v for k, v in (registration.answers or {}).items() if k != slot}
    if slot == "nib":
        registration.nib = None
    registration.updated_at = utcnow()


def cancel(session: Session, sender_id: str) -> bool:
    """Delete the sender's draft; a submitted registration is not touched."""
    registration = of_sender(session, sender_id)
    if registration is None or registration.status is not RegistrationStatus.DRAFT:
        return False
    session.delete(registration)
    log.info("registration %s: draft cancelled", registration.id)
    return True


def submit(session: Session, sender_id: str) -> VendorRegistration:
    registration = open_draft(session, sender_id)
    missing = missing_fields(registration.answers or {})
    if missing:
        raise RegistrationError(
            "Data belum lengkap: " + ", ".join(FIELDS[s].label for s in missing) + "."
        )
    holder = nib_holder(session, registration.nib or "", sender_id)
    if holder is not None:
        raise RegistrationError(duplicate_nib_message(holder))
    registration.status = RegistrationStatus.SUBMITTED
    registration.submitted_at = registration.updated_at = utcnow()
    registration.reason = None
    session.flush()
    for officer, address in _verifiers(session):
        outbox.enqueue(session, officer.name, address, new_submission_text(registration))
    log.info("registration %s: submitted", registration.id)
    return registration


def _verifiers(session: Session) -> list[tuple[Officer, ChatAddress]]:
    identities = session.scalars(
        select(ChatIdentity)
        .join(Officer)
        .where(Officer.role == OfficerRole.VERIFIER, ChatIdentity.revoked_at.is_(None))
    )
    return [(i.officer, ChatAddress(i.channel, i.external_id)) for i in identities]


def submitted(session: Session) -> Sequence[VendorRegistration]:
    return session.scalars(
        select(VendorRegistration)
        .where(VendorRegistration.status == RegistrationStatus.SUBMITTED)
        .order_by(VendorRegistration.submitted_at)
    ).all()


_DECISIONS = {
    RegistrationStatus.VERIFIED: (RegistrationStatus.SUBMITTED,),
    RegistrationStatus.REJECTED: (RegistrationStatus.SUBMITTED,),
    RegistrationStatus.DEACTIVATED: (RegistrationStatus.VERIFIED, RegistrationStatus.SUBMITTED),
}


def decide(
    session: Session,
    officer: Officer,
    registration_id: int,
    outcome: RegistrationStatus,
    reason: str | None = None,
) -> VendorRegistration:
    """A verifier's decision, with the vendor's notification queued in the same transaction."""
    if officer.role is not OfficerRole.VERIFIER:
        raise RegistrationError("Hanya verifikator LPSE yang bisa memverifikasi pendaftaran.")
    registration = session.get(VendorRegistration, registration_id)
    if registration is None:
        raise RegistrationError(
            f"Pendaftaran nomor {registration_id} tidak ada. Ketik 'daftar pendaftaran masuk' "
            "untuk melihat nomor yang menunggu verifikasi."
        )
    if registration.status not in _DECISIONS[outcome]:
        raise RegistrationError(
            f"Pendaftaran nomor {registration_id} berstatus {STATUS_LABELS[registration.status]}, "
            f"jadi tidak bisa di{ACTION_LABELS[outcome]}."
        )
    reason = (reason or "").strip() or None
    if outcome is not RegistrationStatus.VERIFIED and not reason:
        raise RegistrationError(
            f"Tulis alasannya, supaya penyedia tahu yang harus diperbaiki. Contoh: "
            f"'tolak {registration_id} karena NIB tidak aktif di OSS'."
        )
    registration.status = outcome
    registration.reason = reason
    registration.decided_by = officer.id
    registration.decided_at = registration.updated_at = utcnow()
    address = ChatAddress(registration.channel, registration.external_id)
    outbox.enqueue(
        session, registration.answers.get("nama_pemilik", ""), address, decision_text(registration)
    )
    log.info("registration %s: %s by officer %s", registration.id, outcome.value, officer.id)
    return registration


STATUS_LABELS = {
    RegistrationStatus.DRAFT: "draf (belum dikirim)",
    RegistrationStatus.SUBMITTED: "menunggu verifikasi",
    RegistrationStatus.VERIFIED: "terverifikasi",
    RegistrationStatus.REJECTED: "ditolak",
    RegistrationStatus.DEACTIVATED: "dinonaktifkan",
}
ACTION_LABELS = {
    RegistrationStatus.VERIFIED: "setujui",
    RegistrationStatus.REJECTED: "tolak",
    RegistrationStatus.DEACTIVATED: "nonaktifkan",
}
