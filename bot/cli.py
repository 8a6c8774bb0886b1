"""The command-line tool: ``python -m bot run | train | migrate | chat | admin ...``."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import threading
from collections.abc import Sequence

from bot import admin
from bot.channels.status import channel_statuses
from bot.errors import StartupError, UserInputError
from bot.rasa_client import RasaClient, RasaUnavailableError
from bot.settings import Settings
from bot.stack import Service, Stack, answers, prepare, prepare_database
from bot.training import ensure_model


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    model = prepare(settings, train=not args.no_train)
    stack = Stack(settings, model)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())

    def ready(service: Service) -> None:
        print(f"  {service.name} siap ({service.health_url})", flush=True)

    print("Menyalakan Asisten Pengadaan...", flush=True)
    stack.start(on_ready=ready)
    print(f"\nAsisten Pengadaan berjalan (model {model.name}). Kanal:")
    for status in channel_statuses(settings):
        print(f"  {status.name}: {status.detail}")
    print(
        "\nCoba:\n"
        f"  curl -s -X POST {settings.rest_webhook_url} -H 'Content-Type: application/json' "
        """-d '{"sender": "warga1", "message": "halo"}'\n"""
        f"Log: {settings.log_dir}\nTekan Ctrl-C untuk berhenti.",
        flush=True,
    )
    crashed = None
    while not stop.wait(1.0):
        if crashed := stack.exited():
            break
    print("\nMenghentikan semua proses...", flush=True)
    stack.stop()
    if crashed:
        print(
            f"GAGAL: {crashed.name} berhenti sendiri. Log terakhir ({crashed.log_path}):\n"
            f"{crashed.log_tail()}",
            file=sys.stderr,
        )
        return 1
    print("Semua proses sudah berhenti.")
    return 0


def cmd_train(settings: Settings, args: argparse.Namespace) -> int:
    ensure_model(settings, force=args.force)
    return 0


def cmd_migrate(settings: Settings, _args: argparse.Namespace) -> int:
    prepare_database(settings)
    print("Basis data sudah pada skema terbaru.")
    return 0


async def _chat_loop(settings: Settings, sender: str) -> None:
    loop = asyncio.get_running_loop()
    async with RasaClient(settings.rasa_url) as client:
        print(f"Mengobrol sebagai '{sender}'. Ketik /keluar untuk selesai.\n")
        while True:
            try:
                line = await loop.run_in_executor(None, input, "Anda: ")
            except EOFError:
                return
            if line.strip() in ("/keluar", "/exit", "/quit"):
                return
            if not line.strip():
                continue
            for text in await client.texts(sender, line):
                print(f"Asisten: {text}\n")


def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    stack = None
    if not answers(f"{settings.rasa_url}/"):
        print("Server belum berjalan; menyalakannya untuk sesi chat ini (sekitar satu menit)...")
        stack = Stack(settings, prepare(settings, train=True))
        stack.start()
    try:
        asyncio.run(_chat_loop(settings, args.sender))
    except (KeyboardInterrupt, RasaUnavailableError) as exc:
        if isinstance(exc, RasaUnavailableError):
            print(f"GAGAL: {exc}", file=sys.stderr)
            return 1
    finally:
        if stack:
            stack.stop()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Asisten Pengadaan")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="latih bila perlu, migrasi, lalu nyalakan semua proses")
    run.add_argument("--no-train", action="store_true", help="jangan melatih; model harus ada")
    run.set_defaults(handler=cmd_run)

    train = sub.add_parser("train", help="latih model Rasa bila data atau config berubah")
    train.add_argument("--force", action="store_true", help="latih ulang walau tidak berubah")
    train.set_defaults(handler=cmd_train)

    migrate = sub.add_parser("migrate", help="bawa basis data ke skema terbaru")
    migrate.set_defaults(handler=cmd_migrate)

    chat = sub.add_parser("chat", help="mengobrol dengan asisten di terminal")
    chat.add_argument("--sender", default="terminal", help="ID pengirim REST (default: terminal)")
    chat.set_defaults(handler=cmd_chat)

    admin.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        return int(args.handler(settings, args))
    except StartupError as exc:
        print(exc, file=sys.stderr)
        return 2
    except UserInputError as exc:
        print(f"GAGAL: {exc}", file=sys.stderr)
        return 2
