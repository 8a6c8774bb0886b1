"""The threshold calculator at its boundaries, and regulation answers that never blend regions."""

from __future__ import annotations

import pytest

from knowledge.answers import answer
from knowledge.regions import get_region

KUBAR = get_region("kutai-barat")


@pytest.mark.parametrize(
    ("message", "executor", "receipt"),
    [
        ("pesanan 50jt lewat toko daring di kubar", "Pejabat Pengadaan (PP)",
         "konfirmasi penerimaan"),
        ("pesanan Rp50.000.001 lewat toko daring di kubar", "Pejabat Pengadaan (PP)",
         "berita acara serah terima"),
        ("pesanan 150jt lewat toko daring di kubar, siapa yg proses & perlu BAST?",
         "Pejabat Pengadaan (PP)", "berita acara serah terima"),
        ("SP Rp200.000.000 toko daring kubar", "Pejabat Pengadaan (PP)",
         "berita acara serah terima"),
        ("SP Rp200.000.001 toko daring kubar", "PA/KPA selaku PPK", "berita acara serah terima"),
    ],
)  # fmt: skip
def test_kubar_toko_daring_boundaries(message, executor, receipt):
    reply = answer("hitung_pesanan", message)
    assert reply.region.code == "kutai-barat"
    lines = reply.text.splitlines()
    assert (
        lines[0].startswith("Pesanan Rp")
        and "lewat Toko Daring di Kabupaten Kutai Barat" in lines[0]
    )
    executor_line = next(line for line in lines if line.startswith("1. Yang memproses:"))
    assert executor in executor_line
    receipt_line = next(line for line in lines if "Dokumen penerimaan:" in line)
    assert receipt in receipt_line
    # Every line of the calculation carries its own citation.
    assert sum(line.strip().startswith("Sumber: Inbup Kubar") for line in lines) == len(reply.rules)


@pytest.mark.parametrize(
    ("amount", "applies"),
    [("Rp1.000.000.000", False), ("Rp1.000.000.001", True), ("1,5 M", True)],
)
def test_price_preference_starts_above_one_billion(amount, applies):
    reply = answer("hitung_pesanan", f"HPS {amount} toko daring kubar")
    line = next(line for line in reply.text.splitlines() if "Preferensi harga:" in line)
    assert ("tidak berlaku" not in line) is applies


def test_e_order_limit_is_dki_only_and_exact():
    within = answer("hitung_pesanan", "makan minum 50jt lewat e-order")
    assert within.region.code == "dki-jakarta"
    assert "masih dalam batas" in within.text
    over = answer("hitung_pesanan", "makan minum 50.000.001 lewat e-order")
    assert "Rp50.000.001 MELEBIHI batas" in over.text
    assert "Rp50.000.000 per transaksi" in over.text


def test_calculation_without_region_gives_each_regions_rule_and_asks():
    reply = answer("hitung_pesanan", "pesanan 150jt siapa yg proses")
    assert reply.asks_region and "Wilayah Anda yang mana" in reply.text
    assert "• Kabupaten Kutai Barat: Yang memproses: Pejabat Pengadaan (PP)" in reply.text
    assert "• Kabupaten Sukoharjo (aturan lama 2010): Yang memproses: Kelompok Kerja" in reply.text
    assert reply.text.count("Sumber: ") == len(reply.rules) == 2


def test_receipt_question_without_region_goes_to_the_only_region_with_that_rule():
    reply = answer("hitung_pesanan", "SP 55jt cukup konfirmasi penerimaan?")
    assert "Kabupaten Kutai Barat" in reply.text
    assert "Dokumen penerimaan: berita acara serah terima (BAST)" in reply.text


def test_calculation_without_amount_asks_for_it():
    reply = answer("hitung_pesanan", "siapa yg proses pesanan di kubar")
    assert "Berapa nilai pesanannya?" in reply.text


def test_officers_region_is_the_default():
    reply = answer("hitung_pesanan", "pesanan 75 juta siapa yg proses", region_hint=KUBAR)
    assert "Kabupaten Kutai Barat" in reply.text


def test_question_for_several_regions_lists_each_with_its_own_citation():
    reply = answer("tanya_waktu", "pembayaran ke penyedia brp hari")
    assert reply.asks_region
    bullets = [line for line in reply.text.splitlines() if line.startswith("• ")]
    assert len(bullets) == len(reply.rules) >= 2
    assert len({r.region.code for r in reply.rules}) == len(reply.rules)
    assert reply.text.count("Sumber: ") == len(reply.rules)


def test_region_named_in_question_wins():
    reply = answer("tanya_batas_nilai", "maks e-order di jakarta brp")
    assert not reply.asks_region
    assert "Rp50.000.000" in reply.text
    assert reply.text.splitlines()[-1].startswith("Sumber: Ingub DKI No. 1/2023")


def test_old_regime_is_flagged():
    reply = answer("tanya_batas_nilai", "metode pengadaan langsung di sukoharjo batasnya")
    assert "aturan lama" in reply.text


def test_unknown_questions_get_the_helpdesk_not_a_guess():
    reply = answer("tanya_batas_nilai", "batas nilai pengadaan kapal selam nuklir antariksa")
    assert reply.rules == ()
    assert "helpdesk" in reply.text and "Rp" not in reply.text


@pytest.mark.parametrize(
    ("message", "method"),
    [
        ("pengadaan barang 150jt di sukoharjo pakai metode apa", "Pelelangan Sederhana"),
        ("jasa konsultan 60jt di sukoharjo metodenya apa", "Seleksi Sederhana"),
        ("beli barang Rp100.000.000 di sukoharjo metode apa", "Pengadaan Langsung"),
    ],
)
def test_sukoharjo_2010_methods_are_flagged_as_the_old_regime(message, method):
    reply = answer("hitung_pesanan", message)
    assert f"Metode (aturan 2010): {method}" in reply.text
    assert reply.text.endswith("berbeda dari aturan 2021-2024.")
    assert all(rule.document.regime == "lama" for rule in reply.rules)
