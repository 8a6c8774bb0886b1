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
_MONEY = re.compile(
    r"""
    (?<![\w.,])
    (?:
        rp\.?\s*\d[\d.,]*(?:\s*"""
    + _SCALE
    + r""")?           # Rp50.000.000,00 / Rp 50 jt
      | \d+(?:[.,]\d+)?\s*"""
    + _SCALE
    + r"""(?:an)?           # 50jt / 1,5 M / 200rb
      | \d{1,3}(?:\.\d{3})+(?:,\d{1,2})?                      # 150.000.000 (no unit)
      | (?:"""
    + _NUMBER_WORDS
    + r"""\s+)*"""
    + _NUMBER_WORDS
    + r"""\s+(?:triliun|miliar|milyar|juta|ribu)
    )
    (?![\w])
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class MoneySpan:
    start: int
    end: int
    text: str
    amount: int


def find_amounts(text: str) -> list[MoneySpan]:
    """Every rupiah amount in the text, in order."""
    spans = []
    for match in _MONEY.finditer(text):
        raw = match.group(0).rstrip(".,")
        parsed = parse_rupiah(raw)
        if parsed is None or parsed.amount <= 0 or parsed.amount != int(parsed.amount):
            continue
        spans.append(MoneySpan(match.start(), match.start() + len(raw), raw, int(parsed.amount)))
    return spans


def first_amount(text: str) -> int | None:
    spans = find_amounts(text)
    return spans[0].amount if spans else None


def rupiah(amount: int) -> str:
    """Rp150.000.000: the one way the assistant writes money."""
    return format_rupiah(amount)
