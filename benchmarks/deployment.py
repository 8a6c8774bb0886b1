"""A private deployment for measurements: temporary data folder, free ports, same processes as
`bot run`, stopped afterwards."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from bot.settings import Settings
from bot.stack import Stack, prepare
from tests.helpers import free_port


@dataclass
class Deployment:
    settings: Settings
    stack: Stack
    startup_s: float


@contextmanager
def private_deployment() -> Iterator[Deployment]:
    saved = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="asisten-measure-") as data_dir:
        os.environ.update(
            ASISTEN_DATA_DIR=data_dir,
            RASA_PORT=str(free_port()),
            ACTION_PORT=str(free_port()),
            GATEWAY_PORT=str(free_port()),
        )
        for name in ("DATABASE_URL", "TRACKER_STORE_URL", "LOCK_STORE_URL"):
            os.environ.pop(name, None)
        try:
            settings = Settings.from_env()
            stack = Stack(settings, prepare(settings, train=True))
            started = time.perf_counter()
            stack.start()
            try:
                yield Deployment(settings, stack, round(time.perf_counter() - started, 1))
            finally:
                stack.stop()
        finally:
            os.environ.clear()
            os.environ.update(saved)
