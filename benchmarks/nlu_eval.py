"""`make eval`: NLU quality on held-out development sets in tests/eval/ (never trained on).

Runs ``rasa test nlu`` with the current model in the Rasa environment and reports intent
macro-F1, intent accuracy and entity F1, plus how often an out-of-scope message was taken for an
in-scope intent. Figures go to results/eval.json; Rasa's full reports to results/nlu/.
"""

from __future__ import annotations

import json
import subprocess
import sys

from bot.settings import REPO_ROOT, Settings
from bot.training import ensure_model, rasa_executable

DEV_SETS = sorted((REPO_ROOT / "tests" / "eval").glob("*_dev.yml"))
OUT_DIR = REPO_ROOT / "results" / "nlu"
RESULTS = REPO_ROOT / "results" / "eval.json"
OUT_OF_SCOPE = {"out_of_scope", "nlu_fallback"}


def run_rasa_test(settings: Settings) -> None:
    model = ensure_model(settings, quiet=True)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for dev_set in DEV_SETS:
        command = [
            str(rasa_executable(settings)), "test", "nlu", "--model", str(model),
            "--nlu", str(dev_set), "--out", str(OUT_DIR / dev_set.stem), "--no-plot",
        ]  # fmt: skip
        result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"rasa test nlu gagal untuk {dev_set.name}:\n{result.stderr[-2000:]}")


def summarise(dev_name: str) -> dict[str, object]:
    folder = OUT_DIR / dev_name
    intents = json.loads((folder / "intent_report.json").read_text())
    predictions = json.loads((folder / "intent_errors.json").read_text())
    entity_report = folder / "DIETClassifier_report.json"
    entities = json.loads(entity_report.read_text()) if entity_report.exists() else {}
    oos_total = intents.get("out_of_scope", {}).get("support", 0)
    # Out-of-scope messages the model took for a real request: the answers that would mislead.
    oos_leaks = [
        p["text"]
        for p in predictions
        if p["intent"] == "out_of_scope" and p["intent_prediction"]["name"] not in OUT_OF_SCOPE
    ]
    return {
        "examples": intents["weighted avg"]["support"],
        "intent_macro_f1": round(intents["macro avg"]["f1-score"], 3),
        "intent_accuracy": round(intents["accuracy"], 3),
        "entity_f1": round(entities.get("micro avg", {}).get("f1-score", 0.0), 3),
        "out_of_scope_caught": f"{oos_total - len(oos_leaks)}/{oos_total}",
        "out_of_scope_leaks": oos_leaks,
        "errors": [
            f"{p['text']!r}: {p['intent']} -> {p['intent_prediction']['name']}" for p in predictions
        ],
    }


def main() -> None:
    settings = Settings.from_env()
    run_rasa_test(settings)
    results = {dev.stem: summarise(dev.stem) for dev in DEV_SETS}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    for name, figures in results.items():
        print(f"{name}: {figures['examples']} contoh")
        for key in ("intent_macro_f1", "intent_accuracy", "entity_f1", "out_of_scope_caught"):
            print(f"  {key}: {figures[key]}")
        for error in figures["errors"]:
            print(f"  salah: {error}")
    print(f"Ditulis ke {RESULTS.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
