"""The words of the everyday conversation, per person and per local time (WIB/WITA)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot import conversation
from bot.conversation import Profile
from bot.storage.models import OfficerRole
from knowledge.regions import find_region, get_region


def profile(role=OfficerRole.PPK, region="kutai-barat") -> Profile:
    return Profile("Sari", role, "Dinas PU", get_region(region))


@pytest.mark.parametrize(
    ("hour", "word"),
    [(3, "malam"), (4, "pagi"), (10, "pagi"), (11, "siang"), (14, "siang"), (15, "sore"),
     (17, "sore"), (18, "malam"), (23, "malam")],
)  # fmt: skip
def test_part_of_day_boundaries(hour, word):
    assert conversation.part_of_day(datetime(2026, 11, 21, hour, 30, tzinfo=UTC)) == word


def test_greeting_uses_the_officers_own_time_zone():
    # 02:30 UTC is 09:30 WIB in Jakarta but 10:30 WITA in Kutai Barat; 03:30 UTC is 11:30 WITA.
    at = datetime(2026, 11, 21, 3, 30, tzinfo=UTC)
    assert conversation.greeting(at, profile(region="kutai-barat"), False).startswith(
        "Selamat siang, Sari!"
    )
    assert conversation.greeting(at, profile(region="dki-jakarta"), False).startswith(
        "Selamat pagi, Sari!"
    )


def test_first_and_returning_greetings():
    at = datetime(2026, 11, 21, 1, 0, tzinfo=UTC)  # 08:00 WIB
    first = conversation.greeting(at, None, returning=False)
    assert first.startswith("Selamat pagi! Saya Asisten Pengadaan")
    assert "bantuan" in first
    assert conversation.greeting(at, None, returning=True) == (
        "Selamat pagi! Halo lagi. Ada yang bisa saya bantu?"
    )
    officer = conversation.greeting(at, profile(), returning=False)
    assert "Anda masuk sebagai PPK Dinas PU, Kabupaten Kutai Barat" in officer


def test_help_asks_who_you_are_until_it_knows():
    assert "Balas 'penyedia' atau 'pejabat'" in conversation.help_menu(None, None)
    vendor = conversation.help_menu(None, "penyedia")
    assert "Toko Daring dan Bela Pengadaan" in vendor
    assert "Pendaftaran penyedia" in vendor
    officer = conversation.help_menu(None, "pejabat")
    assert "perlu didaftarkan dulu oleh admin LPSE" in officer


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (OfficerRole.PPK, "Menyetujui atau menolak hasil negosiasi"),
        (OfficerRole.PP, "Membuat pesanan"),
        (OfficerRole.HELPDESK, "Mengambil alih percakapan"),
        (OfficerRole.VERIFIER, "pendaftaran penyedia"),
        (OfficerRole.BENDAHARA, "siap dibayar"),
        (OfficerRole.PA_KPA, "produk dalam negeri"),
    ],
)
def test_help_for_provisioned_officers_follows_their_role(role, expected):
    text = conversation.help_menu(profile(role=role), "penyedia")
    assert expected in text
    assert "didaftarkan dulu" not in text


def test_fallback_says_what_the_assistant_can_do():
    for out_of_scope in (True, False):
        text = conversation.fallback(out_of_scope)
        assert "aturan dan batas nilai pengadaan" in text
        assert "bantuan" in text
    assert "di luar urusan pengadaan" in conversation.fallback(True)
    assert "belum menangkap maksud" in conversation.fallback(False)


@pytest.mark.parametrize(
    ("alias", "code", "tz"),
    [("Kubar", "kutai-barat", "WITA"), ("PPU", "penajam-paser-utara", "WITA"),
     ("DKI", "dki-jakarta", "WIB"), ("Sukoharjo", "sukoharjo", "WIB"),
     ("kab. kutai barat", "kutai-barat", "WITA")],
)  # fmt: skip
def test_region_aliases_and_time_zones(alias, code, tz):
    region = find_region(alias)
    assert region is not None and region.code == code and region.tz_label == tz


def test_unknown_region_is_none():
    assert find_region("Bandung") is None
