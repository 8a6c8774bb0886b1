"""Chat identities: how a Rasa sender id maps to a channel account, and how accounts are validated.

The gateway talks to Rasa with sender ids ``telegram:<user id>`` and ``whatsapp:<number>``;
any other sender id is a REST-channel sender (local tools, tests, trusted integrations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.errors import UserInputError
from bot.storage.models import Channel

_REST_ID = re.compile(r"[A-Za-z0-9_.@-]{1,64}")


class InvalidIdentityError(UserInputError):
    """Raised with an Indonesian message that says what is wrong and gives an example."""


@dataclass(frozen=True)
class ChatAddress:
    channel: Channel
    external_id: str

    @property
    def sender_id(self) -> str:
        if self.channel is Channel.REST:
            return self.external_id
        return f"{self.channel.value}:{self.external_id}"


def normalise_telegram_id(raw: str) -> str:
    value = raw.strip()
    if not value.isdigit() or not 1 <= len(value) <= 15 or int(value) == 0:
        raise InvalidIdentityError(
            f"ID pengguna Telegram harus berupa angka, misalnya 123456789 (diterima: {raw!r})."
        )
    return str(int(value))


def normalise_whatsapp_number(raw: str) -> str:
    """Indonesian numbers in any usual form (0812-..., +62 812 ..., 62812...) to 62812...."""
    digits = re.sub(r"[\s().-]", "", raw.strip())
    if digits.startswith("+"):
        digits = digits[1:]
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    if not digits.isdigit() or not 10 <= len(digits) <= 15 or digits.startswith("0"):
        raise InvalidIdentityError(
            f"Nomor WhatsApp tidak valid: {raw!r}. "
            "Contoh yang benar: 081234567890 atau +6281234567890."
        )
    return digits


def normalise_rest_id(raw: str) -> str:
    value = raw.strip()
    if not _REST_ID.fullmatch(value) or ":" in value:
        raise InvalidIdentityError(
            "ID pengirim REST hanya boleh berisi huruf, angka, titik, garis bawah, @ atau tanda "
            f"hubung (1-64 karakter), misalnya sari.ppk (diterima: {raw!r})."
        )
    return value


_NORMALISERS = {
    Channel.TELEGRAM: normalise_telegram_id,
    Channel.WHATSAPP: normalise_whatsapp_number,
    Channel.REST: normalise_rest_id,
}


def make_address(channel: Channel, raw_id: str) -> ChatAddress:
    return ChatAddress(channel, _NORMALISERS[channel](raw_id))


def parse_sender_id(sender_id: str) -> ChatAddress:
    """Map a Rasa sender id back to the channel account it came from."""
    prefix, sep, rest = sender_id.partition(":")
    if sep:
        for channel in (Channel.TELEGRAM, Channel.WHATSAPP):
            if prefix == channel.value:
                return ChatAddress(channel, rest)
    return ChatAddress(Channel.REST, sender_id)
