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


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


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


def find_region(text: str) -> Region | None:
    """Resolve a code, a full name or a common alias ("kubar", "PPU", "DKI") to a region."""
    wanted = _normalise(text)
    for region in all_regions():
        names = {
            region.code.replace("-", " "),
            _normalise(region.name),
            *map(_normalise, region.aliases),
        }
        if wanted in names:
            return region
    return None


def get_region(code: str) -> Region:
    for region in all_regions():
        if region.code == code:
            return region
    raise KeyError(code)
