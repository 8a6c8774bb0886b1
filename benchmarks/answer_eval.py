"""Answer accuracy on the regulation development sets (tests/eval/regulation_dev_*.yml).

Every question goes through a private deployment exactly as a user's message would (REST
channel -> Rasa -> action server), each from a new sender. A reply is correct when it contains
every expected fact, none of the forbidden ones, and no rupiah figure that is neither in the
question nor in a rule of the knowledge base. Out-of-scope questions are correct when the reply
states no rule (no "Sumber:" line). Intent and entity figures come from Rasa's /model/parse on
the same questions. The same questions answered with their labelled intents, in this process,
give the accuracy the answer logic would reach with perfect NLU.
"""

from __future__ import annotations

import asyncio
import json
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import yaml

from benchmarks.deployment import private_deployment
from bot.rasa_client import RasaClient
from bot.settings import REPO_ROOT, Settings
from knowledge import answers
from knowledge.money import find_amounts, first_amount
from knowledge.rules_loader import all_rules

DEV_SETS = sorted((REPO_ROOT / "tests" / "eval").glob("regulation_dev_*.yml"))
RESULTS = REPO_ROOT / "results" / "answer_eval.json"
CONCURRENCY = 4


@dataclass
class Item:
    q: str
    intent: str
    expect: list[str]
    forbid: list[str]
    entities: dict[str, list[str]]
    source: str


def load_items(paths: list[Path] = DEV_SETS) -> list[Item]:
    items = []
    for path in paths:
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
            items.append(
                Item(
                    q=str(raw["q"]),
                    intent=raw["intent"],
                    expect=[str(e) for e in raw.get("expect") or []],
                    forbid=[str(f) for f in raw.get("forbid") or []],
                    entities={
                        k: [str(x) for x in v] for k, v in (raw.get("entities") or {}).items()
                    },
                    source=f"{path.name}: {raw.get('source', '')}",
                )
            )
    return items


def known_figures() -> set[int]:
    return {f.value for r in all_rules() for f in r.figures if f.kind == "rupiah"}


def judge(item: Item, reply: str, figures: set[int]) -> list[str]:
    """What is wrong with a reply (empty: correct)."""
    problems = []
    lower = reply.lower()
    if item.intent == "out_of_scope":
        if "Sumber:" in reply:
            problems.append("out-of-scope answered with a rule")
        return problems
    problems += [f"missing {e!r}" for e in item.expect if e.lower() not in lower]
    problems += [f"forbidden {f!r}" for f in item.forbid if f.lower() in lower]
    # The question's own amounts, as written and as read ("200jt lebih" is Rp200.000.001).
    allowed = figures | {a.amount for a in find_amounts(item.q)} | {first_amount(item.q)}
    problems += [f"unknown figure {a.text}" for a in find_amounts(reply) if a.amount not in allowed]
    return problems


async def _parse(session: aiohttp.ClientSession, settings: Settings, text: str) -> dict[str, Any]:
    url = f"{settings.rasa_url}/model/parse?token={settings.rasa_token()}"
    async with session.post(url, json={"text": text}) as response:
        response.raise_for_status()
        return await response.json()


async def run_items(settings: Settings, items: list[Item]) -> list[dict[str, Any]]:
    figures = known_figures()
    limit = asyncio.Semaphore(CONCURRENCY)
    async with (
        RasaClient(settings.rasa_url, timeout_s=120) as client,
        aiohttp.ClientSession() as http,
    ):

        async def one(index: int, item: Item) -> dict[str, Any]:
            async with limit:
                parsed = await _parse(http, settings, item.q)
                reply = "\n".join(await client.texts(f"eval-{index}", item.q))
            return {
                "q": item.q,
                "intent": item.intent,
                "predicted": parsed["intent"]["name"],
                "entities": [(e["entity"], e["value"]) for e in parsed.get("entities", [])],
                "reply": reply,
                "problems": judge(item, reply, figures),
                "source": item.source,
            }

        return await asyncio.gather(*(one(i, item) for i, item in enumerate(items)))


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    labels = {gold for gold, _ in pairs}
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def entity_f1(items: list[Item], outcomes: list[dict[str, Any]]) -> float | None:
    gold = Counter()
    found = Counter()
    hit = Counter()
    for item, outcome in zip(items, outcomes, strict=True):
        if not item.entities:
            continue
        expected = Counter((k, v.lower()) for k, vs in item.entities.items() for v in vs)
        predicted = Counter((k, str(v).lower()) for k, v in outcome["entities"])
        gold += expected
        found += predicted
        hit += expected & predicted
    if not gold:
        return None
    precision = sum(hit.values()) / max(1, sum(found.values()))
    recall = sum(hit.values()) / sum(gold.values())
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def gold_intent_accuracy(items: list[Item], figures: set[int]) -> float:
    """Answer accuracy when every in-scope question gets its labelled intent: what the answer
    logic reaches with perfect NLU, which tells NLU errors from ranking errors."""
    in_scope = [item for item in items if item.intent != "out_of_scope"]
    correct = sum(not judge(i, answers.answer(i.intent, i.q).text, figures) for i in in_scope)
    return round(correct / len(in_scope), 3)


def summarise(items: list[Item], outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    in_scope = [o for o in outcomes if o["intent"] != "out_of_scope"]
    oos = [o for o in outcomes if o["intent"] == "out_of_scope"]
    stated_rule = [o for o in outcomes if "Sumber:" in o["reply"]]
    return {
        "questions": len(outcomes),
        "answer_accuracy": round(sum(not o["problems"] for o in in_scope) / len(in_scope), 3),
        "answer_accuracy_gold_intents": gold_intent_accuracy(items, known_figures()),
        "intent_macro_f1": round(macro_f1([(o["intent"], o["predicted"]) for o in outcomes]), 3),
        "intent_accuracy": round(
            sum(o["intent"] == o["predicted"] for o in outcomes) / len(outcomes), 3
        ),
        "entity_f1": (f := entity_f1(items, outcomes)) and round(f, 3),
        "out_of_scope_questions": len(oos),
        "out_of_scope_answered_with_a_rule": sum(1 for o in oos if o["problems"]),
        # Of the replies that stated a rule, how many were to in-scope questions.
        "rule_answer_precision": round(
            sum(1 for o in stated_rule if o["intent"] != "out_of_scope") / max(1, len(stated_rule)),
            3,
        ),
        # Phone-screen length of what the assistant says (characters per reply).
        "reply_chars_median": int(statistics.median(len(o["reply"]) for o in outcomes)),
        "reply_chars_p90": int(statistics.quantiles([len(o["reply"]) for o in outcomes], n=10)[-1]),
        "wrong": [o for o in outcomes if o["problems"]],
        # Every prediction, for error analysis without rerunning the model.
        "predictions": [
            {"q": o["q"], "intent": o["intent"], "predicted": o["predicted"]} for o in outcomes
        ],
    }


def main() -> None:
    items = load_items()
    with private_deployment() as deployment:
        outcomes = asyncio.run(run_items(deployment.settings, items))
    summary = summarise(items, outcomes)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    for key, value in summary.items():
        if key not in ("wrong", "predictions"):
            print(f"{key}: {value}")
    print(f"salah: {len(summary['wrong'])} (rinciannya di {RESULTS.relative_to(REPO_ROOT)})")


if __name__ == "__main__":
    main()
