"""Which chat channels this deployment has configured, told to the operator at start."""

from __future__ import annotations

from dataclasses import dataclass

from bot.settings import Settings


@dataclass(frozen=True)
class ChannelStatus:
    name: str
    active: bool
    detail: str


def channel_statuses(settings: Settings) -> list[ChannelStatus]:
    statuses = [
        ChannelStatus(
            "REST",
            True,
            f"aktif di {settings.rest_webhook_url}",
        )
    ]
    for name, configured, variables in (
        ("Telegram", bool(settings.telegram_token), "TELEGRAM_BOT_TOKEN"),
        (
            "WhatsApp",
            bool(settings.whatsapp_token and settings.whatsapp_phone_number_id),
            "WHATSAPP_TOKEN dan WHATSAPP_PHONE_NUMBER_ID",
        ),
    ):
        if configured:
            detail = "token ada, tetapi kanal ini belum tersedia di versi ini"
        else:
            detail = f"tidak aktif (isi {variables} untuk mengaktifkan)"
        statuses.append(ChannelStatus(name, False, detail))
    return statuses
