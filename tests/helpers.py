"""Small helpers shared by the tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_env(data_dir: Path, **overrides: str) -> dict[str, str]:
    """Environment for a deployment isolated in data_dir, on ports nobody else uses."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "TRACKER_STORE_URL", "LOCK_STORE_URL", "RASA_TOKEN")
    }
    env.update(
        ASISTEN_DATA_DIR=str(data_dir),
        RASA_PORT=str(free_port()),
        ACTION_PORT=str(free_port()),
        GATEWAY_PORT=str(free_port()),
        TELEGRAM_BOT_TOKEN="",
        WHATSAPP_TOKEN="",
    )
    env.update(overrides)
    return env


def run_cli(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
