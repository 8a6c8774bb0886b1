"""Regulation answers through the real Rasa server: each document, the calculator at its
boundaries, informal phrasing, the region follow-up, and questions it must not answer."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


async def ask(assistant, sender: str, message: str) -> str:
    async with assistant.client() as bot:
        return "\n".join(await bot.texts(sender, message))


@pytest.mark.parametrize(
    ("message", "facts", "source"),
    [
        ("batas PP beli di toko daring kubar brp?", ["Rp200.000.000", "PP"], "Inbup Kubar"),
        ("maks transaksi e-order makan minum di dki", ["Rp50.000.000"], "Ingub DKI No. 1/2023"),
        ("impor boleh brp persen dr rencana pengadaan di dki 2024", ["5%"], "Insekda DKI"),
        ("lpse ppu tugasnya apa aja", ["LPSE"], "Perbup PPU"),
        ("sp2d diterbitkan siapa di sukoharjo", ["SP2D"], "Perbup Sukoharjo"),
        # informal and misspelled: a chat verb (ngawasin) and a typo (tko); reduplication
        # (jenis2), a stretched word (ajaa) and a short region name (skh); a wrong guess of a
        # limit, corrected rather than taken as the order value
        ("ngawasin transaksi tko daring kubar siapa", ["Kepala Bagian Pengadaan Barang/Jasa"],
         "Inbup Kubar"),
        ("jenis2 spp di skh apa ajaa", ["SPP-UP", "SPP-LS"], "Perbup Sukoharjo"),
        ("batas eorder dki 100jt kan?", ["Rp50.000.000"], "Ingub DKI No. 1/2023"),
    ],
)  # fmt: skip
async def test_answers_cite_their_document(assistant, message, facts, source):
    reply = await ask(assistant, f"doc-{message}", message)
    for fact in facts:
        assert fact in reply
    assert f"Sumber: {source}" in reply


@pytest.mark.parametrize(
    ("message", "expected", "not_expected"),
    [
        ("pesanan 50jt lewat toko daring di kubar perlu BAST?", "konfirmasi penerimaan",
         "berita acara serah terima"),
        ("pesanan 50.000.001 lewat toko daring di kubar perlu BAST?", "berita acara serah terima",
         "konfirmasi penerimaan"),
        ("pesanan 150jt lewat toko daring di kubar, siapa yg proses & perlu BAST?",
         "Yang memproses: Pejabat Pengadaan (PP)", "Yang memproses: PA/KPA selaku PPK"),
        ("SP Rp200.000.001 lewat tko daring kubar siapa yg proses",
         "Yang memproses: PA/KPA selaku PPK", "Yang memproses: Pejabat Pengadaan (PP)"),
    ],
)  # fmt: skip
async def test_calculator_boundaries(assistant, message, expected, not_expected):
    reply = await ask(assistant, f"calc-{message}", message)
    assert reply.startswith("Pesanan Rp")
    assert expected in reply and not_expected not in reply
    assert "Sumber: Inbup Kubar No. 510/1900/2022" in reply


async def test_a_question_without_region_asks_and_the_answer_follows(assistant):
    sender = "tanpa-wilayah"
    first = await ask(assistant, sender, "pesanan 75jt siapa yg proses ya")
    assert "Wilayah Anda yang mana" in first
    second = await ask(assistant, sender, "kubar")
    assert "Kabupaten Kutai Barat" in second
    assert "Pejabat Pengadaan (PP)" in second
    # The region is remembered for the next question.
    third = await ask(assistant, sender, "kalau 250jt gmn siapa yg proses")
    assert "Yang memproses: PA/KPA selaku PPK" in third


async def test_provisioned_officer_gets_their_own_region(assistant):
    assistant.admin(
        "add-officer", "--name", "Rina", "--role", "pp", "--unit", "Dinas Kesehatan",
        "--region", "kubar", "--rest", "rina.pp",
    )  # fmt: skip
    reply = await ask(assistant, "rina.pp", "pesanan 120jt siapa yg proses")
    assert "Kabupaten Kutai Barat" in reply and "Pejabat Pengadaan (PP)" in reply


@pytest.mark.parametrize(
    "message",
    [
        "cara bikin ktp elektronik",
        "harga laptop di e-katalog berapa sekarang",
        # another region's question is not answered from these regions' documents
        "batas pengadaan langsung di kota bandung brp",
    ],
)
async def test_no_made_up_rules(assistant, message):
    reply = await ask(assistant, f"oos-{message}", message)
    assert "Sumber:" not in reply
    assert "Rp" not in reply
