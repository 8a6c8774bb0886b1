"""BM25 over the rules' text (answer, quote, keywords), tokenised by ``knowledge.text``.

Used to pick the rule that best fits a question within a topic, and for long-tail questions
no intent covers. ``coverage`` (the share of the question's terms a rule contains) is the
confidence: a low one means the assistant does not know, and says so. Query words the rules do
not contain are mapped to the rules' own words first (chat verbs, typos), and word pairs add to
the score so that a rule saying "fitur negosiasi" beats one with both words far apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cache
from itertools import pairwise

from rank_bm25 import BM25Okapi

from knowledge.rules_loader import Rule, all_rules
from knowledge.text import lemma, stem_candidates, terms


@dataclass(frozen=True)
class Hit:
    rule: Rule
    score: float
    coverage: float  # share of the question's information (IDF-weighted terms) the rule holds


def rule_text(rule: Rule) -> str:
    # Keywords are what people type; counting them twice lets them outweigh legal boilerplate.
    keywords = " ".join(rule.keywords)
    return f"{rule.answer} {rule.quote} {keywords} {keywords} {' '.join(rule.topics)}"


def rule_terms(rule: Rule) -> list[str]:
    return terms(rule_text(rule))


def bigrams(words: list[str]) -> list[str]:
    return [f"{a} {b}" for a, b in pairwise(words)]


PAIR_WEIGHT = 0.3


class RuleIndex:
    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        documents = [rule_terms(r) for r in self.rules]
        self._terms = [set(d) for d in documents]
        self._bm25 = BM25Okapi(documents)
        # Word pairs reward a rule that says "fitur negosiasi" over one that has both words apart.
        self._pairs = BM25Okapi([bigrams(d) for d in documents])
        # Words no rule contains (chat slang, other topics) weigh like a common word (the lower
        # quartile): slang must not sink a good match, an off-topic word still lowers coverage.
        # A message no intent recognised is searched strictly: there an unknown word is as
        # telling as the rarest one ("jadwal sepakbola" is not a question about schedules).
        idf = sorted(self._bm25.idf.values())
        self._unknown_weight = idf[len(idf) // 4]
        self._unknown_weight_strict = idf[-1]
        # Words as the rules spell them, for correcting typos (pemilhan -> pemilihan).
        self._spellings = sorted(
            {w for r in self.rules for w in re.findall(r"[a-z]{4,}", rule_text(r).lower())}
        )

    def _weight(self, term: str, *, strict: bool = False) -> float:
        unknown = self._unknown_weight_strict if strict else self._unknown_weight
        return max(self._bm25.idf.get(term, unknown), 0.1)

    @cache  # noqa: B019 (one index per process, a bounded vocabulary of questions)
    def _known(self, term: str) -> str:
        """The rules' own word for a query term: informal verb forms and typos mapped to a word
        the regulations use (nyiapin -> siap, pemilhan -> pilih), else the term as typed."""
        vocabulary = self._bm25.idf
        if term in vocabulary:
            return term
        for candidate in stem_candidates(term):
            if candidate in vocabulary:
                return candidate
        if len(term) >= 5:
            close = get_close_matches(term, self._spellings, n=1, cutoff=0.85)
            if close and (known := lemma(close[0])) in vocabulary:
                return known
        return term

    def search(
        self,
        question: str,
        keep: Callable[[Rule], bool] = lambda _rule: True,
        limit: int = 5,
        *,
        strict: bool = False,
    ) -> list[Hit]:
        query = [self._known(t) for t in terms(question)]
        if not query:
            return []
        unique = set(query)
        total = sum(self._weight(t, strict=strict) for t in unique)
        scores = self._bm25.get_scores(query)
        if pairs := bigrams(query):
            scores = scores + PAIR_WEIGHT * self._pairs.get_scores(pairs)
        hits = [
            Hit(
                rule,
                float(score),
                sum(self._weight(t, strict=strict) for t in unique & self._terms[i]) / total,
            )
            for i, (rule, score) in enumerate(zip(self.rules, scores, strict=True))
            if keep(rule)
        ]
        hits.sort(key=lambda h: (h.score, h.coverage), reverse=True)
        return hits[:limit]


@cache
def default_index() -> RuleIndex:
    return RuleIndex(all_rules())
