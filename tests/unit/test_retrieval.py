"""How the retrieval reads chat spelling, and when it declines to answer."""

from __future__ import annotations

import pytest

from knowledge.answers import HELPDESK, answer_rule_question
from knowledge.retrieval import default_index
from knowledge.text import terms


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("jenis2 spp", ["jenis", "spp"]),
        ("jenis-jenis spp", ["jenis", "spp"]),
        ("layanan lpse apa ajaa", ["layan", "lpse"]),
        ("siapaaa", ["siapa"]),
    ],
)
def test_chat_spellings_reduce_to_the_word(typed, meant):
    assert terms(typed) == meant


@pytest.mark.parametrize(
    ("typed", "known"),
    [
        ("nyiapin", "siap"),  # ny- + -in
        ("ngawasin", "awas"),  # ng- + -in
        ("nerbitin", "terbit"),  # n- for t-
        ("pemilhan", "pilih"),  # a typo of pemilihan
        ("penawran", "tawar"),  # a typo of penawaran
    ],
)
def test_informal_verbs_and_typos_map_to_the_regulations_words(typed, known):
    assert default_index()._known(typed) == known


def test_a_word_no_rule_resembles_is_left_as_typed():
    assert default_index()._known("sepakbola") == "sepakbola"


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
