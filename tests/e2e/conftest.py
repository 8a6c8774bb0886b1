"""A real deployment for end-to-end tests: `python -m bot run` as an operator starts it."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.rasa_client import RasaClient
from bot.settings import Settings
from bot.stack import answers
from bot.training import ensure_model
from tests.helpers import REPO_ROOT, app_env, run_cli

START_TIMEOUT_S = 300


@dataclass
class RunningAssistant:
    env: dict[str, str]
    process: subprocess.Popen[str]
    output: Path

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.env['RASA_PORT']}"

    def health_urls(self) -> list[str]:
        return [
            f"{self.rasa_url}/",
            f"http://127.0.0.1:{self.env['ACTION_PORT']}/health",
            f"http://127.0.0.1:{self.env['GATEWAY_PORT']}/healthz",
        ]

    def client(self) -> RasaClient:
        return RasaClient(self.rasa_url, timeout_s=60)

    def admin(self, *args: str) -> str:
        result = run_cli("admin", *args, env=self.env)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def log(self) -> str:
        return self.output.read_text()

    def interrupt(self) -> int:
        """Ctrl-C, as in a terminal: SIGINT to the supervisor."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=60)


def start_assistant(env: dict[str, str], output: Path) -> RunningAssistant:
    log = output.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--no-train"],
        cwd=REPO_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assistant = RunningAssistant(env, process, output)
    try:
        _wait_until_ready(assistant)
    except BaseException:
        stop(assistant)
        raise
    return assistant


def _wait_until_ready(assistant: RunningAssistant) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if assistant.process.poll() is not None:
            pytest.fail(f"bot run exited: {assistant.process.returncode}\n{assistant.log()}")
        if "Tekan Ctrl-C untuk berhenti." in assistant.log():
            assert all(answers(url) for url in assistant.health_urls())
            return
        time.sleep(1)
    pytest.fail(f"bot run not ready in {START_TIMEOUT_S}s:\n{assistant.log()}")


def stop(assistant: RunningAssistant) -> None:
    """Stop a deployment whatever state it is in (test clean-up)."""
    if assistant.process.poll() is None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            assistant.interrupt()
    if assistant.process.poll() is None:
        assistant.process.kill()  # its children follow it (PR_SET_PDEATHSIG)


@pytest.fixture(scope="session")
def trained_model() -> Path:
    return ensure_model(Settings.from_env(), quiet=True)


@pytest.fixture(scope="session")
def assistant(trained_model, tmp_path_factory) -> Iterator[RunningAssistant]:
    data_dir = tmp_path_factory.mktemp("deployment")
    # A token that looks like an option: a generated one starts with "-" one time in 64.
    env = app_env(
        data_dir, ASISTEN_MODELS_DIR=str(trained_model.parent), RASA_TOKEN="-Xy_e2e-token"
    )
    running = start_assistant(env, data_dir / "bot-run.out")
    yield running
    stop(running)
