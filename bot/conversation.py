"""What the assistant says in everyday conversation: greeting, help menu, goodbye, fallback.

Plain functions of who is talking and when, so they are tested without Rasa; the Rasa actions
in ``actions/conversation.py`` only gather those facts and send the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.officers import SHORT_ROLE
from bot.storage.models import Officer, OfficerRole
from knowledge.regions import Region, get_region

UserType = Literal["penyedia", "pejabat"]

# Used for people we know nothing about: most LPSE users in these seeds are in WIB regions.
DEFAULT_TZ_REGION = "dki-jakarta"


@dataclass(frozen=True)
class Profile:
    """A provisioned officer as the conversation sees them."""

    name: str
    role: OfficerRole
    work_unit: str
    region: Region

    @classmethod
    def of(cls, officer: Officer) -> Profile:
        return cls(officer.name, officer.role, officer.work_unit, get_region(officer.region))


def part_of_day(moment: datetime) -> str:
    """Indonesian time-of-day greeting word for a local (aware) time."""
    hour = moment.hour
    if 4 <= hour < 11:
        return "pagi"
    if 11 <= hour < 15:
        return "siang"
    if 15 <= hour < 18:
        return "sore"
    return "malam"


def local_time(now: datetime, profile: Profile | None) -> datetime:
    region = profile.region if profile else get_region(DEFAULT_TZ_REGION)
    return now.astimezone(region.timezone)


def greeting(now: datetime, profile: Profile | None, returning: bool) -> str:
    salam = f"Selamat {part_of_day(local_time(now, profile))}"
    if profile and returning:
        return f"{salam}, {profile.name}! Senang bertemu lagi. Ada yang bisa saya bantu?"
    if returning:
        return f"{salam}! Halo lagi. Ada yang bisa saya bantu?"
    if profile:
        return (
            f"{salam}, {profile.name}! Anda masuk sebagai {SHORT_ROLE[profile.role]} "
            f"{profile.work_unit}, {profile.region.name}. Ada yang bisa saya bantu? "
            "Ketik 'bantuan' untuk melihat menu."
        )
    return (
        f"{salam}! Saya Asisten Pengadaan, siap membantu urusan pengadaan barang/jasa "
        "pemerintah: aturan dan batas nilai, pendaftaran penyedia UMKM, dan pesanan. "
        "Ketik 'bantuan' untuk melihat menu."
    )


_RULES_LINE = (
    "Aturan dan batas nilai pengadaan, lengkap dengan sumber dan wilayahnya "
    '(contoh: "berapa batas PP di toko daring?")'
)
_HELPDESK_LINE = "Menyambungkan Anda ke petugas helpdesk LPSE bila saya tidak bisa membantu"

VENDOR_LINES = (
    "Cara ikut LPSE/SPSE, e-Order, Toko Daring dan Bela Pengadaan",
    'Pendaftaran penyedia langkah demi langkah (contoh: "mau daftar jadi penyedia")',
    "Pesanan dari Pejabat Pengadaan: negosiasi harga, pengiriman, konfirmasi penerimaan "
    "dan pembayaran",
    _RULES_LINE,
    _HELPDESK_LINE,
)

ROLE_LINES: dict[OfficerRole, tuple[str, ...]] = {
    OfficerRole.PP: (
        'Hitung siapa yang memproses dan dokumen apa yang perlu (contoh: "pesanan 150jt '
        'lewat toko daring di kubar perlu BAST?")',
        "Membuat pesanan dan bernegosiasi dengan penyedia; kabar persetujuan PPK",
    ),
    OfficerRole.PPK: (
        "Menyetujui atau menolak hasil negosiasi yang diajukan Pejabat Pengadaan",
        "Penerimaan barang: konfirmasi penerimaan atau berita acara serah terima",
    ),
    OfficerRole.PA_KPA: ("Ringkasan pesanan dan capaian belanja produk dalam negeri/UMK",),
    OfficerRole.BENDAHARA: ("Pesanan yang siap dibayar dan batas waktu pembayarannya",),
    OfficerRole.HELPDESK: (
        "Mengambil alih percakapan yang tidak bisa dijawab bot, lalu mengembalikannya",
    ),
    OfficerRole.VERIFIER: ("Memeriksa, menyetujui atau menolak pendaftaran penyedia",),
}

UNPROVISIONED_OFFICER_LINES = (
    'Hitung siapa yang memproses dan dokumen apa yang perlu (contoh: "pesanan 150jt lewat '
    'toko daring di kubar perlu BAST?")',
    _HELPDESK_LINE,
)


def _numbered(lines: tuple[str, ...]) -> str:
    return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, start=1))


def help_menu(profile: Profile | None, user_type: UserType | None) -> str:
    if profile:
        lines = (_RULES_LINE, *ROLE_LINES[profile.role], _HELPDESK_LINE)
        return (
            f"Sebagai {SHORT_ROLE[profile.role]} ({profile.work_unit}, {profile.region.name}), "
            f"Anda bisa minta bantuan saya untuk:\n{_numbered(lines)}"
        )
    if user_type == "penyedia":
        return f"Untuk pelaku usaha (UMKM/koperasi), saya bisa membantu:\n{_numbered(VENDOR_LINES)}"
    if user_type == "pejabat":
        lines = (_RULES_LINE, *UNPROVISIONED_OFFICER_LINES)
        return (
            f"Untuk pejabat pengadaan, saya bisa membantu:\n{_numbered(lines)}\n"
            "Catatan: untuk membuat atau menyetujui pesanan, akun chat Anda perlu didaftarkan "
            "dulu oleh admin LPSE."
        )
    return (
        "Saya membantu urusan pengadaan barang/jasa pemerintah: aturan dan batas nilai "
        "(dengan sumbernya), pendaftaran penyedia UMKM, pesanan, dan menyambungkan ke helpdesk "
        "LPSE.\nAnda pelaku usaha (penyedia) atau pejabat/pegawai pengadaan? Balas 'penyedia' "
        "atau 'pejabat' supaya saya tunjukkan menu yang pas."
    )


def goodbye(profile: Profile | None) -> str:
    name = f", {profile.name}" if profile else ""
    return f"Sampai jumpa{name}! Kalau perlu bantuan soal pengadaan lagi, sapa saja di sini."


def fallback(out_of_scope: bool) -> str:
    opening = (
        "Maaf, itu di luar urusan pengadaan barang/jasa pemerintah, jadi saya tidak bisa "
        "menjawabnya."
        if out_of_scope
        else "Maaf, saya belum menangkap maksud pesan itu."
    )
    return (
        f"{opening} Saya bisa membantu soal aturan dan batas nilai pengadaan, pendaftaran "
        "penyedia UMKM, dan pesanan. Coba tulis dengan kata lain, atau ketik 'bantuan' untuk "
        "melihat menu."
    )
