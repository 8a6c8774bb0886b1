"""What the vendor and the verifier read about a registration: the summary to confirm, the
checklist after submitting (with citations), the status, and the decisions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from bot.registration.fields import CHANNEL_LABELS
from bot.registration.form import FIELDS
from bot.storage.models import RegistrationStatus, VendorRegistration
from knowledge.regions import get_region
from knowledge.rules_loader import Rule, all_rules

# The rules a vendor of each region acts on after submitting (seed 000 KETIGA 4 and KEEMPAT 2,
# seed 001 KESATU f, seed 003 Pasal 4 huruf d). Sukoharjo's 2010 documents say nothing about it.
CHECKLIST_RULES: dict[str, tuple[str, ...]] = {
    "kutai-barat": ("kubar-umk-daftar-ruang-lpse", "kubar-umk-daftar-dpmptsp"),
    "penajam-paser-utara": ("ppu-registrasi-dokumen", "ppu-tugas-registrasi-verifikasi"),
    "dki-jakarta": (),
    "sukoharjo": (),
}
CHANNEL_RULES: dict[str, tuple[str, ...]] = {
    "bela-pengadaan": ("kubar-umk-bela-pengadaan",),
    "e-order": ("dki-eorder-daftar-umk",),
    "toko-daring": ("kubar-transaksi-umk-toko-daring",),
}


@cache
def _rules_by_id() -> dict[str, Rule]:
    return {rule.id: rule for rule in all_rules()}


def _cited(rule_id: str) -> str:
    rule = _rules_by_id()[rule_id]
    return f"• {rule.answer}\n  Sumber: {rule.citation}"


def _shown(slot: str, value: str) -> str:
    if slot == "wilayah_usaha":
        return get_region(value).name
    if slot == "kanal_daftar":
        return ", ".join(CHANNEL_LABELS[c] for c in value.split(","))
    return value


def summary(answers: Mapping[str, str]) -> str:
    lines = [
        f"{index}. {field.label}: {_shown(slot, answers[slot])}"
        for index, (slot, field) in enumerate(FIELDS.items(), start=1)
        if answers.get(slot)
    ]
    return "\n".join(lines)


def review(answers: Mapping[str, str]) -> str:
    return (
        "Periksa data pendaftaran Anda:\n"
        f"{summary(answers)}\n\n"
        "Sudah benar? Ketik 'kirim' untuk mengirim ke verifikator LPSE, 'ubah <data>' untuk "
        "mengganti satu isian (misalnya 'ubah NPWP'), atau 'batal'."
    )


def checklist(registration: VendorRegistration) -> str:
    answers = registration.answers
    region = get_region(answers["wilayah_usaha"])
    rule_ids = list(CHECKLIST_RULES[region.code])
    channels = answers["kanal_daftar"].split(",")
    for channel in channels:
        rule_ids += [
            r for r in CHANNEL_RULES[channel] if _rules_by_id()[r].region.code == region.code
        ]
    parts = [
        f"Pendaftaran terkirim (nomor {registration.id}). Verifikator LPSE akan memeriksanya; "
        "hasilnya saya kabarkan di chat ini.",
        "Yang perlu disiapkan: dokumen asli dari data yang Anda isi (KTP pemilik, NIB dari OSS, "
        "kartu NPWP) untuk diperiksa petugas registrasi LPSE; daftar lengkap dokumen diberikan "
        "oleh petugas itu.",
    ]
    if rule_ids:
        parts.append(
            f"Aturan {region.name} yang berlaku untuk Anda:\n" + "\n".join(map(_cited, rule_ids))
        )
    else:
        parts.append(
            f"Dokumen {region.name} yang saya punya tidak mengatur pendaftaran penyedia; "
            "tanyakan tempat layanannya ke LPSE setempat (ketik 'helpdesk')."
        )
    elsewhere = [
        c
        for c in channels
        if not any(_rules_by_id()[r].region.code == region.code for r in CHANNEL_RULES[c])
    ]
    if elsewhere:
        names = ", ".join(CHANNEL_LABELS[c] for c in elsewhere)
        parts.append(
            f"Untuk {names}: aturan tentang itu di dokumen saya berlaku di wilayah lain, bukan "
            f"{region.name}; ketik misalnya 'cara gabung {CHANNEL_LABELS[elsewhere[0]]}' untuk "
            "membaca aturannya per wilayah."
        )
    return "\n\n".join(parts)


def status(registration: VendorRegistration | None) -> str:
    if registration is None:
        return "Anda belum punya pendaftaran. Ketik 'daftar penyedia' untuk memulai."
    number = f"nomor {registration.id}"
    match registration.status:
        case RegistrationStatus.DRAFT:
            missing = [f.label for s, f in FIELDS.items() if not registration.answers.get(s)]
            todo = f" Belum diisi: {', '.join(missing)}." if missing else ""
            return (
                f"Pendaftaran Anda masih draf, belum dikirim.{todo} Ketik 'lanjut daftar' untuk "
                "melanjutkan."
            )
        case RegistrationStatus.SUBMITTED:
            return f"Pendaftaran {number} sudah dikirim dan sedang menunggu verifikasi LPSE."
        case RegistrationStatus.VERIFIED:
            return (
                f"Pendaftaran {number} sudah terverifikasi. Usaha Anda terdaftar sebagai penyedia."
            )
        case RegistrationStatus.REJECTED:
            return (
                f"Pendaftaran {number} ditolak verifikator dengan alasan: {registration.reason}. "
                "Ketik 'lanjut daftar' untuk memperbaiki datanya dan mengirim ulang."
            )
        case RegistrationStatus.DEACTIVATED:
            return (
                f"Pendaftaran {number} dinonaktifkan LPSE dengan alasan: {registration.reason}. "
                "Hubungi helpdesk LPSE (ketik 'helpdesk')."
            )


def decision_text(registration: VendorRegistration) -> str:
    name = registration.answers.get("nama_usaha", "usaha Anda")
    if registration.status is RegistrationStatus.VERIFIED:
        return (
            f"Kabar baik: pendaftaran {name} (nomor {registration.id}) sudah diverifikasi LPSE. "
            "Usaha Anda terdaftar sebagai penyedia."
        )
    verb = "ditolak" if registration.status is RegistrationStatus.REJECTED else "dinonaktifkan"
    next_step = (
        "Ketik 'lanjut daftar' untuk memperbaiki data dan mengirim ulang."
        if registration.status is RegistrationStatus.REJECTED
        else "Hubungi helpdesk LPSE (ketik 'helpdesk')."
    )
    return (
        f"Pendaftaran {name} (nomor {registration.id}) {verb} oleh LPSE dengan alasan: "
        f"{registration.reason}. {next_step}"
    )


def new_submission_text(registration: VendorRegistration) -> str:
    return (
        f"Pendaftaran penyedia baru menunggu verifikasi: nomor {registration.id}, "
        f"{registration.answers.get('nama_usaha')}. Ketik 'daftar pendaftaran masuk' untuk "
        "melihatnya."
    )


def _local(registration: VendorRegistration) -> str:
    """When it was submitted, in the vendor's region's time zone (WIB/WITA)."""
    region = get_region(registration.answers["wilayah_usaha"])
    moment = registration.submitted_at.astimezone(region.timezone)
    return f"{moment:%d-%m-%Y %H:%M} {region.tz_label}"


def pending_list(registrations: Sequence[VendorRegistration]) -> str:
    if not registrations:
        return "Tidak ada pendaftaran yang menunggu verifikasi."
    blocks = [f"Nomor {r.id} (dikirim {_local(r)}):\n{summary(r.answers)}" for r in registrations]
    return (
        f"{len(registrations)} pendaftaran menunggu verifikasi:\n\n"
        + "\n\n".join(blocks)
        + "\n\nBalas 'setujui <nomor>' atau 'tolak <nomor> karena <alasan>'."
    )
