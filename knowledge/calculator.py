"""The threshold calculator: one order value, one region, one channel -> every rule that bites.

Each line comes from one rule (``calc`` in the rules files) and carries that rule's citation;
boundaries use the rule's exact semantics (``ValueBounds``), so Rp50.000.000 and Rp50.000.001
give different answers where the text says "paling banyak Rp50.000.000".
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.entities import CHANNEL_NAMES, goods_match
from knowledge.money import rupiah
from knowledge.regions import Region
from knowledge.rules_loader import Rule, ValueBounds, all_rules

QUESTION_ORDER = ("batas_kanal", "pelaksana", "metode", "penerimaan", "preferensi_harga")
QUESTION_LABELS = {
    "batas_kanal": "Batas kanal",
    "pelaksana": "Yang memproses",
    "metode": "Metode (aturan 2010)",
    "penerimaan": "Dokumen penerimaan",
    "preferensi_harga": "Preferensi harga",
}


def bound_phrase(bounds: ValueBounds) -> str:
    parts = []
    if bounds.above is not None:
        parts.append(f"di atas {rupiah(bounds.above)}")
    if bounds.min is not None:
        parts.append(f"paling sedikit {rupiah(bounds.min)}")
    if bounds.max is not None:
        parts.append(f"paling banyak {rupiah(bounds.max)}")
    return " dan ".join(parts)


@dataclass(frozen=True)
class CalcLine:
    question: str
    text: str
    rule: Rule


@dataclass(frozen=True)
class Calculation:
    amount: int
    region: Region
    channel: str | None
    lines: tuple[CalcLine, ...]

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(line.rule for line in self.lines)


def calc_rules(region: Region | None = None) -> list[Rule]:
    return [
        r
        for r in all_rules()
        if r.calc_question and r.value and (region is None or r.region.code == region.code)
    ]


def default_channel(region: Region) -> str | None:
    """The channel a region's calculator rules are written for, when there is just one."""
    channels = {r.channel for r in calc_rules(region) if r.channel}
    return channels.pop() if len(channels) == 1 else None


def _line(question: str, amount: int, group: list[Rule]) -> CalcLine | None:
    # The tightest band that holds the amount is the rule meant for it (e.g. up to Rp100 juta
    # is Pengadaan Langsung even though Pelelangan Sederhana's "up to Rp200 juta" holds it too).
    inside = sorted(
        (r for r in group if r.value and r.value.contains(amount)),
        key=lambda r: r.value.max if r.value.max is not None else float("inf"),
    )
    label = QUESTION_LABELS[question]
    if question == "batas_kanal":
        rule = group[0]
        verdict = "masih dalam batas" if inside else f"{rupiah(amount)} MELEBIHI batas"
        return CalcLine(question, f"{label}: {verdict} — {rule.calc_outcome}", rule)
    if inside:
        rule = inside[0]
        return CalcLine(
            question, f"{label}: {rule.calc_outcome} ({bound_phrase(rule.value)})", rule
        )
    if question == "preferensi_harga":
        rule = group[0]
        return CalcLine(
            question, f"{label}: tidak berlaku, hanya untuk nilai {bound_phrase(rule.value)}", rule
        )
    return None


def _in_scope(rule: Rule, question: str, channel: str | None, goods: str | None) -> bool:
    if rule.calc_question != question or not goods_match(rule.goods, goods):
        return False
    if question == "batas_kanal":
        return channel is not None and rule.channel == channel
    if question == "metode":
        return True  # the method is the answer, whatever channel was named
    return rule.channel is None or rule.channel == channel


def calculate(
    amount: int, region: Region, channel: str | None, goods: str | None = None
) -> Calculation:
    rules = calc_rules(region)
    channel = channel or default_channel(region)
    lines = []
    for question in QUESTION_ORDER:
        group = [r for r in rules if _in_scope(r, question, channel, goods)]
        if group and (line := _line(question, amount, group)):
            lines.append(line)
    return Calculation(amount, region, channel, tuple(lines))


def render(calculation: Calculation) -> str:
    channel = CHANNEL_NAMES.get(calculation.channel or "", "")
    via = f" lewat {channel}" if channel else ""
    head = f"Pesanan {rupiah(calculation.amount)}{via} di {calculation.region.name}:"
    body = [
        f"{i}. {line.text}.\n   Sumber: {line.rule.citation}"
        for i, line in enumerate(calculation.lines, start=1)
    ]
    text = "\n".join([head, *body])
    if any(line.rule.document.regime == "lama" for line in calculation.lines):
        text += "\nCatatan: ini batas nilai aturan lama (2010), berbeda dari aturan 2021-2024."
    return text
