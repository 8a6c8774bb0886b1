"""Training the Rasa model, cached by a fingerprint of its inputs.

The fingerprint covers ``config.yml``, everything in ``nlu_data/``, the custom pipeline
components in ``nlu/`` and the Rasa lock file, so a model is retrained only when one of them
changes; models are named ``asisten-<fingerprint>``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

from bot.errors import StartupError
from bot.settings import REPO_ROOT, Settings

CONFIG_FILE = REPO_ROOT / "config.yml"
NLU_DIR = REPO_ROOT / "nlu_data"
COMPONENTS_DIR = REPO_ROOT / "nlu"
DOMAIN_FILE = NLU_DIR / "domain.yml"
TRAINING_DIR = NLU_DIR / "training"
RASA_LOCK = REPO_ROOT / "requirements" / "rasa.lock"
MODEL_PREFIX = "asisten-"
KEEP_MODELS = 3


def training_inputs() -> list[Path]:
    files = sorted(p for p in NLU_DIR.rglob("*") if p.is_file() and p.suffix in (".yml", ".yaml"))
    components = sorted(COMPONENTS_DIR.glob("*.py"))
    return [CONFIG_FILE, RASA_LOCK, *files, *components]


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in training_inputs():
        digest.update(path.relative_to(REPO_ROOT).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def model_path(settings: Settings, fp: str | None = None) -> Path:
    return settings.models_dir / f"{MODEL_PREFIX}{fp or fingerprint()}.tar.gz"


def rasa_executable(settings: Settings) -> Path:
    exe = settings.rasa_venv / "bin" / "rasa"
    if not exe.exists():
        raise StartupError(
            f"Lingkungan Rasa (Python 3.10) belum ada di {settings.rasa_venv}.",
            "Jalankan `make setup` (atau `make run`, yang membuatnya otomatis).",
        )
    return exe


def rasa_env() -> dict[str, str]:
    """Environment for Rasa processes: no telemetry or error reports (this network is closed),
    and the repository on the path, as the Rasa server and action server have it."""
    return {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }


def ensure_model(settings: Settings, *, force: bool = False, quiet: bool = False) -> Path:
    """Return the model for the current inputs, training it first if it does not exist yet."""
    target = model_path(settings)
    if target.exists() and not force:
        if not quiet:
            print(f"Model sudah sesuai data terbaru, tidak perlu dilatih ulang: {target.name}")
        return target
    settings.models_dir.mkdir(parents=True, exist_ok=True)
    print(
        f"Melatih model Rasa ({target.name}); ini memakan waktu "
        "(sekitar 35 menit di mesin 2 inti)...",
        flush=True,
    )
    command = [
        str(rasa_executable(settings)), "train",
        "--config", str(CONFIG_FILE),
        "--domain", str(DOMAIN_FILE),
        "--data", str(TRAINING_DIR),
        "--out", str(settings.models_dir),
        "--fixed-model-name", target.name.removesuffix(".tar.gz"),
        "--force",
    ]  # fmt: skip
    log = settings.log_dir / "train.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with log.open("w") as out:
        result = subprocess.run(
            command, cwd=REPO_ROOT, env=rasa_env(), stdout=out, stderr=subprocess.STDOUT
        )
    if result.returncode != 0 or not target.exists():
        tail = "".join(log.read_text(errors="replace").splitlines(keepends=True)[-15:])
        print(tail, file=sys.stderr)
        raise StartupError(
            f"Pelatihan model gagal (lihat {log}).",
            "Periksa pesan di atas: biasanya ada kesalahan di nlu_data/ atau config.yml. "
            "Setelah diperbaiki, jalankan `make train`.",
        )
    _prune_old_models(settings, keep=target)
    minutes, seconds = divmod(round(time.monotonic() - started), 60)
    print(f"Model siap: {target} (dilatih dalam {minutes} menit {seconds} detik)")
    return target


def _prune_old_models(settings: Settings, keep: Path) -> None:
    models = sorted(
        settings.models_dir.glob(f"{MODEL_PREFIX}*.tar.gz"),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in [m for m in models if m != keep][KEEP_MODELS - 1 :]:
        old.unlink()
