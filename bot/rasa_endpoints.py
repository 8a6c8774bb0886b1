"""The endpoints and credentials files the Rasa server is started with, written per run.

They depend on this deployment's ports and stores (TRACKER_STORE_URL, LOCK_STORE_URL), so they
are generated into ``data/run/`` instead of being committed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from bot.errors import StartupError
from bot.settings import Settings
from bot.storage.database import check_connection, make_engine, parse_database_url


def tracker_store_config(settings: Settings) -> dict[str, Any]:
    """Rasa's SQL tracker store: a SQLite file by default, PostgreSQL in production."""
    url = parse_database_url(settings.tracker_store_url, "TRACKER_STORE_URL")
    if url.get_backend_name() == "sqlite":
        if not url.database:
            raise StartupError(
                "TRACKER_STORE_URL SQLite harus menunjuk sebuah berkas.",
                "Contoh: TRACKER_STORE_URL=sqlite:///data/rasa-tracker.db",
            )
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        return {"type": "SQL", "dialect": "sqlite", "db": str(Path(url.database).resolve())}
    check_connection(
        make_engine(settings.tracker_store_url, "TRACKER_STORE_URL"), "TRACKER_STORE_URL"
    )
    config: dict[str, Any] = {
        "type": "SQL",
        "dialect": "postgresql",
        "url": url.host or "127.0.0.1",
        "port": url.port or 5432,
        "db": url.database,
        "username": url.username or "postgres",
    }
    if url.password:
        config["password"] = url.password
    return config


def lock_store_config(settings: Settings) -> dict[str, Any] | None:
    """Redis lock store when LOCK_STORE_URL is set (several Rasa workers); in-memory otherwise."""
    if not settings.lock_store_url:
        return None
    parts = urlsplit(settings.lock_store_url)
    if parts.scheme != "redis" or not parts.hostname:
        raise StartupError(
            f"LOCK_STORE_URL tidak valid: {settings.lock_store_url!r}.",
            "Contoh: LOCK_STORE_URL=redis://127.0.0.1:6379/1, atau hapus variabelnya.",
        )
    config: dict[str, Any] = {"type": "redis", "url": parts.hostname, "port": parts.port or 6379}
    if parts.path.strip("/"):
        config["db"] = int(parts.path.strip("/"))
    if parts.password:
        config["password"] = parts.password
    return config


def rasa_files(settings: Settings) -> tuple[Path, Path]:
    """Where this deployment's endpoints.yml and credentials.yml are."""
    return settings.run_dir / "endpoints.yml", settings.run_dir / "credentials.yml"


def write_rasa_files(settings: Settings) -> None:
    """Check the Rasa stores and write endpoints.yml and credentials.yml for this run."""
    settings.run_dir.mkdir(parents=True, exist_ok=True)
    endpoints: dict[str, Any] = {
        "action_endpoint": {"url": f"{settings.action_url}/webhook"},
        "tracker_store": tracker_store_config(settings),
    }
    if lock := lock_store_config(settings):
        endpoints["lock_store"] = lock
    # Only the REST channel: Telegram and WhatsApp are served by the gateway (docs/ARCHITECTURE.md).
    credentials = {"rest": None}
    endpoints_file, credentials_file = rasa_files(settings)
    endpoints_file.write_text(yaml.safe_dump(endpoints, sort_keys=False))
    endpoints_file.chmod(0o600)  # may hold the tracker store password
    credentials_file.write_text(yaml.safe_dump(credentials))
