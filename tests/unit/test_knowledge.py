"""The rules files: every record valid, every quote really in its source, every figure cited."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from knowledge import rules_loader
from knowledge.money import find_amounts
from knowledge.rules_loader import KnowledgeError, all_rules, load_file, normalise_text

EXAMPLE = rules_loader.RULES_DIR / "dki_eorder_2023.yml"


def test_every_rule_quotes_its_source_and_cites_a_section():
    rules = all_rules()
    assert rules
    for rule in rules:
        source = normalise_text((rules_loader.SOURCES_DIR / rule.document.source).read_text())
        assert rule.quote in source, rule.id
        assert rule.section and rule.document.region.name in rule.citation
        assert str(rule.document.year) in rule.citation


def test_every_figure_an_answer_states_is_in_its_quote():
    for rule in all_rules():
        quoted = {a.amount for a in find_amounts(rule.quote)}
        for amount in find_amounts(rule.answer):
            assert amount.amount in quoted, (rule.id, amount.text)


def test_rule_ids_are_unique():
    ids = [r.id for r in all_rules()]
    assert len(ids) == len(set(ids))


def broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "broken.yml"
    shutil.copy(EXAMPLE, path)
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("paling banyak Rp50.000.000,00 (lima puluh juta rupiah) per\n      transaksi melalui",
         "paling banyak Rp75.000.000,00 per transaksi melalui", "quote tidak ditemukan"),
        ("{kind: rupiah, value: 50000000}", "{kind: rupiah, value: 5000000}",
         "tidak ada di figures"),
        ("topics: [batas_nilai]", "topics: [cuaca]", "topik tidak dikenal"),
        ("channel: e_order\n      goods", "channel: warung\n      goods", "kanal tidak dikenal"),
        ("value: {max: 50000000}", "value: {max: lima puluh juta}", "bilangan bulat rupiah"),
        ("region: dki-jakarta", "region: bandung", "tidak ada di regions.yml"),
    ],
)  # fmt: skip
def test_a_malformed_record_is_refused_naming_file_and_record(tmp_path, old, new, message):
    with pytest.raises(KnowledgeError, match=re.escape(message)) as error:
        load_file(broken_copy(tmp_path, old, new))
    assert str(error.value).startswith("broken.yml")
    if "document" not in str(error.value):
        assert "(rule dki-eorder-batas-transaksi)" in str(error.value)


def test_bad_yaml_is_named(tmp_path):
    path = tmp_path / "rusak.yml"
    path.write_text("document: [\n")
    with pytest.raises(KnowledgeError, match=r"rusak\.yml: YAML tidak valid"):
        load_file(path)
