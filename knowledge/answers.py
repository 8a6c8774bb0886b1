"""Answering a regulation question: pick the rule, never blend regions, always cite.

``answer`` takes the NLU intent, the message and what is known of the asker (a region named
earlier, or the region an officer is provisioned in) and returns the reply text with the rules
it rests on. When the question fits several regions' rules and says no region, the reply gives
each region's rule on its own line with its own citation and asks which region applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from knowledge import calculator
from knowledge.entities import QuestionFacts, goods_match, read_question
from knowledge.money import find_amounts
from knowledge.regions import (
    Region,
    all_regions,
    get_region,
    other_region_named,
    strip_region_names,
)
from knowledge.retrieval import Hit, default_index
from knowledge.rules_loader import Rule, all_rules

# The intent is the form of the question (nlu_data/INTENTS.md); rules answering that form weigh
# more in the ranking. The subject (TKDN, SPP, LPSE...) is found by the question's own words.
INTENT_TOPICS: dict[str, str] = {
    "tanya_batas_nilai": "batas_nilai",
    "tanya_waktu": "waktu",
    "tanya_tugas": "tugas",
    "tanya_prosedur": "prosedur",
    "tanya_dokumen": "dokumen",
    "tanya_definisi": "definisi",
}
RULE_INTENTS = frozenset([*INTENT_TOPICS, "tanya_ketentuan"])
CALCULATOR_INTENT = "hitung_pesanan"

# Below these, a rule is not a confident answer to the question (tuned with `make eval`).
MIN_COVERAGE = 0.3
MIN_SCORE = 1.0
# Weight of each preference in ranking: the intent's topic, the role the question names, and
# for a limit question a rule that states a limit (tuned with `make eval`).
PREFERENCE_BOOST = 1.2
# A message no intent recognised must match a rule much more closely to be answered from it.
MIN_COVERAGE_LONG_TAIL = 0.55
# A rule added under a calculation must fit the question about as closely.
CALC_EXTRA_COVERAGE = 0.5
REGION_RATIO = 0.6  # another region is listed when its rule scores at least this share of the best
OLD_REGIME_NOTE = (
    "Catatan: ini aturan lama (Sukoharjo 2010); batas nilainya berbeda dari aturan 2021-2024."
)
HELPDESK = (
    "Maaf, saya belum menemukan aturan yang menjawab itu di dokumen yang saya punya (Kutai Barat "
    "2022, DKI Jakarta 2023 dan 2024, Penajam Paser Utara 2021, Sukoharjo 2010), jadi saya tidak "
    "mau menebak. Ketik 'helpdesk' untuk diteruskan ke petugas LPSE."
)


# Questions that point at regulations the assistant does not hold: answering them from these
# regional documents would put a figure in the mouth of the wrong regulation.
_OTHER_REGULATIONS = re.compile(
    r"\b(perpres|peraturan presiden|perlem|peraturan lkpp|permen\w*|pmk|undang-undang|uu|sbu|"
    r"standar biaya|spt|ktp)\b"
    # A tax rate is set by tax law, regional taxes by their own Perda; these documents only say
    # who collects the tax.
    r"|\b(ppn|pph|pajak)\b.*\b(berapa|brp)\s*(persen|%)|\btarif\s+(ppn|pph|pajak)\b"
    r"|\bpajak\s+(kendaraan|restoran|hotel|reklame|bumi)|\b(pkb|samsat)\b"
    # An honorarium's amount is set by the standar biaya; a national target by national policy.
    r"|\bhonor\w*\b.*\b(berapa|brp)\b|\btarget\s+nasional\b",
    re.IGNORECASE,
)
OTHER_REGULATION = (
    "Pertanyaan itu merujuk aturan lain (misalnya Perpres atau Peraturan LKPP) yang tidak ada di "
    "dokumen saya; saya hanya memegang aturan Kutai Barat 2022, DKI Jakarta 2023 dan 2024, "
    "Penajam Paser Utara 2021, dan Sukoharjo 2010. Ketik 'helpdesk' untuk bertanya ke petugas LPSE."
)

OTHER_REGION = (
    "Daerah itu tidak termasuk dokumen yang saya pegang: saya hanya memegang aturan Kutai Barat "
    "2022, DKI Jakarta 2023 dan 2024, Penajam Paser Utara 2021, dan Sukoharjo 2010. Untuk aturan "
    "daerah lain, tanyakan ke LPSE daerah itu, atau ketik 'helpdesk' untuk bertanya ke petugas."
)


@dataclass(frozen=True)
class Reply:
    text: str
    rules: tuple[Rule, ...] = ()
    asks_region: bool = False
    region: Region | None = None


def _without_region_lead(rule: Rule) -> str:
    """The answer without its opening "Di Kutai Barat, " when a line already names the region."""
    lead = re.match(r"Di ([^,]{3,50}), (.)", rule.answer)
    if (
        lead
        and rule.region.name.split(" ", 1)[-1] in lead.group(1)
        and "Toko Daring" not in lead.group(1)
    ):
        rest = rule.answer[lead.end(2) - 1 :]
        return rest[0].upper() + rest[1:]
    return rule.answer


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


_LISTING_CUES = re.compile(
    r"\b(apa (aja|saja|sj)|ngapain|tugas\w*|peran\w*|alur|langkah|tahap\w*|prosedur|syarat|"
    r"dokumen|kewajiban|wajib)\b",
    re.IGNORECASE,
)


def _companions(hits: list[Hit], text: str) -> list[Rule]:
    """The best rule plus the next ones from the same document that answer the question about
    as well (a role's several duties, the steps of a procedure)."""
    top = hits[0]
    listing = bool(_LISTING_CUES.search(text))
    ratio, most = (0.55, 4) if listing else (0.8, 2)
    rules = [top.rule]
    for hit in hits[1:]:
        if len(rules) == most:
            break
        same_doc = hit.rule.document.id == top.rule.document.id
        if same_doc and _confident(hit) and hit.score >= ratio * top.score:
            rules.append(hit.rule)
    return rules


def _answer_text(rules: list[Rule]) -> str:
    """The rules' answers (bulleted when several) and one citation line for their document."""
    doc = rules[0].document
    # The first bullet says where; the others need not repeat it (a phone screen is short).
    bullets = [f"• {rules[0].answer}"] + [f"• {_without_region_lead(r)}" for r in rules[1:]]
    body = rules[0].answer if len(rules) == 1 else "\n".join(bullets)
    sections = "; ".join(rule.section for rule in rules)
    text = f"{body}\nSumber: {doc.short}, {sections} ({doc.region.name}, {doc.year})"
    if doc.regime == "lama":
        text += f"\n{OLD_REGIME_NOTE}"
    return text


_ASKS_NUMBER = re.compile(r"\b(berapa|brp|brpa|berpa|berapakah)\b", re.IGNORECASE)
# What kind of number a "berapa" question wants, and how an answer shows one.
_NUMBER_KINDS = (
    (re.compile(r"\bpersen|%", re.I), re.compile(r"\d\s*%|persen", re.I)),
    (re.compile(r"\b(hari|minggu|bulan|tahun|lama|kapan)\b", re.I),
     re.compile(r"\d|hari|bulan|tahun|triwulan|semester|tanggal", re.I)),
    (re.compile(r"\b(telepon|telp|tlp|hp|wa|whatsapp|kontak)\b", re.I),
     re.compile(r"\b0\d{2,4}[\s-]?\d{3,}", re.I)),
    # A value may be a share: "preferensi harga brp" is answered by "7,5% di atas ...".
    (re.compile(r"\b(nilai|harga|honor\w*|biaya|tarif|rp|juta|jt|rupiah)\b", re.I),
     re.compile(r"Rp\d|\d\s*%", re.I)),
)  # fmt: skip


def _states_asked_number(text: str):  # noqa: ANN202 (a predicate)
    """A question asking "berapa" is answered only by a rule that states such a number: a rule
    without one answers another question (a national target, a tax rate, an honorarium)."""
    if not _ASKS_NUMBER.search(text):
        return lambda _rule: True
    for asked, shown in _NUMBER_KINDS:
        if asked.search(text):
            return lambda rule: bool(shown.search(rule.answer))
    return lambda rule: bool(re.search(r"\d|satu|dua|tiga|empat|lima", rule.answer))


def _fits(facts: QuestionFacts):  # noqa: ANN202 (a predicate)
    def keep(rule: Rule) -> bool:
        if facts.channel and rule.channel and rule.channel != facts.channel:
            return False
        if not goods_match(rule.goods, facts.goods):
            return False
        return not (
            facts.amount is not None and rule.value and not rule.value.contains(facts.amount)
        )

    return keep


def _confident(hit: Hit, min_coverage: float = MIN_COVERAGE) -> bool:
    return hit.coverage >= min_coverage and hit.score >= MIN_SCORE


# "menurut Peraturan Bupati Sukoharjo Nomor 40 Tahun 2010": the document named by its number
# says where to look, not what is asked (its words would pull the document's title rule up).
_DOCUMENT_REFERENCE = re.compile(
    r"\b(peraturan|perbup|instruksi|inbup|ingub|insekda|keputusan)\b[\w\s.]{0,40}?"
    r"\b(nomor|no\.?)\s*[\w./-]*\d[\w./-]*(\s+(tahun|thn|th)\s+\d{4})?",
    re.IGNORECASE,
)


def retrieval_query(text: str) -> str:
    """The question without its amount, region and document number: those filter rules, they
    do not rank them."""
    for span in reversed(find_amounts(text)):
        text = text[: span.start] + " " + text[span.end :]
    return strip_region_names(_DOCUMENT_REFERENCE.sub(" ", text))


def _ranked(
    text: str,
    facts: QuestionFacts,
    topic: str | None,
    region: Region | None,
    *,
    long_tail: bool = False,
) -> list[Hit]:
    if topic == "batas_nilai":
        # "batasnya 200 juta kan?" checks a limit: the amount is the user's guess, not a filter.
        facts = replace(facts, amount=None)
    fits = _fits(facts)
    states_number = _states_asked_number(text)

    def keep(rule: Rule) -> bool:
        in_region = region is None or rule.region.code == region.code
        return in_region and fits(rule) and states_number(rule)

    hits = default_index().search(retrieval_query(text), keep, limit=40, strict=long_tail)

    def weight(hit: Hit) -> float:
        # Preferences, not walls: a misread intent or role must not hide the rule asked about.
        preferred = (
            topic is not None and topic in hit.rule.topics,
            facts.role is not None and facts.role in hit.rule.roles,
            topic == "batas_nilai" and hit.rule.value is not None,
        )
        return PREFERENCE_BOOST ** sum(preferred)

    hits = [replace(h, score=h.score * weight(h)) for h in hits]
    hits.sort(key=lambda h: h.score, reverse=True)
    return hits


def _per_region(hits: list[Hit]) -> list[Hit]:
    best: dict[str, Hit] = {}
    for hit in hits:
        if _confident(hit) and hit.rule.region.code not in best:
            best[hit.rule.region.code] = hit
    return list(best.values())


def _ask_region(choices: list[Hit]) -> Reply:
    lines = ["Aturannya berbeda per wilayah:"]
    for hit in choices:
        rule = hit.rule
        old = " (aturan lama 2010)" if rule.document.regime == "lama" else ""
        lines.append(
            f"• {rule.region.name}{old}: {_first_sentence(_without_region_lead(rule))}\n"
            f"  Sumber: {rule.citation}"
        )
    names = ", ".join(h.rule.region.name for h in choices)
    lines.append(f"Wilayah Anda yang mana ({names})? Balas nama wilayahnya untuk jawaban lengkap.")
    return Reply("\n".join(lines), tuple(h.rule for h in choices), asks_region=True)


def region_of_channel(channel: str | None) -> Region | None:
    """The one region whose documents regulate a channel (e-Order: DKI Jakarta), if only one."""
    if channel is None:
        return None
    codes = {rule.region.code for rule in all_rules() if rule.channel == channel}
    return get_region(codes.pop()) if len(codes) == 1 else None


def answer_rule_question(intent: str, text: str, region_hint: Region | None = None) -> Reply:
    if _OTHER_REGULATIONS.search(text):
        return Reply(OTHER_REGULATION)
    if other_region_named(text):
        # Another region's question answered from these documents would blend regions.
        return Reply(OTHER_REGION)
    facts = read_question(text)
    region = facts.region or region_of_channel(facts.channel) or region_hint
    topic = INTENT_TOPICS.get(intent)
    long_tail = intent not in RULE_INTENTS
    hits = _ranked(text, facts, topic, region, long_tail=long_tail)
    if topic and (not hits or not _confident(hits[0])):
        # The preferences may have lifted a rule that fits poorly: the plain ranking decides
        # before the assistant gives up.
        hits = _ranked(text, facts, None, region)
    floor = MIN_COVERAGE_LONG_TAIL if long_tail else MIN_COVERAGE
    if not hits or not _confident(hits[0], floor):
        return Reply(HELPDESK, region=region)
    top = hits[0]
    if region is None:
        # Other regions count only when their rule fits nearly as well as the best one.
        choices = [h for h in _per_region(hits) if h.score >= REGION_RATIO * top.score]
        if len(choices) > 1:
            return _ask_region(choices[:4])
    rules = _companions(hits, text)
    return Reply(_answer_text(rules), tuple(rules), region=region or top.rule.region)


_CALC_CUES = (
    ("penerimaan", re.compile(r"konfirmasi|bast|berita acara|serah terima|penerimaan", re.I)),
    ("preferensi_harga", re.compile(r"preferensi|referensi harga", re.I)),
    ("metode", re.compile(r"metode|lelang|pelelangan|seleksi|pengadaan langsung", re.I)),
)


def _asked_calc_question(text: str) -> str:
    for question, cue in _CALC_CUES:
        if cue.search(text):
            return question
    return "pelaksana"


def _calc_per_region(facts: QuestionFacts, question: str, regions: list[Region]) -> Reply:
    lines = ["Aturannya berbeda per wilayah:"]
    rules = []
    for region in regions:
        calculation = calculator.calculate(facts.amount, region, facts.channel, facts.goods)
        line = next((line for line in calculation.lines if line.question == question), None)
        if line is None:
            continue
        old = " (aturan lama 2010)" if line.rule.document.regime == "lama" else ""
        lines.append(f"• {region.name}{old}: {line.text}.\n  Sumber: {line.rule.citation}")
        rules.append(line.rule)
    names = ", ".join(r.region.name for r in rules)
    lines.append(f"Wilayah Anda yang mana ({names})? Balas nama wilayahnya untuk hitungan lengkap.")
    return Reply("\n".join(lines), tuple(rules), asks_region=True)


# What an order question may ask that the calculator does not compute.
_BEYOND_CALCULATOR = re.compile(
    r"bayar|kapan|kuitansi|kwitansi|\bspk\b|perjanjian|kontrak|tanda ?tangan|ditandatangan\w*|"
    r"\bpesen\b|memesan|jaminan|uang muka|pajak|bukti",
    re.IGNORECASE,
)


def _beyond_calculation(
    text_asked: str, facts: QuestionFacts, region: Region, rules: tuple[Rule, ...]
) -> Rule | None:
    """The rule that answers what the calculator does not (when the supplier is paid, whether a
    receipt is enough), for this region and amount, when one fits the question closely."""
    if not _BEYOND_CALCULATOR.search(text_asked):
        return None
    hits = _ranked(text_asked, facts, None, region)
    if hits and _confident(hits[0], CALC_EXTRA_COVERAGE) and hits[0].rule not in rules:
        return hits[0].rule
    return None


def answer_calculation(text: str, region_hint: Region | None = None) -> Reply:
    if other_region_named(text):
        return Reply(OTHER_REGION)
    facts = read_question(text)
    if facts.amount is None:
        return Reply(
            'Berapa nilai pesanannya? Tulis angkanya, misalnya: "pesanan 150jt lewat toko daring '
            'di kubar, siapa yang proses dan perlu BAST?"'
        )
    region = facts.region or region_of_channel(facts.channel) or region_hint
    if region is None:
        question = _asked_calc_question(text)
        candidates = [
            r
            for r in all_regions()
            if any(rule.calc_question == question for rule in calculator.calc_rules(r))
        ]
        if len(candidates) != 1:
            return _calc_per_region(facts, question, candidates)
        region = candidates[0]
    calculation = calculator.calculate(facts.amount, region, facts.channel, facts.goods)
    if not calculation.lines:
        return Reply(
            f"Dokumen {region.name} yang saya punya tidak menetapkan batas nilai untuk pesanan "
            "seperti ini, jadi saya tidak bisa menghitungnya. Ketik 'helpdesk' untuk bertanya ke "
            "petugas LPSE.",
            region=region,
        )
    reply, rules = calculator.render(calculation), calculation.rules
    if extra := _beyond_calculation(text, facts, region, rules):
        reply += f"\nJuga berlaku: {extra.answer}\n   Sumber: {extra.citation}"
        rules = (*rules, extra)
    return Reply(reply, rules, region=region)


def answer(intent: str, text: str, region_hint: Region | None = None) -> Reply:
    if intent == CALCULATOR_INTENT:
        return answer_calculation(text, region_hint)
    return answer_rule_question(intent, text, region_hint)
