"""Runtime settings, read once from the environment.

Everything has an embedded default (SQLite files under ``data/``, local ports) so that
``make run`` works on a bare machine; production overrides them with environment variables.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from bot.errors import StartupError

REPO_ROOT = Path(__file__).resolve().parent.parent


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise StartupError(
            f"{name}={raw!r} bukan angka.",
            f"Isi {name} dengan nomor port, misalnya {name}={default}, atau hapus variabelnya.",
        ) from None


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    tracker_store_url: str
    lock_store_url: str
    host: str
    rasa_port: int
    action_port: int
    gateway_port: int
    models_dir: Path
    rasa_venv: Path
    telegram_token: str = ""
    whatsapp_token: str = ""
    whatsapp_phone_number_id: str = ""

    @classmethod
    def from_env(cls) -> Settings:
        data_dir = Path(os.environ.get("ASISTEN_DATA_DIR") or REPO_ROOT / "data").resolve()
        return cls(
            data_dir=data_dir,
            database_url=os.environ.get("DATABASE_URL") or f"sqlite:///{data_dir / 'asisten.db'}",
            tracker_store_url=os.environ.get("TRACKER_STORE_URL")
            or f"sqlite:///{data_dir / 'rasa-tracker.db'}",
            lock_store_url=os.environ.get("LOCK_STORE_URL", ""),
            host=os.environ.get("ASISTEN_HOST", "127.0.0.1"),
            rasa_port=_int_env("RASA_PORT", 5005),
            action_port=_int_env("ACTION_PORT", 5055),
            gateway_port=_int_env("GATEWAY_PORT", 8080),
            models_dir=Path(os.environ.get("ASISTEN_MODELS_DIR") or REPO_ROOT / "models").resolve(),
            rasa_venv=Path(os.environ.get("RASA_VENV") or REPO_ROOT / ".venv-rasa").resolve(),
            telegram_token=os.environ.get("TELEGRAM_BOT_TOKEN", ""),
            whatsapp_token=os.environ.get("WHATSAPP_TOKEN", ""),
            whatsapp_phone_number_id=os.environ.get("WHATSAPP_PHONE_NUMBER_ID", ""),
        )

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://{self.host}:{self.action_port}"

    @property
    def gateway_url(self) -> str:
        return f"http://{self.host}:{self.gateway_port}"

    @property
    def rest_webhook_url(self) -> str:
        return f"{self.rasa_url}/webhooks/rest/webhook"

    @property
    def run_dir(self) -> Path:
        return self.data_dir / "run"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    def rasa_token(self) -> str:
        """Token for Rasa's HTTP API: from RASA_TOKEN, else one generated once per data folder."""
        if token := os.environ.get("RASA_TOKEN", ""):
            return token
        path = self.data_dir / "secrets" / "rasa-token"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(24))
            path.chmod(0o600)
        return path.read_text().strip()
