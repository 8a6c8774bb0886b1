"""How the retrieval reads chat spelling, and when it declines to answer."""

from __future__ import annotations

import pytest

from knowledge.answers import HELPDESK, answer_rule_question


@pytest.mark.parametrize(
    ("intent", "question", "fact"),
    [
        # reduplication (jenis-jenis) and a stretched word (ajaa)
        ("tanya_anggaran", "jenis-jenis spp di sukoharjo apa ajaa", "SPP Uang Persediaan (SPP-UP)"),
        # chat verbs: ng- + -in (ngawasin), n- for t- (nerbitin)
        ("tanya_tugas", "ngawasin transaksi tko daring kubar siapa",
         "Kepala Bagian Pengadaan Barang/Jasa"),
        ("tanya_tugas", "siapa yg nerbitin sp2d di sukoharjo", "diterbitkan Kuasa BUD"),
        # typos of pemilihan and penawaran
        ("tanya_metode", "metode pemilhan penyedia barang di sukoharjo apa aja", "Pelelangan Umum"),
        ("tanya_batas_nilai", "jaminan penawran di sukoharjo brp persen", "1% hingga 3%"),
    ],
)  # fmt: skip
def test_chat_spellings_and_typos_find_the_rule(intent, question, fact):
    reply = answer_rule_question(intent, question)
    assert fact in reply.text
    assert "Sumber:" in reply.text


def test_informal_question_finds_the_rule():
    reply = answer_rule_question("tanya_anggaran", "di sukoharjo spm yg nyiapin siapa sih")
    assert reply.rules, reply.text
    assert "SPM" in reply.text and "Sukoharjo" in reply.text


def test_a_how_much_question_is_not_answered_by_a_rule_without_that_number():
    # The Kubar rule says the bendahara collects the tax, not at what rate.
    assert (
        "memungut"
        in answer_rule_question(
            "tanya_pembayaran", "bendahara toko daring kubar memungut pajak ya"
        ).text
    )
    rate = answer_rule_question(
        "tanya_pembayaran", "pajak yg dipungut bendahara toko daring kubar brp persen"
    )
    assert rate.text == HELPDESK
