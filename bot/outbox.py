"""The notification outbox: written in the caller's transaction, delivered by the channel layer."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.identity import ChatAddress
from bot.storage.models import DeliveryState, Notification


def enqueue(session: Session, recipient: str, address: ChatAddress, text: str) -> Notification:
    """Queue a message; it is only visible (and sent) if the caller's transaction commits."""
    notification = Notification(
        recipient=recipient,
        channel=address.channel,
        address=address.external_id,
        text=text,
    )
    session.add(notification)
    return notification


def list_notifications(
    session: Session, state: DeliveryState | None = None, limit: int = 50
) -> Sequence[Notification]:
    query = select(Notification).order_by(Notification.id.desc()).limit(limit)
    if state is not None:
        query = query.where(Notification.state == state)
    return session.scalars(query).all()
