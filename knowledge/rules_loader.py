"""Loading and validating the regulation rules in ``knowledge/rules/*.yml``.

Validation is strict because every answer the assistant gives about a regulation comes from
here: a malformed record stops the start, naming the file and the record. ``python -m
knowledge.rules_loader`` checks every file and prints a summary.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.money import find_amounts
from knowledge.regions import Region, get_region

KNOWLEDGE_DIR = Path(__file__).resolve().parent
RULES_DIR = KNOWLEDGE_DIR / "rules"
SOURCES_DIR = KNOWLEDGE_DIR / "sources"

TOPICS = frozenset(
    [
        "batas_nilai",
        "tugas",
        "prosedur",
        "dokumen",
        "pembayaran",
        "tkdn",
        "porsi_umk",
        "preferensi_harga",
        "impor",
        "pelaporan",
        "lpse",
        "anggaran",
        "metode",
        "sanksi",
        "kontrak",
        "perencanaan",
        # Question forms a rule answers, beside its subject (nlu_data/INTENTS.md).
        "waktu",
        "definisi",
    ]
)
CHANNELS = frozenset(
    [
        "toko_daring",
        "e_order",
        "katalog",
        "e_purchasing",
        "pengadaan_langsung",
        "tender",
        "penunjukan_langsung",
        "swakelola",
    ]
)
ROLES = frozenset(
    [
        "pa_kpa",
        "ppk",
        "pptk",
        "pp",
        "pokja",
        "bendahara",
        "penyedia",
        "ukpbj",
        "lpse",
        "inspektorat",
        "bpkad",
        "verifier",
        "helpdesk",
    ]
)
FIGURE_KINDS = frozenset({"rupiah", "persen", "hari", "hari_kerja", "bulan", "tahun", "kali"})
CALC_QUESTIONS = frozenset({"pelaksana", "penerimaan", "batas_kanal", "preferensi_harga", "metode"})
REGIMES = frozenset({"berlaku", "lama"})


class KnowledgeError(ValueError):
    """A rules file that cannot be used; the message names the file and the record."""


@dataclass(frozen=True)
class Document:
    id: str
    source: str
    kind: str
    number: str
    title: str
    short: str
    region: Region
    date: date
    regime: str

    @property
    def year(self) -> int:
        return self.date.year


@dataclass(frozen=True)
class ValueBounds:
    """Integer-rupiah boundaries with the text's exact semantics."""

    max: int | None = None  # "paling banyak": included
    above: int | None = None  # "di atas": excluded
    min: int | None = None  # "paling sedikit": included

    def contains(self, amount: int) -> bool:
        if self.max is not None and amount > self.max:
            return False
        if self.above is not None and amount <= self.above:
            return False
        return not (self.min is not None and amount < self.min)


@dataclass(frozen=True)
class Figure:
    kind: str
    value: int


@dataclass(frozen=True)
class Rule:
    id: str
    document: Document
    topics: tuple[str, ...]
    section: str
    answer: str
    quote: str
    figures: tuple[Figure, ...] = ()
    channel: str | None = None
    roles: tuple[str, ...] = ()
    goods: str | None = None
    value: ValueBounds | None = None
    calc_question: str | None = None
    calc_outcome: str | None = None
    keywords: tuple[str, ...] = field(default=())

    @property
    def region(self) -> Region:
        return self.document.region

    @property
    def citation(self) -> str:
        doc = self.document
        return f"{doc.short}, {self.section} ({doc.region.name}, {doc.date.year})"


def normalise_text(text: str) -> str:
    """The form quotes are compared in: no markdown emphasis, no list markers, single spaces."""
    text = text.replace("*", "")
    text = re.sub(r"(?m)^\s*[-•]\s+", "", text)
    return re.sub(r"\s+", " ", text).strip()


@cache
def _normalised_source(name: str) -> str:
    return normalise_text((SOURCES_DIR / name).read_text(encoding="utf-8"))


def _require(record: dict[str, Any], key: str, where: str) -> Any:
    value = record.get(key)
    if value in (None, "", []):
        raise KnowledgeError(f"{where}: '{key}' wajib diisi")
    return value


def _parse_document(raw: dict[str, Any], where: str) -> Document:
    source = _require(raw, "source", where)
    if not (SOURCES_DIR / source).exists():
        raise KnowledgeError(f"{where}: sumber {source!r} tidak ada di {SOURCES_DIR}")
    regime = _require(raw, "regime", where)
    if regime not in REGIMES:
        raise KnowledgeError(f"{where}: regime {regime!r} harus salah satu dari {sorted(REGIMES)}")
    signed = _require(raw, "date", where)
    if not isinstance(signed, date):
        raise KnowledgeError(f"{where}: date harus berbentuk YYYY-MM-DD")
    try:
        region = get_region(_require(raw, "region", where))
    except KeyError:
        raise KnowledgeError(
            f"{where}: wilayah {raw['region']!r} tidak ada di regions.yml"
        ) from None
    return Document(
        id=_require(raw, "id", where),
        source=source,
        kind=_require(raw, "kind", where),
        number=_require(raw, "number", where),
        title=_require(raw, "title", where),
        short=_require(raw, "short", where),
        region=region,
        date=signed,
        regime=regime,
    )


def _as_int(value: Any, where: str, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise KnowledgeError(f"{where}: {key} harus bilangan bulat rupiah (diterima {value!r})")
    return value


def _parse_bounds(raw: dict[str, Any] | None, where: str) -> ValueBounds | None:
    if raw is None:
        return None
    unknown = set(raw) - {"max", "above", "min"}
    if unknown or not raw:
        raise KnowledgeError(f"{where}: applies.value hanya boleh berisi max, above, min")
    bounds = ValueBounds(**{k: _as_int(v, where, f"value.{k}") for k, v in raw.items()})
    if bounds.above is not None and bounds.min is not None:
        raise KnowledgeError(f"{where}: applies.value tidak boleh berisi above dan min sekaligus")
    return bounds


def _stated_figures(answer: str) -> set[tuple[str, int]]:
    """The figures an answer states, as (kind family, value)."""
    stated = {("rupiah", a.amount) for a in find_amounts(answer)}
    stated |= {("persen", int(v)) for v in re.findall(r"(?<![\d.,])(\d+)\s*%", answer)}
    stated |= {("hari", int(v)) for v in re.findall(r"(?<![\d.,])(\d+)\s*hari", answer)}
    return stated


def _check_figures(rule: Rule, where: str) -> None:
    quote = rule.quote
    listed = {("hari" if f.kind == "hari_kerja" else f.kind, f.value) for f in rule.figures}
    if missing := _stated_figures(rule.answer) - listed:
        raise KnowledgeError(
            f"{where}: answer menyebut angka yang tidak ada di figures: {sorted(missing)}"
        )
    for figure in rule.figures:
        if figure.kind == "rupiah":
            if figure.value not in {a.amount for a in find_amounts(quote)}:
                raise KnowledgeError(f"{where}: angka Rp{figure.value} tidak ada di quote")
        elif not re.search(rf"(?<![\d.,]){figure.value}(?![\d.,]\d)", quote):
            raise KnowledgeError(
                f"{where}: angka {figure.value} ({figure.kind}) tidak ada di quote"
            )


def _parse_rule(raw: dict[str, Any], document: Document, where: str) -> Rule:
    rule_id = _require(raw, "id", where)
    where = f"{where} (rule {rule_id})"
    topics = tuple(_require(raw, "topics", where))
    if bad := set(topics) - TOPICS:
        raise KnowledgeError(f"{where}: topik tidak dikenal {sorted(bad)}")
    applies = raw.get("applies") or {}
    channel = applies.get("channel")
    if channel is not None and channel not in CHANNELS:
        raise KnowledgeError(f"{where}: kanal tidak dikenal {channel!r}")
    roles = tuple(applies.get("roles") or ())
    if bad := set(roles) - ROLES:
        raise KnowledgeError(f"{where}: peran tidak dikenal {sorted(bad)}")
    figures = []
    for item in raw.get("figures") or ():
        if item.get("kind") not in FIGURE_KINDS:
            raise KnowledgeError(f"{where}: jenis angka tidak dikenal {item.get('kind')!r}")
        figures.append(Figure(item["kind"], _as_int(item.get("value"), where, "figures.value")))
    calc = raw.get("calc") or {}
    if calc and calc.get("question") not in CALC_QUESTIONS:
        raise KnowledgeError(f"{where}: calc.question tidak dikenal {calc.get('question')!r}")
    rule = Rule(
        id=rule_id,
        document=document,
        topics=topics,
        section=_require(raw, "section", where),
        answer=normalise_text(_require(raw, "answer", where)),
        quote=normalise_text(_require(raw, "quote", where)),
        figures=tuple(figures),
        channel=channel,
        roles=roles,
        goods=applies.get("goods"),
        value=_parse_bounds(applies.get("value"), where),
        calc_question=calc.get("question"),
        calc_outcome=calc.get("outcome"),
        keywords=tuple(str(k) for k in raw.get("keywords") or ()),
    )
    if rule.quote not in _normalised_source(document.source):
        raise KnowledgeError(f"{where}: quote tidak ditemukan apa adanya di {document.source}")
    _check_figures(rule, where)
    return rule


def load_file(path: Path) -> list[Rule]:
    where = path.name
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{where}: YAML tidak valid: {exc}") from None
    if not isinstance(raw, dict) or "document" not in raw or "rules" not in raw:
        raise KnowledgeError(f"{where}: harus berisi 'document' dan 'rules'")
    document = _parse_document(raw["document"], f"{where} (document)")
    rules = [
        _parse_rule(item, document, f"{where} record {i}")
        for i, item in enumerate(raw["rules"], start=1)
    ]
    return rules


@cache
def all_rules() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in sorted(RULES_DIR.glob("*.yml")):
        for rule in load_file(path):
            if rule.id in seen:
                raise KnowledgeError(
                    f"{path.name}: id {rule.id!r} sudah dipakai di {seen[rule.id]}"
                )
            seen[rule.id] = path.name
            rules.append(rule)
    return tuple(rules)


def main() -> int:
    try:
        rules = all_rules()
    except KnowledgeError as exc:
        print(f"GAGAL: {exc}", file=sys.stderr)
        return 1
    by_doc: dict[str, int] = {}
    for rule in rules:
        by_doc[rule.document.id] = by_doc.get(rule.document.id, 0) + 1
    for doc_id, count in by_doc.items():
        print(f"{doc_id}: {count} aturan")
    print(f"Semua {len(rules)} aturan valid.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
