"""Rupiah amounts in every form people and regulations write them."""

from __future__ import annotations

import pytest

from knowledge.money import find_amounts, first_amount, rupiah


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Rp50.000.000,00", 50_000_000),
        ("Rp.200.000.000,00(dua ratus juta rupiah)", 200_000_000),
        ("50jt", 50_000_000),
        ("50 juta", 50_000_000),
        ("lima puluh juta", 50_000_000),
        ("seratus lima puluh juta", 150_000_000),
        ("1,5 M", 1_500_000_000),
        ("200rb", 200_000),
        ("2,5 miliar", 2_500_000_000),
        ("1 milyar", 1_000_000_000),
        ("Rp 75 juta", 75_000_000),
        ("50.000.001", 50_000_001),
        ("Rp 1.000.000.000", 1_000_000_000),
        ("dua ratus jt", 200_000_000),
        ("lima rb", 5_000),
        ("satu koma dua miliar", 1_200_000_000),
        ("dua koma lima juta", 2_500_000),
    ],
)
def test_every_common_form(text, amount):
    assert first_amount(f"pesanan {text} lewat toko daring") == amount


@pytest.mark.parametrize(
    "text",
    ["Nomor 29 Tahun 2021", "TKDN 25% dan BMP 40%", "3 (tiga) hari kerja", "beli 10 unit", ""],
)
def test_numbers_that_are_not_money(text):
    assert find_amounts(text) == []


def test_spans_point_at_the_text():
    text = "HPS di atas Rp1.000.000.000 (satu miliar rupiah)"
    spans = find_amounts(text)
    assert [(text[s.start : s.end], s.amount) for s in spans] == [
        ("Rp1.000.000.000", 1_000_000_000),
        ("satu miliar", 1_000_000_000),
    ]


def test_the_one_way_money_is_written():
    assert rupiah(150_000_000) == "Rp150.000.000"
    assert rupiah(50_000_001) == "Rp50.000.001"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("paket 200jt lebih dikit lewat toko daring", 200_000_001),
        ("di atas 50 juta", 50_000_001),
        ("lebih dari Rp50.000.000", 50_000_001),
        ("SP lima puluh juta lima ratus ribu", 50_500_000),
        ("pesanan 50jt lewat toko daring", 50_000_000),
    ],
)
def test_just_above_an_amount(text, amount):
    assert first_amount(text) == amount
