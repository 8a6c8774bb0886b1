"""The registration form: which answers it collects, in which order, and how each is checked.

The slot names are the Rasa slots of ``registration_form`` (``nlu_data/domain.yml``, where the
question for each one is ``utter_ask_<slot>``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bot.registration import fields


@dataclass(frozen=True)
class Field:
    label: str
    validate: Callable[[str], str]
    # Words that name this field in a question ("NIB itu apa?") and what to answer then.
    terms: re.Pattern[str] | None = None
    explanation: str = ""


def _terms(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b({pattern})\b", re.IGNORECASE)


FIELDS: dict[str, Field] = {
    "nama_usaha": Field("Nama usaha", fields.business_name),
    "nama_pemilik": Field("Nama pemilik", fields.owner_name),
    "skala_usaha": Field(
        "Skala usaha",
        fields.business_scale,
        _terms("skala|usaha mikro|usaha kecil|umk|umkm"),
        "Skala usaha menurut izin usaha Anda: usaha mikro, usaha kecil, atau koperasi. Skala "
        "tertulis di NIB dari OSS.",
    ),
    "nib": Field(
        "NIB",
        fields.nib,
        _terms("nib|nomor induk berusaha"),
        "NIB (Nomor Induk Berusaha) adalah nomor identitas usaha 13 angka yang diterbitkan "
        "sistem OSS (oss.go.id) saat usaha didaftarkan. Belum punya NIB? Daftarkan usaha dulu "
        "di OSS atau minta bantuan DPMPTSP setempat.",
    ),
    "npwp": Field(
        "NPWP",
        fields.npwp,
        _terms("npwp|nik"),
        "NPWP (Nomor Pokok Wajib Pajak) tertera di kartu NPWP: 15 angka format lama, misalnya "
        "01.312.166.0-091.000, atau 16 angka format baru. Untuk orang pribadi, NPWP 16 angka "
        "adalah NIK di KTP.",
    ),
    "bidang_usaha": Field("Bidang usaha", fields.free_text("Bidang usaha", "kuliner / katering")),
    "produk_utama": Field(
        "Produk utama", fields.free_text("Produk utama", "nasi kotak, kue basah, snack rapat")
    ),
    "tkdn": Field(
        "Punya nilai TKDN",
        fields.tkdn,
        _terms("tkdn|tingkat komponen dalam negeri"),
        "TKDN (Tingkat Komponen Dalam Negeri) adalah persentase kandungan dalam negeri sebuah "
        "produk, tertera di sertifikat TKDN dari Kementerian Perindustrian. Belum punya? Jawab "
        "'tidak'; pendaftaran tetap bisa.",
    ),
    "kecamatan": Field("Kecamatan", fields.free_text("Kecamatan", "Barong Tongkok")),
    "wilayah_usaha": Field("Kabupaten/provinsi", fields.region),
    "telepon": Field("Nomor HP", fields.phone),
    "email": Field("Email", fields.email),
    "kanal_daftar": Field(
        "Kanal yang diikuti",
        fields.channels,
        _terms("kanal|e-order|e order|eorder|toko daring|bela pengadaan"),
        "Kanal adalah tempat pemerintah daerah berbelanja ke UMK: e-Order (DKI Jakarta, makan "
        "dan minum), Toko Daring (e-marketplace, misalnya Kubar PeLO), dan Bela Pengadaan "
        "(program LKPP). Anda boleh memilih lebih dari satu.",
    ),
}

MAX_ATTEMPTS = 3  # wrong answers to one question before the helpdesk is offered


def missing_fields(answers: Mapping[str, str]) -> list[str]:
    return [slot for slot in FIELDS if not answers.get(slot)]
