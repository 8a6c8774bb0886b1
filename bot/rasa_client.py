"""Talking to the Rasa server over its REST channel (the gateway, `bot chat`, tests, benchmarks)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import aiohttp


@dataclass(frozen=True)
class BotReply:
    text: str | None
    buttons: list[dict[str, Any]]


class RasaUnavailableError(RuntimeError):
    pass


class RasaClient:
    def __init__(self, base_url: str, timeout_s: float = 30.0) -> None:
        self.webhook = f"{base_url.rstrip('/')}/webhooks/rest/webhook"
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout_s))

    async def send(self, sender: str, message: str) -> list[BotReply]:
        try:
            async with self._session.post(
                self.webhook, json={"sender": sender, "message": message}
            ) as response:
                response.raise_for_status()
                payload = await response.json()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise RasaUnavailableError(
                f"server Rasa di {self.webhook} tidak menjawab: {exc}"
            ) from exc
        return [BotReply(item.get("text"), item.get("buttons") or []) for item in payload]

    async def texts(self, sender: str, message: str) -> list[str]:
        return [r.text for r in await self.send(sender, message) if r.text]

    async def close(self) -> None:
        await self._session.close()

    async def __aenter__(self) -> RasaClient:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()
