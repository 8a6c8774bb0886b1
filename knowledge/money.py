"""Rupiah amounts in free text, as people and regulations write them.

``lokal-id`` parses a whole string ("Rp50.000.000,00", "50jt", "lima puluh juta", "1,5 M"); this
module finds the spans in a sentence first, then lets lokal-id read each one. Amounts are
integer rupiah.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lokal.rupiah import format_rupiah, parse_rupiah

_NUMBER_WORDS = (
    r"(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|"
    r"seribu|sejuta|puluh|belas|ratus|ribu|setengah)"
)
_SCALE = r"(?:triliun|trilyun|miliar|milyar|juta|jt|ribu|rb|k|m|t)"
_SCALE_WORD = r"(?:triliun|trilyun|miliar|milyar|juta|jt|ribu|rb)"
_DIGIT_WORDS = {
    "nol": "0", "satu": "1", "dua": "2", "tiga": "3", "empat": "4",
    "lima": "5", "enam": "6", "tujuh": "7", "delapan": "8", "sembilan": "9",
}  # fmt: skip
_DIGIT_WORD = rf"(?:{'|'.join(_DIGIT_WORDS)})"
_ALTERNATIVES = (
    # satu koma dua miliar: a decimal said in words (lokal-id reads only "1,2 miliar")
    rf"{_DIGIT_WORD}\s+koma(?:\s+{_DIGIT_WORD})+\s+{_SCALE_WORD}",
    rf"rp\.?\s*\d[\d.,]*(?:\s*{_SCALE})?",  # Rp50.000.000,00 / Rp 50 jt
    rf"\d+(?:[.,]\d+)?\s*{_SCALE}(?:an)?",  # 50jt / 1,5 M / 200rb
    r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?",  # 150.000.000 (no unit)
    # lima puluh juta / seratus lima puluh juta / lima puluh juta lima ratus ribu
    rf"(?:(?:{_NUMBER_WORDS}|{_SCALE_WORD})\s+)*{_NUMBER_WORDS}\s+{_SCALE_WORD}",
)
_MONEY = re.compile(rf"(?<![\w.,])(?:{'|'.join(_ALTERNATIVES)})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class MoneySpan:
    start: int
    end: int
    text: str
    amount: int


def _spoken_decimal(raw: str) -> str:
    """A decimal said in words as digits ("satu koma dua miliar" -> "1,2 miliar")."""
    words = raw.lower().split()
    if "koma" not in words:
        return raw
    at = words.index("koma")
    digits = [_DIGIT_WORDS[w] for w in words[:-1] if w in _DIGIT_WORDS]
    return f"{''.join(digits[:at])},{''.join(digits[at:])} {words[-1]}"


def find_amounts(text: str) -> list[MoneySpan]:
    """Every rupiah amount in the text, in order."""
    spans = []
    for match in _MONEY.finditer(text):
        raw = match.group(0).rstrip(".,")
        parsed = parse_rupiah(_spoken_decimal(raw))
        if parsed is None or parsed.amount <= 0 or parsed.amount != int(parsed.amount):
            continue
        spans.append(MoneySpan(match.start(), match.start() + len(raw), raw, int(parsed.amount)))
    return spans


# "200jt lebih", "di atas 50 juta", "lebih dari Rp50.000.000": just past the amount.
_ABOVE_BEFORE = re.compile(r"(di atas|diatas|lebih dari|lbh dari|melebihi)\s*$", re.IGNORECASE)
_ABOVE_AFTER = re.compile(r"^\s*(lebih|lbh|an lebih)\b", re.IGNORECASE)


def first_amount(text: str) -> int | None:
    """The order value a question is about; "200jt lebih" means just above Rp200.000.000."""
    spans = find_amounts(text)
    if not spans:
        return None
    span = spans[0]
    if _ABOVE_BEFORE.search(text[: span.start]) or _ABOVE_AFTER.match(text[span.end :]):
        return span.amount + 1
    return span.amount


def rupiah(amount: int) -> str:
    """Rp150.000.000: the one way the assistant writes money."""
    return format_rupiah(amount)
