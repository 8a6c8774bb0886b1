"""Identifiers out of the logs: NIB (13 digits), NPWP (15/16) and NIK (16) are masked in every
log record of the process, whichever library wrote it, before any handler sees it."""

from __future__ import annotations

import logging
import re

# A run of 13 to 16 digits, also written with the usual NPWP dots and dash.
_IDENTIFIER = re.compile(r"(?<!\d)(?:\d[\d.\- ]{11,22}\d)(?!\d)")


def mask_identifiers(text: str) -> str:
    def masked(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match[0])
        if not 13 <= len(digits) <= 16:
            return match[0]
        return "*" * (len(digits) - 4) + digits[-4:]

    return _IDENTIFIER.sub(masked, text)


def install() -> None:
    """Mask identifiers in the message of every record created from now on."""
    make_record = logging.getLogRecordFactory()
    if getattr(make_record, "masks_identifiers", False):
        return

    def factory(*args: object, **kwargs: object) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        message = record.getMessage()
        masked = mask_identifiers(message)
        if masked != message:
            record.msg, record.args = masked, None
        return record

    factory.masks_identifiers = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)
