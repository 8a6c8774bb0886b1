from __future__ import annotations

import pytest

from bot.identity import InvalidIdentityError, make_address, parse_sender_id
from bot.storage.models import Channel


@pytest.mark.parametrize(
    "raw",
    ["081234567890", "0812-3456-7890", "+62 812 3456 7890", "6281234567890", "(0812) 3456.7890"],
)
def test_whatsapp_numbers_in_every_usual_form(raw):
    assert make_address(Channel.WHATSAPP, raw).external_id == "6281234567890"


@pytest.mark.parametrize("raw", ["0812", "nomor saya", "08123456789012345678", "+62 812 abc", ""])
def test_bad_whatsapp_numbers_are_explained(raw):
    with pytest.raises(InvalidIdentityError, match="Contoh yang benar: 081234567890"):
        make_address(Channel.WHATSAPP, raw)


@pytest.mark.parametrize("raw", ["-5", "12a", "0", "", "1" * 16])
def test_bad_telegram_ids_are_explained(raw):
    with pytest.raises(InvalidIdentityError, match="harus berupa angka"):
        make_address(Channel.TELEGRAM, raw)


@pytest.mark.parametrize("raw", ["telegram:123", "a b", "", "x" * 65, "drop table;"])
def test_rest_ids_cannot_impersonate_other_channels(raw):
    with pytest.raises(InvalidIdentityError, match="ID pengirim REST"):
        make_address(Channel.REST, raw)


def test_sender_ids_round_trip():
    for channel, raw in [
        (Channel.TELEGRAM, "42"),
        (Channel.WHATSAPP, "6281234567890"),
        (Channel.REST, "sari.ppk"),
    ]:
        address = make_address(channel, raw)
        assert parse_sender_id(address.sender_id) == address
    assert parse_sender_id("telegram:42").channel is Channel.TELEGRAM
    assert parse_sender_id("warga1").channel is Channel.REST
