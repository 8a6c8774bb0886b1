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
    "aja",
    "sj",
    "deh",
    "nih",
    "tuh",
    "kab",
    "gan",
    "sbg",
    "jg",
    "lg",
    "udh",
    "udah",
    "loh",
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
             "dlm": "dalam", "tdk": "tidak", "sdh": "sudah", "sblm": "sebelum", "stlh": "setelah",
             "msh": "masih", "klo": "kalau", "kalo": "kalau", "bgmn": "bagaimana",
             "tsb": "tersebut", "pengadan": "pengadaan", "eorder": "e-order",
             "tokodaring": "toko daring"}  # fmt: skip


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


_REDUPLICATED = re.compile(r"^(\w+?)(?:2|-\1)$")  # jenis2, jenis-jenis
_STRETCHED = re.compile(r"(\w)\1+$")  # ajaa, siapaaa


def _plain_word(word: str) -> str:
    """A chat spelling reduced to the word: reduplication and stretched endings undone."""
    if match := _REDUPLICATED.match(word):
        word = match.group(1)
    if len(word) > 3 and lemma(word) == word:
        word = _STRETCHED.sub(r"\1", word)
    return word


def lemma(word: str) -> str:
    return _table_get(_pipeline()[1], word) or word


# Jakarta-style chat verbs: ng-/nge-/ny-/n- prefixes and the -in suffix (nyiapin -> siap,
# ngawasin -> awas, nerbitin -> terbit), tried only for words the regulations do not contain.
_CHAT_PREFIXES = (("nge", ""), ("ng", ""), ("ng", "k"), ("ny", "s"), ("ny", "c"), ("n", "t"),
                  ("m", "p"), ("di", ""), ("ke", ""))  # fmt: skip
_CHAT_SUFFIXES = ("in", "kan", "i", "an", "nya", "")


def stem_candidates(word: str) -> list[str]:
    """Possible base words of an informal verb, most likely first."""
    out = []
    for suffix in _CHAT_SUFFIXES:
        if suffix and not word.endswith(suffix):
            continue
        stem = word[: len(word) - len(suffix)] if suffix else word
        for prefix, replacement in _CHAT_PREFIXES:
            if stem.startswith(prefix) and len(stem) - len(prefix) >= 3:
                out.append(lemma(replacement + stem[len(prefix) :]))
        if suffix and len(stem) >= 3:
            out.append(lemma(stem))
    return out


def terms(text: str) -> list[str]:
    """Content terms of a text, normalised for matching."""
    nlp, _lemmas, norms = _pipeline()
    out = []
    for token in nlp.make_doc(_expand(text.lower())):
        if token.is_punct or token.is_space:
            continue
        word = _plain_word(_INFORMAL.get(token.text, token.text))
        word = _INFORMAL.get(word, word)
        word = _table_get(norms, word) or word
        if word in _KEEP:
            out.append(word)
            continue
        if word in STOP_WORDS or word in _EXTRA_STOP or len(word) < 2:
            continue
        out.append(lemma(word))
    return out
