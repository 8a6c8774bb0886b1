"""Starting and stopping the three processes of a deployment: Rasa server, action server, gateway.

``prepare`` checks everything an operator could get wrong (ports, database, model, environments)
before anything starts, so a problem is one clear message instead of a traceback in a log.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from bot import training
from bot.errors import StartupError
from bot.rasa_endpoints import rasa_files, write_rasa_files
from bot.settings import REPO_ROOT, Settings
from bot.storage.database import check_connection, make_engine
from bot.storage.migrate import upgrade

RASA_START_TIMEOUT_S = 240.0
SERVICE_START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 20.0


def check_ports_free(settings: Settings) -> None:
    for label, variable, port in (
        ("server Rasa", "RASA_PORT", settings.rasa_port),
        ("server aksi (action server)", "ACTION_PORT", settings.action_port),
        ("gateway", "GATEWAY_PORT", settings.gateway_port),
    ):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((settings.host, port))
            except OSError as exc:
                if exc.errno != errno.EADDRINUSE:
                    raise
                raise StartupError(
                    f"Port {port} untuk {label} sudah dipakai proses lain.",
                    f"Hentikan proses itu (cek dengan `ss -ltnp | grep :{port}`) atau pakai port "
                    f"lain, misalnya `{variable}={port + 1} make run`.",
                ) from None


def prepare_database(settings: Settings) -> None:
    engine = make_engine(settings.database_url)
    try:
        check_connection(engine)
        upgrade(engine)
    finally:
        engine.dispose()


def resolve_model(settings: Settings, train: bool) -> Path:
    if train:
        return training.ensure_model(settings)
    model = training.model_path(settings)
    if not model.exists():
        raise StartupError(
            f"Model Rasa untuk data saat ini belum ada ({model}).",
            "Latih dulu dengan `make train`, atau jalankan `make run` (melatih otomatis bila "
            "perlu).",
        )
    return model


def prepare(settings: Settings, *, train: bool) -> Path:
    """All checks and set-up before start; returns the model to serve."""
    training.rasa_executable(settings)
    check_ports_free(settings)
    prepare_database(settings)
    write_rasa_files(settings)
    return resolve_model(settings, train)


@dataclass
class Service:
    name: str
    command: list[str]
    health_url: str
    timeout_s: float
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None
    _log: IO[bytes] | None = field(default=None, repr=False)

    def log_tail(self, lines: int = 12) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return "".join(self.log_path.read_text(errors="replace").splitlines(keepends=True)[-lines:])


_PR_SET_PDEATHSIG = 1
_libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)


def _detach_and_follow_parent() -> None:
    """Run in each child before exec: its own process group (so Ctrl-C in the terminal reaches
    only the supervisor, which stops children in order) and SIGTERM if the supervisor dies, so a
    killed supervisor never leaves an orphaned Rasa server holding the port."""
    os.setsid()
    _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _child_env(settings: Settings) -> dict[str, str]:
    env = training.rasa_env()
    env.update(
        {
            "ASISTEN_DATA_DIR": str(settings.data_dir),
            "DATABASE_URL": settings.database_url,
            "PYTHONUNBUFFERED": "1",
            # rasa-sdk binds 0.0.0.0 unless told otherwise; keep it on the same host as Rasa.
            "SANIC_HOST": settings.host,
        }
    )
    return env


def services(settings: Settings, model: Path) -> list[Service]:
    endpoints, credentials = rasa_files(settings)
    rasa = str(training.rasa_executable(settings))
    return [
        Service(
            "action server",
            [sys.executable, "-m", "rasa_sdk", "--actions", "actions",
             "--port", str(settings.action_port)],
            f"{settings.action_url}/health",
            SERVICE_START_TIMEOUT_S,
        ),
        Service(
            "gateway",
            [sys.executable, "-m", "bot.channels.gateway"],
            f"{settings.gateway_url}/healthz",
            SERVICE_START_TIMEOUT_S,
        ),
        Service(
            "Rasa",
            [rasa, "run", "--model", str(model), "--endpoints", str(endpoints),
             "--credentials", str(credentials), "--interface", settings.host,
             "--port", str(settings.rasa_port), "--enable-api",
             # One argument: a token starting with "-" must not read as an option.
             f"--auth-token={settings.rasa_token()}"],
            f"{settings.rasa_url}/",
            RASA_START_TIMEOUT_S,
        ),
    ]  # fmt: skip


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


class Stack:
    """The running processes of one deployment (after ``prepare``)."""

    def __init__(self, settings: Settings, model: Path) -> None:
        self.settings = settings
        self.services = services(settings, model)

    def start(self, on_ready: Callable[[Service], None] | None = None) -> None:
        self.settings.log_dir.mkdir(parents=True, exist_ok=True)
        try:
            for service in self.services:
                self._spawn(service)
            for service in self.services:
                self._wait_healthy(service)
                if on_ready:
                    on_ready(service)
        except BaseException:
            self.stop()
            raise

    def _spawn(self, service: Service) -> None:
        slug = service.name.split()[0].lower()
        service.log_path = self.settings.log_dir / f"{slug}.log"
        service._log = service.log_path.open("ab")
        service.process = subprocess.Popen(
            service.command,
            cwd=REPO_ROOT,
            env=_child_env(self.settings),
            stdout=service._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=_detach_and_follow_parent,
        )

    def _wait_healthy(self, service: Service) -> None:
        deadline = time.monotonic() + service.timeout_s
        assert service.process is not None
        while time.monotonic() < deadline:
            if service.process.poll() is not None:
                raise StartupError(
                    f"{service.name} berhenti saat mulai (kode {service.process.returncode}). "
                    f"Log terakhir ({service.log_path}):\n{service.log_tail()}",
                    "Perbaiki masalah pada log di atas, lalu jalankan lagi.",
                )
            if answers(service.health_url):
                return
            time.sleep(0.5)
        raise StartupError(
            f"{service.name} tidak siap dalam {service.timeout_s:.0f} detik "
            f"(log: {service.log_path}).",
            "Periksa log tersebut; mesin mungkin sedang sangat sibuk. Coba jalankan lagi.",
        )

    def exited(self) -> Service | None:
        """The first service whose process has stopped on its own, if any."""
        for service in self.services:
            if service.process is not None and service.process.poll() is not None:
                return service
        return None

    def stop(self) -> None:
        running = [s for s in self.services if s.process and s.process.poll() is None]
        for service in reversed(running):
            _signal_group(service, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for service in running:
            assert service.process is not None
            try:
                service.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(service, signal.SIGKILL)
                service.process.wait()
        for service in self.services:
            if service._log:
                service._log.close()
                service._log = None


def _signal_group(service: Service, sig: signal.Signals) -> None:
    assert service.process is not None
    with contextlib.suppress(ProcessLookupError):
        os.killpg(service.process.pid, sig)
