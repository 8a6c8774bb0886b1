"""How the retrieval reads chat spelling, and when it declines to answer."""

from __future__ import annotations

import pytest

from knowledge.answers import (
    HELPDESK,
    OTHER_REGION,
    OTHER_REGULATION,
    answer,
    answer_rule_question,
)


@pytest.mark.parametrize(
    ("intent", "question", "fact"),
    [
        # reduplication (jenis-jenis) and a stretched word (ajaa)
        ("tanya_dokumen", "jenis-jenis spp di sukoharjo apa ajaa", "SPP Uang Persediaan (SPP-UP)"),
        # chat verbs: ng- + -in (ngawasin), n- for t- (nerbitin)
        ("tanya_tugas", "ngawasin transaksi tko daring kubar siapa",
         "Kepala Bagian Pengadaan Barang/Jasa"),
        ("tanya_tugas", "siapa yg nerbitin sp2d di sukoharjo", "diterbitkan Kuasa BUD"),
        # typos of pemilihan and penawaran
        ("tanya_ketentuan", "metode pemilhan penyedia barang di sukoharjo apa aja",
         "Pelelangan Umum"),
        ("tanya_batas_nilai", "jaminan penawran di sukoharjo brp persen", "1% hingga 3%"),
    ],
)  # fmt: skip
def test_chat_spellings_and_typos_find_the_rule(intent, question, fact):
    reply = answer_rule_question(intent, question)
    assert fact in reply.text
    assert "Sumber:" in reply.text


def test_informal_question_finds_the_rule():
    reply = answer_rule_question("tanya_tugas", "di sukoharjo spm yg nyiapin siapa sih")
    assert reply.rules, reply.text
    assert "SPM" in reply.text and "Sukoharjo" in reply.text


def test_a_how_much_question_is_not_answered_by_a_rule_without_that_number():
    # The Kubar rule says the bendahara collects the tax, not at what rate.
    assert (
        "memungut"
        in answer_rule_question(
            "tanya_ketentuan", "bendahara toko daring kubar memungut pajak ya"
        ).text
    )
    # The rate is set by tax law, which the assistant does not hold.
    rate = answer_rule_question(
        "tanya_batas_nilai", "pajak yg dipungut bendahara toko daring kubar brp persen"
    )
    assert rate.text == OTHER_REGULATION
    # A phone number is answered only by a rule that states one.
    phone = answer_rule_question("tanya_ketentuan", "nomor telepon helpdesk lpse penajam brp")
    assert phone.text == HELPDESK


@pytest.mark.parametrize(
    ("question", "in_scope_neighbour", "fact"),
    [
        # A regional tax is set by its own Perda; the Kubar rules only say who collects taxes.
        ("bayar pajak kendaraan tahunan bisa online lewat apa",
         "bendahara toko daring kubar memungut pajak ya", "pajak"),
        ("tarif pajak restoran di sukoharjo", "siapa yg mungut pajak belanja toko daring kubar",
         "pajak"),
        # The amount of an honorarium is set by the standar biaya, not by these documents.
        ("honor pokja pemilihan per paket brp",
         "honor pokja masuk biaya apa di sukoharjo", "honorarium"),
        ("tim pengelola lpse penajam dapat honor brp",
         "tim pengelola lpse penajam dikasih honor gak", "honorarium"),
        # A national target is national policy; DKI's 2024 schedule is not an answer to it.
        ("target nasional p3dn 2025 brp persen",
         "target capaian p3dn dki 2024 brp persen", "P3DN"),
    ],
)  # fmt: skip
def test_near_domain_questions_set_by_other_regulations_get_no_rule(
    question, in_scope_neighbour, fact
):
    assert answer_rule_question("tanya_ketentuan", question).text == OTHER_REGULATION
    # The same subject asked of what the documents do say is still answered, with its source.
    neighbour = answer_rule_question("tanya_ketentuan", in_scope_neighbour)
    assert fact in neighbour.text and "Sumber:" in neighbour.text


def test_a_message_no_intent_recognised_needs_the_rules_own_words():
    # "jadwal" and "minggu" occur in Sukoharjo rules; "sepakbola" in none, and it decides.
    assert answer_rule_question("nlu_fallback", "jadwal sepakbola minggu ini").text == HELPDESK
    reply = answer_rule_question("nlu_fallback", "jenis spp di sukoharjo apa aja")
    assert "SPP Uang Persediaan (SPP-UP)" in reply.text


@pytest.mark.parametrize(
    ("intent", "question"),
    [
        ("tanya_batas_nilai", "batas pengadaan langsung di kota bandung brp"),
        ("hitung_pesanan", "pesanan 150jt lewat toko daring pemkab bogor siapa yg proses"),
        ("tanya_ketentuan", "provinsi jawa barat wajib pake e-order gak"),
    ],
)
def test_another_regions_question_is_declined_not_answered_from_ours(intent, question):
    reply = answer(intent, question)
    assert reply.text == OTHER_REGION
    assert reply.rules == ()


def test_a_region_we_hold_named_as_a_local_government_is_answered():
    reply = answer("tanya_batas_nilai", "pemkab sukoharjo jaminan penawaran brp persen")
    assert "1% hingga 3%" in reply.text


def test_a_value_question_is_answered_by_a_share():
    # "harga" asks a value; the Sukoharjo rule states it as a percentage.
    question = "preferensi harga buat kontraktor nasional di sukoharjo brp"
    reply = answer("tanya_batas_nilai", question)
    assert "7,5%" in reply.text
