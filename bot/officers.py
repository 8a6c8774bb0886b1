"""Provisioning officers: the only way a chat identity becomes a PP, PPK, bendahara, etc.

Nobody can declare themselves an officer in chat; an operator runs ``bot admin`` instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot import outbox
from bot.errors import UserInputError
from bot.identity import ChatAddress, parse_sender_id
from bot.storage.models import ChatIdentity, Officer, OfficerRole
from bot.storage.types import utcnow
from knowledge.regions import find_region, get_region

ROLE_LABELS: dict[OfficerRole, str] = {
    OfficerRole.PP: "Pejabat Pengadaan (PP)",
    OfficerRole.PPK: "Pejabat Pembuat Komitmen (PPK)",
    OfficerRole.PA_KPA: "Pengguna Anggaran / Kuasa Pengguna Anggaran (PA/KPA)",
    OfficerRole.BENDAHARA: "Bendahara Pengeluaran",
    OfficerRole.HELPDESK: "Petugas Helpdesk LPSE",
    OfficerRole.VERIFIER: "Verifikator LPSE",
}

SHORT_ROLE: dict[OfficerRole, str] = {
    OfficerRole.PP: "PP",
    OfficerRole.PPK: "PPK",
    OfficerRole.PA_KPA: "PA/KPA",
    OfficerRole.BENDAHARA: "Bendahara",
    OfficerRole.HELPDESK: "Helpdesk LPSE",
    OfficerRole.VERIFIER: "Verifikator LPSE",
}


class ProvisioningError(UserInputError):
    """A provisioning request that cannot be carried out, told in Indonesian."""


def parse_role(raw: str) -> OfficerRole:
    key = raw.strip().lower().replace("/", "_").replace("-", "_")
    aliases = {"pa": "pa_kpa", "kpa": "pa_kpa", "verifikator": "verifier"}
    try:
        return OfficerRole(aliases.get(key, key))
    except ValueError:
        choices = ", ".join(r.value for r in OfficerRole)
        raise ProvisioningError(
            f"Peran {raw!r} tidak dikenal. Pilih salah satu: {choices}."
        ) from None


def parse_region_code(raw: str) -> str:
    region = find_region(raw)
    if region is None:
        raise ProvisioningError(
            f"Wilayah {raw!r} tidak dikenal. Contoh: kutai-barat (Kubar), penajam-paser-utara "
            "(PPU), dki-jakarta, sukoharjo."
        )
    return region.code


def _active_identity(session: Session, address: ChatAddress) -> ChatIdentity | None:
    return session.scalars(
        select(ChatIdentity).where(
            ChatIdentity.channel == address.channel,
            ChatIdentity.external_id == address.external_id,
        )
    ).one_or_none()


def welcome_text(officer: Officer) -> str:
    region = get_region(officer.region)
    return (
        f"Halo {officer.name}, akun chat ini sudah didaftarkan di Asisten Pengadaan sebagai "
        f"{ROLE_LABELS[officer.role]}, {officer.work_unit}, {region.name}. "
        "Ketik 'bantuan' untuk melihat yang bisa saya bantu."
    )


def provision_officer(
    session: Session,
    *,
    name: str,
    role: OfficerRole,
    work_unit: str,
    region_code: str,
    addresses: Iterable[ChatAddress],
) -> Officer:
    """Create an officer with their chat identities and queue a welcome message to each."""
    name, work_unit = name.strip(), work_unit.strip()
    if not name or not work_unit:
        raise ProvisioningError("Nama dan satuan kerja (satker/SKPD) wajib diisi.")
    addresses = list(addresses)
    officer = Officer(name=name, role=role, work_unit=work_unit, region=region_code)
    session.add(officer)
    for address in addresses:
        _attach(session, officer, address)
    session.flush()
    for address in addresses:
        outbox.enqueue(session, officer.name, address, welcome_text(officer))
    return officer


def add_identity(session: Session, officer_id: int, address: ChatAddress) -> ChatIdentity:
    officer = session.get(Officer, officer_id)
    if officer is None:
        raise ProvisioningError(f"Petugas dengan id {officer_id} tidak ada.")
    identity = _attach(session, officer, address)
    outbox.enqueue(session, officer.name, address, welcome_text(officer))
    return identity


def _attach(session: Session, officer: Officer, address: ChatAddress) -> ChatIdentity:
    existing = _active_identity(session, address)
    if existing is not None and existing.active:
        raise ProvisioningError(
            f"Identitas {address.channel.value} {address.external_id} sudah dipakai petugas "
            f"id {existing.officer_id}. Cabut dulu dengan 'admin revoke'."
        )
    if existing is not None:
        # A revoked identity is handed to its new holder; its history stays in the outbox.
        existing.officer = officer
        existing.revoked_at = None
        existing.created_at = utcnow()
        return existing
    identity = ChatIdentity(channel=address.channel, external_id=address.external_id)
    officer.identities.append(identity)
    session.add(identity)
    return identity


def revoke_identity(session: Session, address: ChatAddress) -> ChatIdentity:
    identity = _active_identity(session, address)
    if identity is None or not identity.active:
        raise ProvisioningError(
            f"Tidak ada identitas aktif {address.channel.value} {address.external_id}."
        )
    identity.revoked_at = utcnow()
    return identity


def list_officers(session: Session) -> Sequence[Officer]:
    return session.scalars(
        select(Officer).options(selectinload(Officer.identities)).order_by(Officer.id)
    ).all()


def officer_for_sender(session: Session, sender_id: str) -> Officer | None:
    """The officer behind a Rasa sender id, if that identity is provisioned and not revoked."""
    address = parse_sender_id(sender_id)
    identity = _active_identity(session, address)
    if identity is None or not identity.active:
        return None
    return identity.officer
