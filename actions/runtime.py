"""What every action shares: the database of this deployment and who is talking."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from functools import cache

from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import Profile
from bot.officers import officer_for_sender
from bot.settings import Settings
from bot.storage.database import make_engine, session_factory


@cache
def sessions() -> sessionmaker[Session]:
    return session_factory(make_engine(Settings.from_env().database_url))


def _lookup_profile(sender_id: str) -> Profile | None:
    with sessions()() as session:
        officer = officer_for_sender(session, sender_id)
        return Profile.of(officer) if officer else None


async def profile_for(sender_id: str) -> Profile | None:
    """The provisioned officer behind this sender, or None for vendors and the public."""
    return await asyncio.to_thread(_lookup_profile, sender_id)


def now() -> datetime:
    return datetime.now(UTC)
