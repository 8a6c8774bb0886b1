"""Validation of each answer in the registration form.

Every validator takes what the vendor typed and returns the value to store, or raises
``FieldError`` whose message says in Indonesian what is wrong and shows a correct example.
Nothing is stored from a rejected value: callers store only what a validator returned.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError
from stdnum.id import npwp as stdnum_npwp

from bot.errors import UserInputError
from knowledge.regions import find_region

MAX_INPUT = 300  # longer answers are refused before any parsing


class FieldError(UserInputError):
    """A rejected answer; the message is what the vendor reads."""


def _clean(raw: str, label: str, example: str) -> str:
    text = unicodedata.normalize("NFKC", str(raw or "")).strip()
    if not text:
        raise FieldError(f"{label} belum diisi. Contoh: {example}")
    if len(text) > MAX_INPUT:
        raise FieldError(f"{label} terlalu panjang. Contoh: {example}")
    return " ".join(text.split())


# Letters of any script, digits, spaces and the punctuation business names use.
_NAME_CHARS = re.compile(r"^[\w .,&'()/\-]+$")


def _name(raw: str, label: str, example: str, *, digits: bool) -> str:
    text = _clean(raw, label, example)
    if not _NAME_CHARS.match(text) or "_" in text:
        raise FieldError(
            f"{label} hanya boleh berisi huruf, angka, spasi dan tanda . , & ' ( ) / -. "
            f"Contoh: {example}"
        )
    if not digits and any(c.isdigit() for c in text):
        raise FieldError(f"{label} tidak boleh berisi angka. Contoh: {example}")
    if sum(c.isalpha() for c in text) < 2 or len(text) > 120:
        raise FieldError(f"{label} harus 2 sampai 120 huruf. Contoh: {example}")
    return text


def business_name(raw: str) -> str:
    return _name(raw, "Nama usaha", "CV Maju Bersama", digits=True)


def owner_name(raw: str) -> str:
    return _name(raw, "Nama pemilik", "Siti Rahmawati", digits=False)


SCALES = {"mikro": "mikro", "kecil": "kecil", "koperasi": "koperasi", "kop": "koperasi"}


def business_scale(raw: str) -> str:
    words = _clean(raw, "Skala usaha", "mikro").lower().replace("usaha", " ").split()
    found = {SCALES[w] for w in words if w in SCALES}
    if "menengah" in words or "besar" in words:
        raise FieldError(
            "Pendaftaran ini untuk usaha mikro, usaha kecil dan koperasi (UMK-Koperasi). "
            "Usaha menengah atau besar silakan mendaftar langsung di LPSE. Pilih: mikro, kecil, "
            "atau koperasi."
        )
    if len(found) != 1:
        raise FieldError(
            "Skala usaha dipilih salah satu: mikro, kecil, atau koperasi. Contoh: kecil"
        )
    return found.pop()


def _digits(raw: str, label: str, example: str) -> str:
    text = _clean(raw, label, example)
    if not re.fullmatch(r"[\d .\-]+", text):
        raise FieldError(
            f"{label} hanya berisi angka (titik, strip dan spasi boleh). Contoh: {example}"
        )
    return re.sub(r"\D", "", text)


def nib(raw: str) -> str:
    number = _digits(raw, "NIB", "9120001234567")
    if len(number) != 13:
        raise FieldError(
            f"NIB harus 13 angka, yang Anda kirim {len(number)} angka. NIB tertera di dokumen "
            "dari OSS (oss.go.id). Contoh: 9120001234567"
        )
    return number


NPWP_EXAMPLE = "01.312.166.0-091.000 (15 angka) atau NIK 16 angka"


def npwp(raw: str) -> str:
    number = _digits(raw, "NPWP", NPWP_EXAMPLE)
    try:
        return stdnum_npwp.validate(number)
    except InvalidLength:
        raise FieldError(
            f"NPWP harus 15 angka (format lama) atau 16 angka (format baru / NIK), yang Anda "
            f"kirim {len(number)} angka. Contoh: {NPWP_EXAMPLE}"
        ) from None
    except InvalidChecksum:
        raise FieldError(
            "Angka kontrol NPWP tidak cocok: kemungkinan ada angka yang salah ketik. Periksa lagi "
            f"kartu NPWP Anda. Contoh format: {NPWP_EXAMPLE}"
        ) from None
    except ValidationError:
        if len(number) == 16 and not number.startswith("0"):
            raise FieldError(
                "NPWP 16 angka yang tidak diawali 0 adalah NIK, tetapi NIK ini tidak valid "
                "(kode wilayah atau tanggal lahirnya tidak cocok). Periksa lagi KTP Anda."
            ) from None
        raise FieldError(f"NPWP tidak valid. Contoh: {NPWP_EXAMPLE}") from None


_FREE_TEXT_CHARS = re.compile(r"^[\w .,&'()/\-+%:]+$")


def free_text(label: str, example: str) -> Callable[[str], str]:
    def validate(raw: str) -> str:
        text = _clean(raw, label, example)
        if not _FREE_TEXT_CHARS.match(text) or "_" in text:
            raise FieldError(
                f"{label} hanya boleh berisi huruf, angka, spasi dan tanda . , & ' ( ) / - + % :. "
                f"Contoh: {example}"
            )
        if sum(c.isalpha() for c in text) < 3:
            raise FieldError(f"{label} perlu ditulis dengan kata-kata. Contoh: {example}")
        if len(text) > 200:
            raise FieldError(f"{label} paling banyak 200 huruf. Contoh: {example}")
        return text

    return validate


YES = {"ya", "iya", "y", "ada", "sudah", "udah", "punya", "yes"}
NO = {"tidak", "tdk", "gak", "ga", "nggak", "enggak", "belum", "blm", "no", "n", "t", "bukan"}


def tkdn(raw: str) -> str:
    words = set(re.findall(r"\w+", _clean(raw, "Nilai TKDN", "ya / tidak").lower()))
    if words & YES and not words & NO:
        return "ya"
    if words & NO:
        return "tidak"
    raise FieldError(
        "Jawab ya atau tidak: apakah produk Anda sudah punya nilai TKDN (sertifikat TKDN)? "
        "Contoh: ya"
    )


def region(raw: str) -> str:
    found = find_region(_clean(raw, "Wilayah", "Kutai Barat"))
    if found is None:
        raise FieldError(
            "Wilayah itu belum dilayani asisten ini. Pilih salah satu: Kutai Barat, Penajam "
            "Paser Utara, DKI Jakarta, atau Sukoharjo. Contoh: Kutai Barat"
        )
    return found.code


def phone(raw: str) -> str:
    text = _clean(raw, "Nomor HP", "0812 3456 7890")
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number_for_region(number, "ID"):
        raise FieldError(
            "Nomor HP tidak valid. Tulis nomor Indonesia yang aktif, boleh diawali 0 atau +62. "
            "Contoh: 0812 3456 7890"
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def email(raw: str) -> str:
    text = _clean(raw, "Email", "toko.maju@gmail.com")
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise FieldError("Alamat email tidak valid. Contoh: toko.maju@gmail.com") from None


CHANNELS = {
    "e-order": ("e order", "eorder", "e-order", "kubar pelo", "pelo"),
    "toko-daring": ("toko daring", "tokodaring", "toko online", "marketplace"),
    "bela-pengadaan": ("bela pengadaan", "bela", "belapengadaan"),
}
CHANNEL_LABELS = {
    "e-order": "e-Order",
    "toko-daring": "Toko Daring",
    "bela-pengadaan": "Bela Pengadaan",
}


def channels(raw: str) -> str:
    text = f" {_clean(raw, 'Kanal', 'toko daring dan e-order').lower()} "
    if re.search(r"\b(semua|semuanya|ketiga)\b", text):
        return ",".join(CHANNELS)
    chosen = [
        code
        for code, names in CHANNELS.items()
        if any(f" {n} " in re.sub(r"[,;/&]", " ", text) for n in names)
    ]
    if not chosen:
        raise FieldError(
            "Pilih kanal yang ingin diikuti: e-Order, Toko Daring, Bela Pengadaan, atau semua. "
            "Contoh: toko daring dan e-order"
        )
    return ",".join(chosen)
