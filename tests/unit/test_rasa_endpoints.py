from __future__ import annotations

import pytest
import yaml

from bot.errors import StartupError
from bot.rasa_endpoints import rasa_files, write_rasa_files
from bot.settings import Settings


def settings_for(monkeypatch, tmp_path, **env: str) -> Settings:
    monkeypatch.setenv("ASISTEN_DATA_DIR", str(tmp_path))
    for name in ("TRACKER_STORE_URL", "LOCK_STORE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Settings.from_env()


def test_embedded_default_is_a_sqlite_tracker_under_the_data_folder(monkeypatch, tmp_path):
    settings = settings_for(monkeypatch, tmp_path, ACTION_PORT="6055")
    write_rasa_files(settings)
    endpoints_file, credentials_file = rasa_files(settings)
    endpoints = yaml.safe_load(endpoints_file.read_text())
    assert endpoints["action_endpoint"] == {"url": "http://127.0.0.1:6055/webhook"}
    assert endpoints["tracker_store"] == {
        "type": "SQL",
        "dialect": "sqlite",
        "db": str(tmp_path / "rasa-tracker.db"),
    }
    assert "lock_store" not in endpoints
    assert yaml.safe_load(credentials_file.read_text()) == {"rest": None}


def test_production_stores(monkeypatch, tmp_path, postgres_url):
    settings = settings_for(
        monkeypatch, tmp_path, TRACKER_STORE_URL=postgres_url,
        LOCK_STORE_URL="redis://127.0.0.1:6379/1",
    )  # fmt: skip
    write_rasa_files(settings)
    endpoints = yaml.safe_load(rasa_files(settings)[0].read_text())
    assert endpoints["tracker_store"]["dialect"] == "postgresql"
    assert endpoints["tracker_store"]["db"] == postgres_url.rsplit("/", 1)[1]
    assert endpoints["lock_store"] == {"type": "redis", "url": "127.0.0.1", "port": 6379, "db": 1}


def test_unreachable_tracker_store_is_named(monkeypatch, tmp_path):
    settings = settings_for(
        monkeypatch, tmp_path, TRACKER_STORE_URL="postgresql://postgres@127.0.0.1:1/rasa"
    )
    with pytest.raises(StartupError, match=r"TRACKER_STORE_URL .* tidak bisa dihubungi"):
        write_rasa_files(settings)
