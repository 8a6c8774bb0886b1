"""The regions the assistant knows, their aliases and time zones (WIB/WITA)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

REGIONS_FILE = Path(__file__).resolve().parent / "regions.yml"
_TZ_LABELS = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    province: str
    timezone: ZoneInfo
    aliases: tuple[str, ...]

    @property
    def tz_label(self) -> str:
        return _TZ_LABELS[self.timezone.key]


@cache
def all_regions() -> tuple[Region, ...]:
    records = yaml.safe_load(REGIONS_FILE.read_text(encoding="utf-8"))
    return tuple(
        Region(
            code=r["code"],
            name=r["name"],
            province=r["province"],
            timezone=ZoneInfo(r["timezone"]),
            aliases=tuple(r["aliases"]),
        )
        for r in records
    )


def _padded(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower()).strip() + " "


@cache
def _names() -> tuple[tuple[str, Region], ...]:
    pairs = []
    for region in all_regions():
        for name in (region.code, region.name, *region.aliases):
            pairs.append((_padded(name), region))
    return tuple(pairs)


def find_region(text: str) -> Region | None:
    """The region named in a text: a code, full name or common alias ("kubar", "PPU", "DKI")."""
    padded = _padded(text)
    for name, region in _names():
        if name in padded:
            return region
    return None


def strip_region_names(text: str) -> str:
    for name, _region in _names():
        text = re.sub(rf"(?i)\b{re.escape(name.strip())}\b", " ", text)
    return text


def get_region(code: str) -> Region:
    for region in all_regions():
        if region.code == code:
            return region
    raise KeyError(code)


# "kota bandung", "pemkab bogor", "provinsi jawa barat": a local government by its kind and name.
_LOCAL_GOVERNMENT = re.compile(
    r"\b(?:kota|kabupaten|kab|provinsi|prov|pemkot|pemkab|pemprov)\.?\s+([a-z][a-z-]{3,})",
    re.IGNORECASE,
)
# Words that follow "kota"/"kabupaten" without naming one ("kabupaten lain", "di kota ini").
_NOT_A_NAME = frozenset(
    ["ini", "itu", "kami", "kita", "saya", "anda", "setempat", "lain", "lainnya", "yang", "dan",
     "dari", "atau", "untuk", "masing", "tersebut", "madya", "administrasi", "sendiri", "besar",
     "kecil", "juga", "saja", "lama", "baru", "mana", "manapun"]
)  # fmt: skip


def other_region_named(text: str) -> bool:
    """Whether the text names a local government whose rules the assistant does not hold."""
    for match in _LOCAL_GOVERNMENT.finditer(text):
        name = match.group(1).lower()
        if name not in _NOT_A_NAME and find_region(text[match.start(1) :]) is None:
            return True
    return False
