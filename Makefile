# Asisten Pengadaan. `make run` to chat with it, `make test` to check it (what CI runs).
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Two environments: Rasa 3.6 needs Python 3.10; everything else runs on 3.11 (docs/ARCHITECTURE.md).
PYTHON310 ?= $(shell command -v python3.10 2>/dev/null || echo /root/.pyenv/versions/3.10.13/bin/python3.10)
PYTHON311 ?= $(shell command -v python3.11 2>/dev/null || echo /root/.pyenv/versions/3.11.7/bin/python3.11)
PIP_VERSION := 25.3
VENV := .venv
RASA_VENV := .venv-rasa
PY := $(VENV)/bin/python

.PHONY: help setup run train chat eval bench test lint migrate clean

help:
	@echo "make run     start the assistant (creates environments, trains if needed, migrates)"
	@echo "make test    run the full test suite (what CI runs)"
	@echo "make chat    talk to the assistant in this terminal"
	@echo "make train   train the Rasa model if nlu_data/ or config.yml changed"
	@echo "make eval    NLU evaluation on the held-out development set (results/)"
	@echo "make bench   latency and memory benchmark (results/)"
	@echo "make lint    ruff"

$(RASA_VENV)/.installed: requirements/rasa.txt requirements/rasa.lock
	@echo "Membuat lingkungan Rasa (Python 3.10): sekali saja, sekitar 3 menit..."
	rm -rf $(RASA_VENV)
	$(PYTHON310) -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/pip install -q pip==$(PIP_VERSION) wheel
	$(RASA_VENV)/bin/pip install -q -r requirements/rasa.txt -c requirements/rasa.lock
	touch $@

$(VENV)/.installed: pyproject.toml requirements/app.lock
	@echo "Membuat lingkungan aplikasi (Python 3.11)..."
	rm -rf $(VENV)
	$(PYTHON311) -m venv $(VENV)
	$(VENV)/bin/pip install -q pip==$(PIP_VERSION) wheel
	$(VENV)/bin/pip install -q -c requirements/app.lock -e ".[dev]"
	touch $@

setup: $(RASA_VENV)/.installed $(VENV)/.installed

run: setup
	$(PY) -m bot run

train: setup
	$(PY) -m bot train

migrate: $(VENV)/.installed
	$(PY) -m bot migrate

chat: setup
	$(PY) -m bot chat

eval: setup
	$(PY) -m bot train
	$(PY) -m benchmarks.nlu_eval
	$(PY) -m benchmarks.answer_eval

bench: setup
	$(PY) -m bot train
	$(PY) -m benchmarks.rest_latency

test: setup
	$(PY) -m bot train
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

clean:
	rm -rf $(VENV) $(RASA_VENV) models results
