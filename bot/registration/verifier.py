"""The LPSE verifier's chat commands: list submitted registrations, approve, reject, deactivate.

"daftar pendaftaran masuk", "setujui 12", "tolak 12 karena NIB tidak aktif",
"nonaktifkan 12 karena ...". Only a provisioned verifier (``bot admin``) may use them.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot.officers import officer_for_sender
from bot.registration import service, texts
from bot.storage.models import OfficerRole, RegistrationStatus

_COMMAND = re.compile(
    r"\b(?P<verb>setujui|setuju|terima|approve|acc|verifikasi|tolak|reject|nonaktifkan)\b"
    r"\D*?(?P<id>\d{1,9})\b\s*(?:[,:;-]|karena|krn|alasan(?:nya)?|sebab)*\s*(?P<reason>.*)",
    re.IGNORECASE | re.DOTALL,
)
_OUTCOMES = {
    "tolak": RegistrationStatus.REJECTED,
    "reject": RegistrationStatus.REJECTED,
    "nonaktifkan": RegistrationStatus.DEACTIVATED,
}


def handle(session: Session, sender_id: str, text: str) -> str:
    officer = officer_for_sender(session, sender_id)
    if officer is None or officer.role is not OfficerRole.VERIFIER:
        return (
            "Perintah ini hanya untuk verifikator LPSE yang sudah didaftarkan operator. Untuk "
            "status pendaftaran usaha Anda sendiri, ketik 'status pendaftaran'."
        )
    command = _COMMAND.search(text)
    if command is None:
        return texts.pending_list(service.submitted(session))
    outcome = _OUTCOMES.get(command["verb"].lower(), RegistrationStatus.VERIFIED)
    reason = command["reason"].strip() if outcome is not RegistrationStatus.VERIFIED else None
    try:
        registration = service.decide(session, officer, int(command["id"]), outcome, reason)
    except service.RegistrationError as error:
        return str(error)
    name = registration.answers.get("nama_usaha")
    return (
        f"Pendaftaran nomor {registration.id} ({name}) sekarang "
        f"{service.STATUS_LABELS[outcome]}. Penyedia sudah dikabari."
    )
