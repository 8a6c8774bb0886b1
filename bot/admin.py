"""``bot admin``: provision officers and their chat identities, revoke them, read the outbox."""

from __future__ import annotations

import argparse
from datetime import datetime
from zoneinfo import ZoneInfo

from bot import officers, outbox
from bot.identity import ChatAddress, make_address
from bot.settings import Settings
from bot.stack import prepare_database
from bot.storage.database import make_engine, session_factory, transaction
from bot.storage.models import Channel, DeliveryState

# Operators read times in WIB unless the row belongs to a region (outbox rows do not).
OPERATOR_TZ = ZoneInfo("Asia/Jakarta")


def _when(moment: datetime | None) -> str:
    return moment.astimezone(OPERATOR_TZ).strftime("%Y-%m-%d %H:%M WIB") if moment else "-"


def _addresses(args: argparse.Namespace) -> list[ChatAddress]:
    addresses = [
        *(make_address(Channel.TELEGRAM, v) for v in args.telegram or []),
        *(make_address(Channel.WHATSAPP, v) for v in args.whatsapp or []),
        *(make_address(Channel.REST, v) for v in args.rest or []),
    ]
    if not addresses:
        raise officers.ProvisioningError(
            "Sebutkan minimal satu identitas chat: --telegram, --whatsapp atau --rest."
        )
    return addresses


def _sessions(settings: Settings):  # noqa: ANN202 (sessionmaker generic is noisy here)
    prepare_database(settings)  # admin works on a fresh install too: migrate first
    return session_factory(make_engine(settings.database_url))


def cmd_add_officer(settings: Settings, args: argparse.Namespace) -> int:
    role = officers.parse_role(args.role)
    region = officers.parse_region_code(args.region)
    addresses = _addresses(args)
    with transaction(_sessions(settings)) as session:
        officer = officers.provision_officer(
            session,
            name=args.name,
            role=role,
            work_unit=args.unit,
            region_code=region,
            addresses=addresses,
        )
        print(
            f"Petugas id {officer.id} terdaftar: {officer.name}, "
            f"{officers.SHORT_ROLE[officer.role]}, {officer.work_unit}, {officer.region}."
        )
        for address in addresses:
            print(f"  identitas {address.channel.value}: {address.external_id}")
        print(f"  {len(addresses)} pesan sambutan masuk antrean notifikasi (admin outbox).")
    return 0


def cmd_add_identity(settings: Settings, args: argparse.Namespace) -> int:
    addresses = _addresses(args)
    with transaction(_sessions(settings)) as session:
        for address in addresses:
            officers.add_identity(session, args.officer_id, address)
            print(f"Identitas {address.channel.value} {address.external_id} ditambahkan.")
    return 0


def cmd_list(settings: Settings, _args: argparse.Namespace) -> int:
    with transaction(_sessions(settings)) as session:
        rows = officers.list_officers(session)
        if not rows:
            print("Belum ada petugas. Tambahkan dengan: python -m bot admin add-officer --help")
        for officer in rows:
            print(
                f"[{officer.id}] {officer.name} | {officers.SHORT_ROLE[officer.role]} | "
                f"{officer.work_unit} | {officer.region}"
            )
            for identity in officer.identities:
                state = "aktif" if identity.active else f"dicabut {_when(identity.revoked_at)}"
                print(f"      {identity.channel.value}: {identity.external_id} ({state})")
    return 0


def cmd_revoke(settings: Settings, args: argparse.Namespace) -> int:
    addresses = _addresses(args)
    with transaction(_sessions(settings)) as session:
        for address in addresses:
            identity = officers.revoke_identity(session, address)
            print(
                f"Identitas {address.channel.value} {address.external_id} dicabut; "
                f"pemiliknya (petugas id {identity.officer_id}) kini diperlakukan sebagai umum."
            )
    return 0


def cmd_outbox(settings: Settings, args: argparse.Namespace) -> int:
    state = DeliveryState(args.state) if args.state else None
    with transaction(_sessions(settings)) as session:
        rows = outbox.list_notifications(session, state=state, limit=args.limit)
        if not rows:
            print("Antrean notifikasi kosong.")
        for n in rows:
            error = f" | galat: {n.last_error}" if n.last_error else ""
            print(
                f"[{n.id}] {_when(n.created_at)} | {n.state.value} | ke {n.recipient} via "
                f"{n.channel.value} {n.address} | percobaan {n.attempts}{error}\n      {n.text}"
            )
    return 0


def _identity_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--telegram", action="append", metavar="USER_ID", help="ID pengguna Telegram"
    )
    parser.add_argument("--whatsapp", action="append", metavar="NOMOR", help="nomor WhatsApp")
    parser.add_argument("--rest", action="append", metavar="SENDER_ID", help="ID pengirim REST")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    admin = sub.add_parser("admin", help="kelola petugas, identitas chat dan antrean notifikasi")
    commands = admin.add_subparsers(dest="admin_command", required=True)

    add = commands.add_parser("add-officer", help="daftarkan petugas beserta identitas chatnya")
    add.add_argument("--name", required=True, help="nama petugas")
    add.add_argument(
        "--role", required=True, help="pp, ppk, pa_kpa, bendahara, helpdesk atau verifier"
    )
    add.add_argument("--unit", required=True, help="satuan kerja / SKPD")
    add.add_argument("--region", required=True, help="kutai-barat, dki-jakarta, ppu, sukoharjo")
    _identity_options(add)
    add.set_defaults(handler=cmd_add_officer)

    identity = commands.add_parser("add-identity", help="tambah identitas chat ke petugas")
    identity.add_argument("officer_id", type=int)
    _identity_options(identity)
    identity.set_defaults(handler=cmd_add_identity)

    listing = commands.add_parser("list", help="daftar petugas dan identitasnya")
    listing.set_defaults(handler=cmd_list)

    revoke = commands.add_parser("revoke", help="cabut identitas chat")
    _identity_options(revoke)
    revoke.set_defaults(handler=cmd_revoke)

    box = commands.add_parser("outbox", help="antrean notifikasi dan status pengirimannya")
    box.add_argument("--state", choices=[s.value for s in DeliveryState])
    box.add_argument("--limit", type=int, default=50)
    box.set_defaults(handler=cmd_outbox)
