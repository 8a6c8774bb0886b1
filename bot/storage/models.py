"""Database models. Every schema change goes through an Alembic migration in ``migrations/``."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, Enum, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.storage.types import AwareDateTime, utcnow


class Base(DeclarativeBase):
    pass


class OfficerRole(enum.StrEnum):
    """Roles an operator can provision (see shared GLOSSARY.md)."""

    PP = "pp"
    PPK = "ppk"
    PA_KPA = "pa_kpa"
    BENDAHARA = "bendahara"
    HELPDESK = "helpdesk"
    VERIFIER = "verifier"


class Channel(enum.StrEnum):
    TELEGRAM = "telegram"
    WHATSAPP = "whatsapp"
    REST = "rest"


class DeliveryState(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Stored as plain strings with a CHECK constraint: portable across SQLite and PostgreSQL.
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [m.value for m in members],
    )


class Officer(Base):
    """A procurement officer or LPSE staff member, created only by an operator (``bot admin``)."""

    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[OfficerRole] = mapped_column(_enum(OfficerRole, "officer_role"))
    work_unit: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)

    identities: Mapped[list[ChatIdentity]] = relationship(
        back_populates="officer", order_by="ChatIdentity.id"
    )


class ChatIdentity(Base):
    """One chat account (Telegram user id, WhatsApp number, REST sender id) of an officer."""

    __tablename__ = "chat_identities"
    __table_args__ = (UniqueConstraint("channel", "external_id", name="uq_identity_channel_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id", ondelete="CASCADE"))
    channel: Mapped[Channel] = mapped_column(_enum(Channel, "chat_channel"))
    external_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), default=None)

    officer: Mapped[Officer] = relationship(back_populates="identities")

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class RegistrationStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    VERIFIED = "verified"
    REJECTED = "rejected"
    DEACTIVATED = "deactivated"


class VendorRegistration(Base):
    """A UMKM vendor's registration, one per chat account; a draft until the vendor submits it.

    The answers are the validated values from ``bot.registration.fields``; NIB, NPWP and phone
    are shown whole only to the vendor and the verifier (logs use ``fields.mask``).
    """

    __tablename__ = "vendor_registrations"
    __table_args__ = (
        UniqueConstraint("channel", "external_id", name="uq_registration_sender"),
        Index("ix_registrations_status", "status"),
        Index("ix_registrations_nib", "nib"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[Channel] = mapped_column(_enum(Channel, "chat_channel"))
    external_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[RegistrationStatus] = mapped_column(
        _enum(RegistrationStatus, "registration_status"), default=RegistrationStatus.DRAFT
    )
    answers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    nib: Mapped[str | None] = mapped_column(String(13), default=None)
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("officers.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), default=None)
    decided_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), default=None)


class Notification(Base):
    """The outbox: a message to push to someone, written in the same transaction as its cause
    and delivered later by the channel layer."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_state_created", "state", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipient: Mapped[str] = mapped_column(String(160))
    channel: Mapped[Channel] = mapped_column(_enum(Channel, "chat_channel"))
    address: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[DeliveryState] = mapped_column(
        _enum(DeliveryState, "delivery_state"), default=DeliveryState.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), default=None)
