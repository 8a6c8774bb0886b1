"""BM25 over the rules' text (answer, quote, keywords), tokenised by ``knowledge.text``.

Used to pick the rule that best fits a question within a topic, and for long-tail questions
no intent covers. ``coverage`` (the share of the question's terms a rule contains) is the
confidence: a low one means the assistant does not know, and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from rank_bm25 import BM25Okapi

from knowledge.rules_loader import Rule, all_rules
from knowledge.text import terms


@dataclass(frozen=True)
class Hit:
    rule: Rule
    score: float
    coverage: float  # share of the question's information (IDF-weighted terms) the rule holds


def rule_terms(rule: Rule) -> list[str]:
    # Keywords are what people type; counting them twice lets them outweigh legal boilerplate.
    keywords = " ".join(rule.keywords)
    return terms(f"{rule.answer} {rule.quote} {keywords} {keywords} {' '.join(rule.topics)}")


class RuleIndex:
    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self._terms = [set(rule_terms(r)) for r in self.rules]
        self._bm25 = BM25Okapi([rule_terms(r) for r in self.rules])
        # Words no rule contains (chat slang, other topics) weigh like an ordinary word: slang
        # must not sink a good match, and an off-topic word still lowers the coverage.
        idf = sorted(self._bm25.idf.values())
        self._unknown_weight = idf[len(idf) // 2]

    def _weight(self, term: str) -> float:
        return max(self._bm25.idf.get(term, self._unknown_weight), 0.1)

    def search(
        self, question: str, keep: Callable[[Rule], bool] = lambda _rule: True, limit: int = 5
    ) -> list[Hit]:
        query = terms(question)
        if not query:
            return []
        unique = set(query)
        total = sum(self._weight(t) for t in unique)
        scores = self._bm25.get_scores(query)
        hits = [
            Hit(rule, float(score), sum(self._weight(t) for t in unique & self._terms[i]) / total)
            for i, (rule, score) in enumerate(zip(self.rules, scores, strict=True))
            if keep(rule)
        ]
        hits.sort(key=lambda h: (h.score, h.coverage), reverse=True)
        return hits[:limit]


@cache
def default_index() -> RuleIndex:
    return RuleIndex(all_rules())
