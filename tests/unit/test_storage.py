"""Migrations, provisioning and the outbox on SQLite and on the real PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect, select

from bot import officers, outbox
from bot.identity import make_address
from bot.storage.database import make_engine, transaction
from bot.storage.migrate import downgrade, upgrade
from bot.storage.models import Channel, ChatIdentity, DeliveryState, Notification, OfficerRole

TABLES = {"officers", "chat_identities", "notifications"}


def test_migrations_create_and_drop_every_table(database_url):
    engine = make_engine(database_url)
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= TABLES
    downgrade(engine, "base")
    assert not TABLES & set(inspect(engine).get_table_names())
    upgrade(engine)  # and back up again: migrations are repeatable
    assert set(inspect(engine).get_table_names()) >= TABLES
    engine.dispose()


def _provision_sari(session):
    return officers.provision_officer(
        session,
        name="Sari Wulandari",
        role=OfficerRole.PPK,
        work_unit="Dinas Pekerjaan Umum",
        region_code="kutai-barat",
        addresses=[
            make_address(Channel.TELEGRAM, "987654321"),
            make_address(Channel.WHATSAPP, "0812-3456-7890"),
        ],
    )


def test_provisioned_identity_is_recognised_and_welcomed(sessions):
    with transaction(sessions) as session:
        officer_id = _provision_sari(session).id

    with transaction(sessions) as session:
        found = officers.officer_for_sender(session, "whatsapp:6281234567890")
        assert found is not None and found.id == officer_id
        assert found.role is OfficerRole.PPK
        assert officers.officer_for_sender(session, "telegram:987654321").id == officer_id
        # The same digits through another channel are not the same person.
        assert officers.officer_for_sender(session, "987654321") is None

        welcome = outbox.list_notifications(session)
        assert {(n.channel, n.address) for n in welcome} == {
            (Channel.TELEGRAM, "987654321"),
            (Channel.WHATSAPP, "6281234567890"),
        }
        assert all(n.state is DeliveryState.PENDING for n in welcome)
        assert "Pejabat Pembuat Komitmen (PPK)" in welcome[0].text
        assert "Kabupaten Kutai Barat" in welcome[0].text


def test_identity_cannot_belong_to_two_officers(sessions):
    with transaction(sessions) as session:
        _provision_sari(session)
    with (
        pytest.raises(officers.ProvisioningError, match="sudah dipakai petugas"),
        transaction(sessions) as session,
    ):
        officers.provision_officer(
            session,
            name="Budi",
            role=OfficerRole.PP,
            work_unit="Dinas Kesehatan",
            region_code="kutai-barat",
            addresses=[make_address(Channel.TELEGRAM, "987654321")],
        )
    with transaction(sessions) as session:
        assert [o.name for o in officers.list_officers(session)] == ["Sari Wulandari"]


def test_revoked_identity_is_no_longer_an_officer_and_can_be_reassigned(sessions):
    with transaction(sessions) as session:
        _provision_sari(session)
    with transaction(sessions) as session:
        officers.revoke_identity(session, make_address(Channel.TELEGRAM, "987654321"))
    with transaction(sessions) as session:
        assert officers.officer_for_sender(session, "telegram:987654321") is None
        assert officers.officer_for_sender(session, "whatsapp:6281234567890") is not None
    with (
        pytest.raises(officers.ProvisioningError, match="Tidak ada identitas aktif"),
        transaction(sessions) as session,
    ):
        officers.revoke_identity(session, make_address(Channel.TELEGRAM, "987654321"))

    with transaction(sessions) as session:
        budi = officers.provision_officer(
            session,
            name="Budi",
            role=OfficerRole.PP,
            work_unit="Dinas Kesehatan",
            region_code="dki-jakarta",
            addresses=[make_address(Channel.TELEGRAM, "987654321")],
        )
    with transaction(sessions) as session:
        assert officers.officer_for_sender(session, "telegram:987654321").id == budi.id
        assert session.scalar(select(ChatIdentity).where(ChatIdentity.external_id == "987654321"))


def test_outbox_row_exists_only_if_its_transaction_commits(sessions):
    with pytest.raises(RuntimeError), transaction(sessions) as session:
        _provision_sari(session)
        raise RuntimeError("the cause of the notification failed")
    with transaction(sessions) as session:
        assert outbox.list_notifications(session) == []
        assert officers.list_officers(session) == []


def test_timestamps_come_back_timezone_aware(sessions):
    wita = timezone(timedelta(hours=8))
    at = datetime(2026, 11, 21, 9, 30, tzinfo=wita)
    with transaction(sessions) as session:
        note = outbox.enqueue(
            session, "Sari", make_address(Channel.REST, "sari"), "Pesanan disetujui"
        )
        note.created_at = at
    with transaction(sessions) as session:
        stored = session.scalar(select(Notification))
        assert stored.created_at.tzinfo is not None
        assert stored.created_at == at
        assert stored.created_at.astimezone(UTC).hour == 1


def test_naive_datetime_is_refused(sessions):
    with pytest.raises(Exception, match="naive datetime"), transaction(sessions) as session:
        note = outbox.enqueue(session, "Sari", make_address(Channel.REST, "sari"), "x")
        note.created_at = datetime(2026, 1, 1, 8, 0)  # noqa: DTZ001 (the point of the test)
