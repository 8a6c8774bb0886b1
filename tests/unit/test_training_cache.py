"""The model is retrained only when nlu_data/, nlu/ or config.yml change."""

from __future__ import annotations

import shutil

import pytest

from bot import training
from bot.settings import REPO_ROOT, Settings


@pytest.fixture
def project_copy(tmp_path, monkeypatch):
    nlu = tmp_path / "nlu_data"
    shutil.copytree(REPO_ROOT / "nlu_data", nlu)
    config = tmp_path / "config.yml"
    shutil.copy(REPO_ROOT / "config.yml", config)
    monkeypatch.setattr(training, "REPO_ROOT", tmp_path)
    monkeypatch.setattr(training, "NLU_DIR", nlu)
    monkeypatch.setattr(training, "CONFIG_FILE", config)
    lock = tmp_path / "requirements" / "rasa.lock"
    lock.parent.mkdir()
    shutil.copy(REPO_ROOT / "requirements" / "rasa.lock", lock)
    monkeypatch.setattr(training, "RASA_LOCK", lock)
    components = tmp_path / "nlu"
    shutil.copytree(REPO_ROOT / "nlu", components, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(training, "COMPONENTS_DIR", components)
    return tmp_path


def test_fingerprint_follows_training_inputs(project_copy):
    first = training.fingerprint()
    assert training.fingerprint() == first
    (project_copy / "notes.txt").write_text("not a training input")
    assert training.fingerprint() == first

    nlu_file = project_copy / "nlu_data" / "training" / "conversation.yml"
    nlu_file.write_text(nlu_file.read_text() + "      - halo halo bandung\n")
    second = training.fingerprint()
    assert second != first

    config = project_copy / "config.yml"
    config.write_text(config.read_text().replace("epochs: ", "epochs: 1"))
    third = training.fingerprint()
    assert third not in (first, second)

    # a custom pipeline component is part of the model too
    component = project_copy / "nlu" / "sentence_embeddings.py"
    component.write_text(component.read_text() + "\n# changed\n")
    assert training.fingerprint() not in (first, second, third)


def test_existing_model_is_reused_without_training(project_copy, monkeypatch, capsys):
    monkeypatch.setenv("ASISTEN_MODELS_DIR", str(project_copy / "models"))
    settings = Settings.from_env()
    cached = training.model_path(settings)
    cached.parent.mkdir()
    cached.write_bytes(b"model")

    def no_training(*_args, **_kwargs):
        raise AssertionError("trained although nothing changed")

    monkeypatch.setattr(training.subprocess, "run", no_training)
    assert training.ensure_model(settings) == cached
    assert "tidak perlu dilatih ulang" in capsys.readouterr().out
