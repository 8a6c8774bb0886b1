"""Indonesian text as the retrieval sees it: spaCy's Indonesian tokenizer, informal spellings
normalised (yg -> yang, gak -> tidak), words reduced to their lemma (pembayaran -> bayar),
stop words dropped."""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.lang.id.stop_words import STOP_WORDS
from spacy.lookups import load_lookups
from spacy.strings import get_string_id

# Question words carry no topic; procurement acronyms must survive the stop-word filter.
_EXTRA_STOP = {
    "berapa",
    "brp",
    "gimana",
    "gmn",
    "bagaimana",
    "apa",
    "apakah",
    "dong",
    "sih",
    "ya",
    "kah",
    "nya",
    "min",
    "kak",
    "pak",
    "bu",
    "tolong",
    "mohon",
    "info",
    "informasi",
}
_KEEP = {
    "pp",
    "ppk",
    "pa",
    "kpa",
    "sp",
    "spd",
    "spp",
    "spm",
    "sp2d",
    "umk",
    "hps",
    "bast",
    "hari",
    "bulan",
    "tahun",
    "persen",
    "kerja",
    "tanggal",
    "minggu",
    "waktu",
    "siapa",
}
# Informal spellings that the lookup tables do not know.
_INFORMAL = {"tko": "toko", "brp": "berapa", "sy": "saya", "utk": "untuk", "dgn": "dengan",
             "ga": "tidak", "gak": "tidak", "nggak": "tidak", "gk": "tidak", "jd": "jadi",
             "sm": "sama", "dr": "dari", "krn": "karena", "bs": "bisa", "blm": "belum",
             "pengadan": "pengadaan", "eorder": "e-order", "tokodaring": "toko daring"}  # fmt: skip


# Chat words and acronyms spelled out the way the regulations write them (applied before
# tokenising, so a phrase can expand to several words).
_EXPANSIONS = {
    "sp": "surat pesanan", "bast": "berita acara serah terima", "nego": "negosiasi",
    "mamin": "makan minum", "konsumsi": "makan minum", "katering": "makan minum",
    "vendor": "penyedia", "umkm": "usaha mikro kecil umk", "bapenda": "badan pendapatan daerah",
    "diskominfo": "dinas komunikasi informatika", "kominfo": "komunikasi informatika",
    "bkad": "badan keuangan aset daerah", "bpkad": "badan keuangan aset daerah",
    "bpkd": "badan pengelolaan keuangan daerah", "kabag": "kepala bagian",
    "disperindagkop": "dinas perdagangan koperasi", "ngapain": "tugas", "kerjanya": "tugas",
    "tugasnya": "tugas", "perannya": "tugas", "nyetujuin": "menyetujui", "dipake": "dipakai",
    "pake": "pakai", "sampe": "sampai", "smp": "sampai", "bayarnya": "bayar", "kpn": "kapan",
    "hrs": "harus", "dtg": "datang", "pesen": "pesan", "dibayar": "bayar",
    "dibayarkan": "bayar", "bikin": "membuat", "nerbitin": "terbit",
    "ngasih": "memberikan", "ngawasin": "mengawasi", "nguji": "menguji", "max": "paling banyak",
    "maks": "paling banyak", "maksimal": "paling banyak", "minimal": "paling sedikit",
    "pdn": "produk dalam negeri", "ttd": "tanda tangan", "wa": "whatsapp",
}  # fmt: skip
_EXPANSION_RE = re.compile(r"\b(" + "|".join(map(re.escape, _EXPANSIONS)) + r")\b")


def _expand(text: str) -> str:
    return _EXPANSION_RE.sub(lambda m: _EXPANSIONS[m.group(1)], text)


@cache
def _pipeline() -> tuple[spacy.language.Language, dict[int, str], dict[int, str]]:
    nlp = spacy.blank("id")
    lookups = load_lookups("id", ["lemma_lookup", "lexeme_norm"])
    lemmas = dict(lookups.get_table("lemma_lookup").items())
    norms = dict(lookups.get_table("lexeme_norm").items())
    return nlp, lemmas, norms


def _table_get(table: dict[int, str], word: str) -> str | None:
    # spaCy lookup tables are keyed by the hash of the string.
    return table.get(get_string_id(word))


def terms(text: str) -> list[str]:
    """Content terms of a text, normalised for matching."""
    nlp, lemmas, norms = _pipeline()
    out = []
    for token in nlp.make_doc(_expand(text.lower())):
        if token.is_punct or token.is_space:
            continue
        word = _INFORMAL.get(token.text, token.text)
        word = _table_get(norms, word) or word
        if word in _KEEP:
            out.append(word)
            continue
        if word in STOP_WORDS or word in _EXTRA_STOP or len(word) < 2:
            continue
        out.append(_table_get(lemmas, word) or word)
    return out
