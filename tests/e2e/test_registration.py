"""UMKM registration through the real Rasa server and action server: the whole form, every
validation error, a side question, edit, cancel, a duplicate NIB, the verifier's decision with
the vendor's notification in the outbox, and a resume after restarts."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import start_assistant, stop
from tests.helpers import app_env

pytestmark = pytest.mark.e2e

NIB = "9120001234567"
# What a vendor types for each question, in form order, and a wrong answer to each first.
ANSWERS = [
    ("CV Maju Bersama", "😀😀", "Nama usaha hanya boleh"),
    ("Siti Rahmawati", "Siti 123", "tidak boleh berisi angka"),
    ("usaha kecil", "menengah", "mikro, usaha kecil dan koperasi"),
    ("9120 0012 34567", "912000123", "NIB harus 13 angka, yang Anda kirim 9 angka"),
    ("01.312.166.0-091.000", "01.312.166.1-091.000", "Angka kontrol NPWP tidak cocok"),
    ("kuliner", "'; DROP TABLE vendor_registrations; --", "Bidang usaha hanya boleh"),
    ("nasi kotak, snack rapat", "x" * 10_000, "Produk utama terlalu panjang"),
    ("belum ada", "mungkin", "Jawab ya atau tidak"),
    ("Barong Tongkok", "123", "Kecamatan perlu ditulis dengan kata-kata"),
    ("kutai barat", "kota bandung", "Wilayah itu belum dilayani"),
    ("0812 3456 7890", "12345", "Nomor HP tidak valid"),
    ("toko.maju@gmail.com", "toko.maju@", "Alamat email tidak valid"),
    ("toko daring dan bela pengadaan", "shopee", "Pilih kanal yang ingin diikuti"),
]
QUESTIONS = [
    "Apa nama usaha Anda?",
    "Siapa nama pemilik usaha",
    "Skala usaha Anda",
    "Berapa NIB",
    "Berapa NPWP",
    "Apa bidang usaha Anda?",
    "Apa produk atau jasa utama",
    "sudah punya nilai TKDN",
    "Di kecamatan mana",
    "Di kabupaten/provinsi mana?",
    "Nomor HP/WhatsApp",
    "Alamat email usaha Anda?",
    "Kanal mana yang ingin Anda ikuti",
]


async def _start(bot, sender: str) -> None:
    intro, question = await bot.texts(sender, "saya mau daftar jadi penyedia")
    assert intro.startswith("Baik, kita daftarkan usaha Anda sebagai penyedia. Ada 13 pertanyaan")
    assert QUESTIONS[0] in question


async def test_full_registration_with_errors_side_question_edit_and_verification(assistant):
    assistant.admin(
        "add-officer", "--name", "Dewi Verifikator", "--role", "verifier", "--unit",
        "LPSE Kutai Barat", "--region", "kubar", "--rest", "dewi.lpse",
    )  # fmt: skip
    async with assistant.client() as bot:
        await _start(bot, "ani")
        for index, (good, wrong, problem) in enumerate(ANSWERS):
            error, *again = await bot.texts("ani", wrong)
            assert problem in error, (wrong[:40], error)
            assert QUESTIONS[index] in again[-1]  # the same question again, nothing lost
            if index == 3:
                side = await bot.texts("ani", "NIB itu apa?")
                assert "NIB (Nomor Induk Berusaha) adalah nomor identitas usaha 13 angka" in side[0]
                assert side[1] == "Kita lanjutkan pendaftarannya." and QUESTIONS[3] in side[2]
            if index == 5:
                side = await bot.texts("ani", "eh batas PP di toko daring kubar brp?")
                assert "paling banyak Rp200.000.000" in side[0] and "Sumber: Inbup Kubar" in side[0]
                assert QUESTIONS[5] in side[-1]
            replies = await bot.texts("ani", good)
            if index + 1 < len(ANSWERS):
                assert QUESTIONS[index + 1] in replies[-1]
        review = "\n\n".join(replies)  # Rasa sends each paragraph as its own bubble
        assert review.startswith("Periksa data pendaftaran Anda:")
        assert "4. NIB: 9120001234567" in review and "5. NPWP: 013121660091000" in review
        assert "13. Kanal yang diikuti: Toko Daring, Bela Pengadaan" in review

        # Change one field after the summary: only that question, then the summary again.
        edit, question = await bot.texts("ani", "ubah NPWP")
        assert edit == "Baik, NPWP saya tanyakan lagi." and QUESTIONS[4] in question
        review = "\n\n".join(await bot.texts("ani", "0013121660091000"))
        assert "5. NPWP: 0013121660091000" in review and "1. Nama usaha: CV Maju Bersama" in review

        checklist = "\n\n".join(await bot.texts("ani", "kirim"))
        number = re.match(r"Pendaftaran terkirim \(nomor (\d+)\)", checklist)[1]
        assert "Diktum KEEMPAT angka 2 huruf a (Kabupaten Kutai Barat, 2022)" in checklist
        assert "DPMPTSP" in checklist and "Diktum KETIGA angka 4 huruf a" in checklist
        [status] = await bot.texts("ani", "status pendaftaran saya?")
        assert "sedang menunggu verifikasi LPSE" in status
        [locked] = await bot.texts("ani", "ubah email")
        assert "sudah dikirim dan sedang menunggu verifikasi" in locked

        # A second vendor with the same NIB is told why it cannot be used.
        await _start(bot, "budi")
        for good, _, _ in ANSWERS[:3]:
            await bot.texts("budi", good)
        duplicate, question = await bot.texts("budi", NIB)
        assert "NIB ini sudah dipakai pendaftaran lain yang sedang diverifikasi" in duplicate
        assert QUESTIONS[3] in question

        # The verifier lists, then approves; the vendor's notice waits in the outbox.
        [stranger] = await bot.texts("ani", f"setujui {number}")  # not her own
        assert "hanya untuk verifikator LPSE" in stranger
        pending = "\n\n".join(await bot.texts("dewi.lpse", "daftar pendaftaran masuk"))
        assert f"Nomor {number} (dikirim " in pending and NIB in pending  # whole, for him
        [done] = await bot.texts("dewi.lpse", f"setujui {number}")
        assert f"Pendaftaran nomor {number} (CV Maju Bersama) sekarang terverifikasi." in done
        [status] = await bot.texts("ani", "pendaftaran sy udh diverifikasi blm")
        assert "sudah terverifikasi" in status

    outbox = assistant.admin("outbox")
    assert "ke Siti Rahmawati via rest ani" in outbox
    assert f"pendaftaran CV Maju Bersama (nomor {number}) sudah diverifikasi LPSE" in outbox
    assert f"Pendaftaran penyedia baru menunggu verifikasi: nomor {number}" in outbox
    # Identifiers are never written whole to the logs of any process.
    data_dir = assistant.output.parent
    logs = [*data_dir.rglob("*.log"), *data_dir.glob("*.out")]
    assert logs
    for log in logs:
        text = log.read_text(errors="replace")
        assert NIB not in text and "013121660091000" not in text, log.name


async def test_cancel_in_the_middle_deletes_the_draft(assistant):
    async with assistant.client() as bot:
        await _start(bot, "citra")
        await bot.texts("citra", "Warung Bu Citra")
        [cancelled] = await bot.texts("citra", "batal")
        assert cancelled.startswith("Pendaftaran dibatalkan dan drafnya dihapus.")
        [status] = await bot.texts("citra", "status pendaftaran saya")
        assert status == "Anda belum punya pendaftaran. Ketik 'daftar penyedia' untuk memulai."
        # Starting again begins from the first question.
        await _start(bot, "citra")


async def test_the_draft_survives_restarts_and_a_forgotten_conversation(trained_model, tmp_path):
    env = app_env(tmp_path, ASISTEN_MODELS_DIR=str(trained_model.parent))
    first = start_assistant(env, tmp_path / "run-1.out")
    try:
        async with first.client() as bot:
            await _start(bot, "dodi")
            for good, _, _ in ANSWERS[:4]:
                await bot.texts("dodi", good)
        assert first.interrupt() == 0
    finally:
        stop(first)

    # After a restart the open form continues where it was.
    second = start_assistant(env, tmp_path / "run-2.out")
    try:
        async with second.client() as bot:
            [question] = await bot.texts("dodi", ANSWERS[4][0])
            assert QUESTIONS[5] in question
        assert second.interrupt() == 0
    finally:
        stop(second)

    # Days later the conversation itself is gone; the saved draft is not.
    (tmp_path / "rasa-tracker.db").unlink()
    third = start_assistant(env, tmp_path / "run-3.out")
    try:
        async with third.client() as bot:
            resumed, question = await bot.texts("dodi", "lanjut daftar yg kemarin")
            assert resumed == "Melanjutkan draf pendaftaran Anda (5 dari 13 data sudah terisi)."
            assert QUESTIONS[5] in question
    finally:
        stop(third)


async def test_a_bare_region_name_still_answers_the_waiting_question(assistant):
    # "sukoharjo" alone may read as a form answer; with no draft it names the region asked for.
    async with assistant.client() as bot:
        first = "\n\n".join(await bot.texts("eko", "pesanan 75jt siapa yg proses ya"))
        assert "Wilayah Anda yang mana" in first
        second = "\n\n".join(await bot.texts("eko", "sukoharjo"))
    assert second.startswith("Pesanan Rp75.000.000 di Kabupaten Sukoharjo")
    assert "Sumber: Perbup Sukoharjo" in second


async def test_a_business_describing_itself_with_no_form_open_gets_the_vendor_menu(assistant):
    # "saya kontraktor kecil" reads like an answer to the scale question; with no draft open it
    # is a vendor introducing the business, who is shown what the assistant does for vendors.
    async with assistant.client() as bot:
        reply = "\n\n".join(await bot.texts("rudi", "saya kontraktor kecil"))
    assert reply.startswith("Untuk pelaku usaha (UMKM/koperasi), saya bisa membantu:")
    assert "mau daftar jadi penyedia" in reply
