"""The first conversation, in Indonesian, through the real Rasa server and action server."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.helpers import REPO_ROOT

pytestmark = pytest.mark.e2e

SALAM = r"^Selamat (pagi|siang|sore|malam)"


async def test_greeting_help_and_goodbye_for_a_new_vendor(assistant):
    async with assistant.client() as bot:
        [hello] = await bot.texts("warga-1", "halo")
        assert re.match(SALAM + r"! Saya Asisten Pengadaan", hello)
        assert "Ketik 'bantuan'" in hello

        [menu] = await bot.texts("warga-1", "bisa bantu apa?")
        assert "Anda pelaku usaha (penyedia) atau pejabat/pegawai pengadaan?" in menu

        [vendor] = await bot.texts("warga-1", "saya umkm")
        assert vendor.startswith("Untuk pelaku usaha (UMKM/koperasi), saya bisa membantu:")
        assert "e-Order, Toko Daring dan Bela Pengadaan" in vendor

        [again] = await bot.texts("warga-1", "hai")
        assert re.match(SALAM + r"! Halo lagi\.", again)

        assert await bot.texts("warga-1", "makasih ya") == [
            "Sama-sama! Kalau ada yang ingin ditanyakan lagi soal pengadaan, tulis saja di sini."
        ]
        [bye] = await bot.texts("warga-1", "udah dulu ya")
        assert bye.startswith("Sampai jumpa!")


@pytest.mark.parametrize(
    "message", ["tolong bantu saya", "menu", "km bisa apa aja", "gimana cara pakainya"]
)
async def test_informal_ways_of_asking_for_help(assistant, message):
    async with assistant.client() as bot:
        [reply] = await bot.texts(f"help-{message}", message)
    assert "Balas 'penyedia' atau 'pejabat'" in reply


async def test_yes_or_no_with_nothing_pending(assistant):
    async with assistant.client() as bot:
        assert await bot.texts("ya-tidak", "iya") == [
            "Baik. Ada yang bisa saya bantu? Ketik 'bantuan' untuk melihat menu."
        ]
        [no] = await bot.texts("ya-tidak", "gak")
        assert no.startswith("Baik, tidak apa-apa.")


@pytest.mark.parametrize("message", ["resep rendang dong", "skor bola tadi malam berapa"])
async def test_out_of_scope_says_so_and_what_it_can_do(assistant, message):
    async with assistant.client() as bot:
        [reply] = await bot.texts(f"oos-{message}", message)
    assert reply.startswith("Maaf, itu di luar urusan pengadaan barang/jasa pemerintah")
    assert "aturan dan batas nilai pengadaan" in reply


async def test_provisioned_officer_is_greeted_by_name_and_role(assistant):
    out = assistant.admin(
        "add-officer", "--name", "Sari Wulandari", "--role", "ppk", "--unit", "Dinas PU",
        "--region", "kubar", "--rest", "sari.ppk",
    )  # fmt: skip
    assert "terdaftar" in out
    async with assistant.client() as bot:
        [hello] = await bot.texts("sari.ppk", "selamat pagi")
        assert re.match(SALAM + r", Sari Wulandari! Anda masuk sebagai PPK Dinas PU, "
                        r"Kabupaten Kutai Barat\.", hello)  # fmt: skip
        [menu] = await bot.texts("sari.ppk", "bantuan")
        assert menu.startswith("Sebagai PPK (Dinas PU, Kabupaten Kutai Barat)")
        assert "Menyetujui atau menolak hasil negosiasi" in menu

        # Saying "saya PPK" in chat does not make anyone an officer.
        [claimed] = await bot.texts("pengaku", "saya PPK")
        assert "perlu didaftarkan dulu oleh admin LPSE" in claimed

        assistant.admin("revoke", "--rest", "sari.ppk")
        [after] = await bot.texts("sari.ppk", "bisa bantu apa?")
        assert "Balas 'penyedia' atau 'pejabat'" in after


def test_terminal_chat_talks_to_the_running_assistant(assistant):
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--sender", "terminal-test"],
        cwd=REPO_ROOT,
        env=assistant.env,
        input="halo\nbisa bantu apa?\n/keluar\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Mengobrol sebagai 'terminal-test'" in result.stdout
    assert re.search(
        r"Asisten: Selamat (pagi|siang|sore|malam)! Saya Asisten Pengadaan", result.stdout
    )
    assert "Asisten: Saya membantu urusan pengadaan" in result.stdout
    assert "Server belum berjalan" not in result.stdout
