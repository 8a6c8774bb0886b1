"""`bot run` refuses to start on a broken setup with one message: the problem and the fix."""

from __future__ import annotations

import socket

import pytest

from tests.helpers import app_env, run_cli


def assert_clear_failure(result, *expected: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("GAGAL: ")
    assert "\nPerbaikan: " in result.stderr
    for text in expected:
        assert text in result.stderr


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("bukan-url-sama-sekali", "DATABASE_URL tidak bisa dibaca"),
        ("mysql://root@127.0.0.1/test", "tidak didukung"),
        ("postgresql://postgres@127.0.0.1:1/asisten", "tidak bisa dihubungi"),
        (
            "postgresql://postgres@127.0.0.1:5432/basis_data_yang_tidak_ada",
            'database "basis_data_yang_tidak_ada" does not exist',
        ),
    ],
)
def test_broken_database_url(tmp_path, url, expected):
    result = run_cli("run", env=app_env(tmp_path, DATABASE_URL=url))
    assert_clear_failure(result, expected, "Atur DATABASE_URL")


def test_port_already_in_use(tmp_path):
    env = app_env(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", int(env["RASA_PORT"])))
        busy.listen()
        result = run_cli("run", "--no-train", env=env)
    port = env["RASA_PORT"]
    assert_clear_failure(
        result, f"Port {port} untuk server Rasa sudah dipakai", f"RASA_PORT={int(port) + 1}"
    )


def test_missing_model(tmp_path):
    env = app_env(tmp_path, ASISTEN_MODELS_DIR=str(tmp_path / "models"))
    result = run_cli("run", "--no-train", env=env)
    assert_clear_failure(result, "Model Rasa untuk data saat ini belum ada", "make train")


def test_missing_rasa_environment(tmp_path):
    result = run_cli("run", env=app_env(tmp_path, RASA_VENV=str(tmp_path / "tidak-ada")))
    assert_clear_failure(result, "Lingkungan Rasa (Python 3.10) belum ada", "make setup")


def test_port_that_is_not_a_number(tmp_path):
    result = run_cli("run", env=app_env(tmp_path, RASA_PORT="lima ribu"))
    assert_clear_failure(result, "RASA_PORT='lima ribu' bukan angka")


def test_bad_lock_store_url(tmp_path):
    result = run_cli(
        "run", "--no-train", env=app_env(tmp_path, LOCK_STORE_URL="http://127.0.0.1:6379")
    )
    assert_clear_failure(result, "LOCK_STORE_URL tidak valid")
