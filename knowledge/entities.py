"""What a question is about, read from its words: region, purchase channel, role, amount.

Rasa's entity extractor marks the spans; these functions decide what they mean (and read the
raw text too, so an entity Rasa missed is not lost).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.money import first_amount
from knowledge.regions import Region, find_region

# In order of precedence: a message naming e-Order and e-Purchasing is about e-Order.
CHANNEL_ALIASES: dict[str, tuple[str, ...]] = {
    "e_order": ("e-order", "eorder", "e order", "e-orde"),
    "toko_daring": ("toko daring", "tokodaring", "tko daring", "toko online", "e-marketplace",
                    "marketplace", "kubar pelo", "pelo", "ppmse"),
    "katalog": ("e-katalog", "ekatalog", "katalog elektronik", "katalog lokal", "katalog"),
    "pengadaan_langsung": ("pengadaan langsung", "pengadan langsung", "e-pengadaan langsung", "pl"),
    "penunjukan_langsung": ("penunjukan langsung", "juksung"),
    "tender": ("tender cepat", "tender", "lelang", "pelelangan"),
    "swakelola": ("swakelola",),
    "e_purchasing": ("e-purchasing", "epurchasing", "e purchasing"),
}  # fmt: skip

CHANNEL_NAMES = {
    "toko_daring": "Toko Daring",
    "e_order": "e-Order",
    "katalog": "Katalog Elektronik",
    "e_purchasing": "e-Purchasing",
    "pengadaan_langsung": "Pengadaan Langsung",
    "tender": "Tender",
    "penunjukan_langsung": "Penunjukan Langsung",
    "swakelola": "Swakelola",
}

ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "ppk": ("ppk", "pejabat pembuat komitmen"),
    "pp": ("pp", "pejabat pengadaan"),
    "pa_kpa": ("pa/kpa", "pa", "kpa", "pengguna anggaran", "kuasa pengguna anggaran"),
    "pptk": ("pptk", "pejabat pelaksana teknis kegiatan"),
    "pokja": ("pokja", "pokmil", "kelompok kerja"),
    "bendahara": ("bendahara", "bpp", "bendahara pengeluaran"),
    "penyedia": ("penyedia", "vendor", "pelaku usaha", "umkm", "umk", "koperasi", "rekanan"),
    "ukpbj": ("ukpbj", "bagian pengadaan", "bpbj", "bppbj"),
    "lpse": ("lpse",),
    "inspektorat": ("inspektorat", "inspektur"),
    "bpkad": ("bpkd", "bpkad", "bkad", "badan keuangan"),
}  # fmt: skip


def _normalise(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9/-]+", " ", text.lower()).strip() + " "


def _first_alias(text: str, aliases: dict[str, tuple[str, ...]]) -> str | None:
    """The first key, in the dict's order of precedence, that the text names."""
    padded = _normalise(text)
    for key, names in aliases.items():
        if any(f" {name} " in padded for name in names):
            return key
    return None


def find_channel(text: str) -> str | None:
    return _first_alias(text, CHANNEL_ALIASES)


def find_role(text: str) -> str | None:
    return _first_alias(text, ROLE_ALIASES)


def find_goods(text: str) -> str | None:
    """The kind of procurement when it changes the rule: consultancy or construction work."""
    lowered = text.lower()
    if "konsultan" in lowered:
        return "konsultansi"
    if "konstruksi" in lowered or "pembangunan gedung" in lowered:
        return "konstruksi"
    return None


@dataclass(frozen=True)
class QuestionFacts:
    amount: int | None
    region: Region | None
    channel: str | None
    role: str | None
    goods: str | None = None


def read_question(text: str) -> QuestionFacts:
    return QuestionFacts(
        first_amount(text), find_region(text), find_channel(text), find_role(text), find_goods(text)
    )


def goods_match(rule_goods: str | None, asked: str | None) -> bool:
    """Whether a rule about one kind of procurement applies to the kind asked about; when the
    question names none, the general case (goods and other services) is meant."""
    if rule_goods is None:
        return True
    if asked is None:
        return "konsultansi" not in rule_goods and rule_goods != "pekerjaan_konstruksi"
    return asked in rule_goods
