"""The gateway process: the public face of the assistant.

Chat channels (Telegram, WhatsApp) and outbound notifications live here, not inside Rasa, so
that proactive messages and slash commands never depend on Rasa's own connectors. It talks to
Rasa over the REST channel. Run by ``bot run``; standalone: ``python -m bot.channels.gateway``.
"""

from __future__ import annotations

import logging

from aiohttp import web

from bot import logmask
from bot.channels.status import channel_statuses
from bot.settings import Settings

log = logging.getLogger("asisten.gateway")


def create_app(settings: Settings) -> web.Application:
    app = web.Application()
    statuses = channel_statuses(settings)

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response(
            {
                "status": "ok",
                "channels": {s.name: {"active": s.active, "detail": s.detail} for s in statuses},
            }
        )

    app.router.add_get("/healthz", healthz)
    return app


def main() -> None:
    logmask.install()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    settings = Settings.from_env()
    for status in channel_statuses(settings):
        log.info("Kanal %s: %s", status.name, status.detail)
    web.run_app(
        create_app(settings),
        host=settings.host,
        port=settings.gateway_port,
        print=None,
        handle_signals=True,
    )


if __name__ == "__main__":
    main()
