"""Ctrl-C stops every process, and the conversation survives a restart (SQLite tracker store)."""

from __future__ import annotations

import re

import psutil
import pytest

from bot.stack import answers
from tests.e2e.conftest import start_assistant, stop
from tests.helpers import app_env

pytestmark = pytest.mark.e2e


def alive(processes: list[psutil.Process]) -> list[psutil.Process]:
    return [p for p in processes if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]


async def test_conversation_survives_a_restart(trained_model, tmp_path):
    env = app_env(tmp_path, ASISTEN_MODELS_DIR=str(trained_model.parent))
    first = start_assistant(env, tmp_path / "bot-run.out")
    try:
        children = psutil.Process(first.process.pid).children(recursive=True)
        assert len(children) >= 3
        async with first.client() as bot:
            [hello] = await bot.texts("pak-budi", "halo")
            assert "Saya Asisten Pengadaan" in hello
            [vendor] = await bot.texts("pak-budi", "saya pelaku usaha")
            assert vendor.startswith("Untuk pelaku usaha")
        assert first.interrupt() == 0
    finally:
        stop(first)
    assert "Semua proses sudah berhenti." in first.log()
    assert not alive(children)
    assert not any(answers(url) for url in first.health_urls())

    second = start_assistant(env, tmp_path / "bot-run-after-restart.out")
    try:
        async with second.client() as bot:
            # The assistant remembers it already greeted this person...
            [hello] = await bot.texts("pak-budi", "halo")
            assert re.match(r"^Selamat (pagi|siang|sore|malam)! Halo lagi\.", hello)
            # ...and that they are a vendor, so help no longer asks who they are.
            [menu] = await bot.texts("pak-budi", "bisa bantu apa?")
            assert menu.startswith("Untuk pelaku usaha (UMKM/koperasi), saya bisa membantu:")
            # A stranger after the restart starts from scratch.
            [fresh] = await bot.texts("orang-baru", "bisa bantu apa?")
            assert "Balas 'penyedia' atau 'pejabat'" in fresh

        # A supervisor killed outright (no chance to clean up) takes its children with it.
        children = psutil.Process(second.process.pid).children(recursive=True)
        second.process.kill()
        second.process.wait(timeout=30)
        psutil.wait_procs(children, timeout=30)
        assert not alive(children)
    finally:
        stop(second)
