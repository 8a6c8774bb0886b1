from __future__ import annotations

from aiohttp.test_utils import TestClient, TestServer

from bot.channels.gateway import create_app
from bot.settings import Settings


async def test_gateway_reports_which_channels_are_off(monkeypatch):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.delenv("WHATSAPP_TOKEN", raising=False)
    async with TestClient(TestServer(create_app(Settings.from_env()))) as client:
        response = await client.get("/healthz")
        assert response.status == 200
        body = await response.json()
    assert body["status"] == "ok"
    assert body["channels"]["REST"]["active"] is True
    assert body["channels"]["Telegram"] == {
        "active": False,
        "detail": "tidak aktif (isi TELEGRAM_BOT_TOKEN untuk mengaktifkan)",
    }
