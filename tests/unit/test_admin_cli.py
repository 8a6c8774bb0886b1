"""`bot admin`: the only way to make an officer, as an operator uses it."""

from __future__ import annotations

import pytest

from bot.cli import main


@pytest.fixture
def admin(monkeypatch, database_url, tmp_path, capsys):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("ASISTEN_DATA_DIR", str(tmp_path))

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["admin", *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_provision_list_revoke_and_outbox(admin):
    code, out, _ = admin(
        "add-officer", "--name", "Sari Wulandari", "--role", "ppk", "--unit", "Dinas PU",
        "--region", "Kubar", "--telegram", "987654321", "--whatsapp", "0812-3456-7890",
    )  # fmt: skip
    assert code == 0
    assert "Petugas id 1 terdaftar: Sari Wulandari, PPK, Dinas PU, kutai-barat." in out
    assert "identitas whatsapp: 6281234567890" in out

    code, out, _ = admin("add-identity", "1", "--rest", "sari.ppk")
    assert code == 0 and "Identitas rest sari.ppk ditambahkan." in out

    code, out, _ = admin("list")
    assert "[1] Sari Wulandari | PPK | Dinas PU | kutai-barat" in out
    assert "telegram: 987654321 (aktif)" in out
    assert "rest: sari.ppk (aktif)" in out

    code, out, _ = admin("revoke", "--telegram", "987654321")
    assert code == 0 and "kini diperlakukan sebagai umum" in out
    _, out, _ = admin("list")
    assert "telegram: 987654321 (dicabut " in out and " WIB)" in out

    code, out, _ = admin("outbox")
    assert code == 0
    assert out.count("| pending | ke Sari Wulandari via") == 3
    assert "via whatsapp 6281234567890" in out
    assert "sudah didaftarkan di Asisten Pengadaan sebagai Pejabat Pembuat Komitmen (PPK)" in out
    _, out, _ = admin("outbox", "--state", "sent")
    assert out.strip() == "Antrean notifikasi kosong."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "camat", "--region", "kubar", "--rest", "x"], "Peran 'camat' tidak dikenal"),
        (["--role", "pp", "--region", "Bandung", "--rest", "x"], "Wilayah 'Bandung' tidak dikenal"),
        (["--role", "pp", "--region", "kubar", "--whatsapp", "12"], "Nomor WhatsApp tidak valid"),
        (["--role", "pp", "--region", "kubar"], "minimal satu identitas chat"),
    ],
)
def test_bad_provisioning_is_refused_and_stores_nothing(admin, args, message):
    code, _, err = admin("add-officer", "--name", "Budi", "--unit", "Dinas Kesehatan", *args)
    assert code == 2
    assert err.startswith("GAGAL: ") and message in err
    _, out, _ = admin("list")
    assert out.startswith("Belum ada petugas.")
    _, out, _ = admin("outbox")
    assert out.strip() == "Antrean notifikasi kosong."


def test_identity_already_taken(admin):
    admin("add-officer", "--name", "Sari", "--role", "ppk", "--unit", "Dinas PU",
          "--region", "kubar", "--rest", "sari")  # fmt: skip
    code, _, err = admin("add-officer", "--name", "Budi", "--role", "pp", "--unit", "Dinas PU",
                         "--region", "kubar", "--rest", "sari")  # fmt: skip
    assert code == 2 and "Identitas rest sari sudah dipakai petugas id 1" in err
