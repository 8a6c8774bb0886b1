"""Registration: validators under hostile input, the lifecycle on both databases, one form turn
at a time, the verifier's commands, and identifiers kept out of logs."""

from __future__ import annotations

import logging

import pytest
import yaml
from sqlalchemy import func, select

from bot import logmask, officers
from bot.identity import make_address
from bot.registration import dialogue, fields, service, texts, verifier
from bot.registration.form import FIELDS
from bot.storage.database import transaction
from bot.storage.models import (
    Channel,
    Notification,
    OfficerRole,
    RegistrationStatus,
    VendorRegistration,
)
from bot.training import DOMAIN_FILE

VENDOR = "telegram:555001"
OTHER_VENDOR = "whatsapp:6281299990000"
GOOD = {
    "nama_usaha": "CV Maju Bersama",
    "nama_pemilik": "Siti Rahmawati",
    "skala_usaha": "usaha kecil",
    "nib": "9120 0012 34567",
    "npwp": "01.312.166.0-091.000",
    "bidang_usaha": "kuliner",
    "produk_utama": "nasi kotak, snack rapat",
    "tkdn": "belum ada",
    "kecamatan": "Barong Tongkok",
    "wilayah_usaha": "kubar",
    "telepon": "0812 3456 7890",
    "email": "Toko.Maju@Gmail.com",
    "kanal_daftar": "toko daring dan bela pengadaan",
}

HOSTILE = [
    "",
    "   ",
    "😀😀😀",
    "x" * 10_000,
    "'; DROP TABLE vendor_registrations; --",
    "1 OR 1=1",
    "<script>alert(1)</script>",
    "\x00\x07",
]


@pytest.mark.parametrize("slot", list(FIELDS))
@pytest.mark.parametrize("raw", HOSTILE)
def test_hostile_input_is_refused_with_a_message_and_an_example(slot, raw):
    with pytest.raises(fields.FieldError) as refused:
        FIELDS[slot].validate(raw)
    message = str(refused.value)
    assert "Contoh" in message or "Pilih" in message or "Jawab" in message
    assert len(message) < 400  # a phone screen, not an echo of 10,000 characters


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("9120001234567", "9120001234567"),
        ("9120 0012 34567", "9120001234567"),
        ("912-000-123-4567", "9120001234567"),
    ],
)
def test_nib_accepts_thirteen_digits_in_usual_writing(raw, expected):
    assert fields.nib(raw) == expected


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("912000123456", "13 angka, yang Anda kirim 12"),
        ("91200012345678", "13 angka, yang Anda kirim 14"),
        ("91200O1234567", "hanya berisi angka"),
        ("NIB saya 9120001234567", "hanya berisi angka"),
    ],
)
def test_nib_wrong_length_or_letters(raw, problem):
    with pytest.raises(fields.FieldError, match=problem):
        fields.nib(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("01.312.166.0-091.000", "013121660091000"),
        ("013121660091000", "013121660091000"),
        ("0013121660091000", "0013121660091000"),  # the 16-digit form of the same number
        ("3171015501900001", "3171015501900001"),  # a NIK: born 15-01-1990, a woman (+40)
    ],
)
def test_npwp_valid_forms(raw, expected):
    assert fields.npwp(raw) == expected


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("01.312.166.1-091.000", "Angka kontrol"),  # one digit mistyped
        ("01.312.166.0-091", "15 angka .* kirim 12"),
        ("3171011599900001", "NIK ini tidak valid"),  # month 99 is no date of birth
        ("01.312.166.0-091.00A", "hanya berisi angka"),
    ],
)
def test_npwp_checks_length_and_check_digit(raw, problem):
    with pytest.raises(fields.FieldError, match=problem):
        fields.npwp(raw)


def test_other_fields_normalise_what_people_type():
    assert fields.business_scale("usaha kecil") == "kecil"
    assert fields.business_scale("KOPERASI") == "koperasi"
    with pytest.raises(fields.FieldError, match="mikro, usaha kecil dan koperasi"):
        fields.business_scale("menengah")
    assert fields.tkdn("belum ada") == "tidak"
    assert fields.tkdn("sudah punya sertifikat") == "ya"
    assert fields.region("kubar") == "kutai-barat"
    with pytest.raises(fields.FieldError, match="belum dilayani"):
        fields.region("kota bandung")
    assert fields.phone("0812 3456 7890") == "+6281234567890"
    assert fields.phone("+62 812-3456-7890") == "+6281234567890"
    with pytest.raises(fields.FieldError, match="Nomor HP tidak valid"):
        fields.phone("12345")
    assert fields.email("Toko.Maju@Gmail.com") == "Toko.Maju@gmail.com"
    with pytest.raises(fields.FieldError, match="email tidak valid"):
        fields.email("toko.maju@")
    assert fields.channels("toko daring dan e-order") == "e-order,toko-daring"
    assert fields.channels("semua") == "e-order,toko-daring,bela-pengadaan"
    with pytest.raises(fields.FieldError, match="Pilih kanal"):
        fields.channels("shopee")
    with pytest.raises(fields.FieldError, match="tidak boleh berisi angka"):
        fields.owner_name("Siti 123")


def _fill(session, sender=VENDOR, answers=GOOD):
    for slot, raw in answers.items():
        service.save_answer(session, sender, slot, FIELDS[slot].validate(raw))


def _verifier(session):
    return officers.provision_officer(
        session,
        name="Dewi Verifikator",
        role=OfficerRole.VERIFIER,
        work_unit="LPSE Kutai Barat",
        region_code="kutai-barat",
        addresses=[make_address(Channel.TELEGRAM, "777")],
    )


def _notes_to(session, address):
    query = select(Notification).where(Notification.address == address)
    return session.scalars(query.order_by(Notification.id)).all()


def test_draft_submit_verify_with_the_vendor_notified_in_the_same_transaction(sessions):
    with transaction(sessions) as session:
        _verifier(session)
    with transaction(sessions) as session:
        _fill(session)
    with transaction(sessions) as session:
        draft = service.of_sender(session, VENDOR)
        assert draft.status is RegistrationStatus.DRAFT
        assert draft.answers["npwp"] == "013121660091000" and draft.nib == "9120001234567"
        registration = service.submit(session, VENDOR)
        checklist = texts.checklist(registration)
        registration_id = registration.id
    assert "Diktum KEEMPAT angka 2 huruf a" in checklist  # the LPSE room, with its citation
    assert "DPMPTSP" in checklist and "Bela Pengadaan" in checklist
    with transaction(sessions) as session:
        assert any(f"nomor {registration_id}" in n.text for n in _notes_to(session, "777"))
        reply = verifier.handle(session, "telegram:777", "daftar pendaftaran masuk")
        assert f"Nomor {registration_id}" in reply and "9120001234567" in reply  # whole for him
        assert "WITA" in reply
        reply = verifier.handle(session, "telegram:777", f"setujui {registration_id}")
        assert "terverifikasi" in reply
    with transaction(sessions) as session:
        assert service.of_sender(session, VENDOR).status is RegistrationStatus.VERIFIED
        [note] = _notes_to(session, "555001")
        assert "sudah diverifikasi" in note.text and note.channel is Channel.TELEGRAM
        assert "sudah terverifikasi" in texts.status(service.of_sender(session, VENDOR))


def test_reject_needs_a_reason_and_the_vendor_can_correct_and_resubmit(sessions):
    with transaction(sessions) as session:
        _verifier(session)
        _fill(session)
        registration_id = service.submit(session, VENDOR).id
    with transaction(sessions) as session:
        reply = verifier.handle(session, "telegram:777", f"tolak {registration_id}")
        assert "Tulis alasannya" in reply
        assert service.of_sender(session, VENDOR).status is RegistrationStatus.SUBMITTED
        reply = verifier.handle(
            session, "telegram:777", f"tolak {registration_id} karena NIB tidak aktif di OSS"
        )
        assert "ditolak" in reply
    with transaction(sessions) as session:
        [note] = _notes_to(session, "555001")
        assert "NIB tidak aktif di OSS" in note.text
        # Correcting an answer reopens the rejected registration as a draft.
        service.save_answer(session, VENDOR, "nib", "9120001234568")
        assert service.of_sender(session, VENDOR).status is RegistrationStatus.DRAFT
        assert service.submit(session, VENDOR).status is RegistrationStatus.SUBMITTED


def test_only_a_verifier_may_decide(sessions):
    with transaction(sessions) as session:
        _fill(session)
        registration_id = service.submit(session, VENDOR).id
        reply = verifier.handle(session, VENDOR, f"setujui {registration_id}")
    assert "hanya untuk verifikator" in reply
    with transaction(sessions) as session:
        assert service.of_sender(session, VENDOR).status is RegistrationStatus.SUBMITTED


def test_a_registered_nib_is_caught_and_nothing_is_stored(sessions):
    with transaction(sessions) as session:
        _fill(session)
        service.submit(session, VENDOR)
    answer = dialogue.Message("9120001234567", "isi_formulir", 0.9)
    with transaction(sessions) as session:
        turn = dialogue.form_turn(session, OTHER_VENDOR, "nib", answer, 0)
    assert "sudah dipakai pendaftaran lain" in turn.replies[0]
    assert turn.slots == {"nib": None, dialogue.ATTEMPTS_SLOT: 1}
    with transaction(sessions) as session:
        other = service.of_sender(session, OTHER_VENDOR)
        assert other is None or other.nib is None


def test_form_turn_answers_side_questions_and_counts_only_wrong_answers(sessions):
    ask = dialogue.Message("NIB itu apa?", "tanya_definisi", 0.95)
    with transaction(sessions) as session:
        turn = dialogue.form_turn(session, VENDOR, "nib", ask, 0)
    assert "Nomor Induk Berusaha" in turn.replies[0] and "lanjutkan" in turn.replies[1]
    assert turn.slots == {"nib": None}  # asked again, not counted as a wrong answer

    wrong = dialogue.Message("12345", "isi_formulir", 0.9)
    with transaction(sessions) as session:
        turn = dialogue.form_turn(session, VENDOR, "nib", wrong, 2)
    assert "13 angka" in turn.replies[0] and "helpdesk" in turn.replies[1]
    with transaction(sessions) as session:
        assert session.scalar(select(func.count()).select_from(VendorRegistration)) == 0

    regulation = dialogue.Message("bedanya PP sama PPK apa?", "tanya_definisi", 0.9)
    with transaction(sessions) as session:
        turn = dialogue.form_turn(session, VENDOR, "email", regulation, 0)
    assert "Sumber:" in turn.replies[0]


def test_cancel_and_edit_in_the_form(sessions):
    with transaction(sessions) as session:
        _fill(session, answers={k: GOOD[k] for k in ("nama_usaha", "nama_pemilik", "npwp")})
    edit = dialogue.Message("ubah NPWP", "ubah_data", 0.9, ["npwp"])
    with transaction(sessions) as session:
        turn = dialogue.form_turn(session, VENDOR, "skala_usaha", edit, 0)
    assert turn.slots == {"npwp": None, "skala_usaha": None}
    with transaction(sessions) as session:
        assert "npwp" not in service.of_sender(session, VENDOR).answers
        cancel = dialogue.Message("batal", "deny", 0.64)  # NLU often reads it as a "no"
        turn = dialogue.form_turn(session, VENDOR, "npwp", cancel, 0)
    assert turn.stop_form and "dibatalkan" in turn.replies[0]
    with transaction(sessions) as session:
        assert service.of_sender(session, VENDOR) is None


def test_identifiers_are_masked_in_every_log_record(caplog):
    logmask.install()
    library = logging.getLogger("any.library")
    with caplog.at_level(logging.INFO):
        library.info("pesan: %s / %s", "9120001234567", "01.312.166.0-091.000")
        library.info("nik 3171015501900001, rp 150000000")
    text = caplog.text
    assert "9120001234567" not in text and "*********4567" in text
    assert "01.312.166.0-091.000" not in text and "3171015501900001" not in text
    assert "150000000" in text  # amounts are not identifiers


def test_the_rasa_form_asks_exactly_the_fields_python_validates():
    domain = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))
    assert domain["forms"]["registration_form"]["required_slots"] == list(FIELDS)
    for slot in FIELDS:
        assert f"utter_ask_{slot}" in domain["responses"]
        [mapping] = domain["slots"][slot]["mappings"]
        assert mapping["conditions"] == [
            {"active_loop": "registration_form", "requested_slot": slot}
        ]


def test_a_deactivated_registration_is_explained_and_locked(sessions):
    with transaction(sessions) as session:
        _verifier(session)
        _fill(session)
        registration_id = service.submit(session, VENDOR).id
        verifier.handle(session, "telegram:777", f"setujui {registration_id}")
    with transaction(sessions) as session:
        reply = verifier.handle(
            session, "telegram:777", f"nonaktifkan {registration_id} karena masuk daftar hitam"
        )
        assert "sekarang dinonaktifkan" in reply
    with transaction(sessions) as session:
        registration = service.of_sender(session, VENDOR)
        assert registration.status is RegistrationStatus.DEACTIVATED
        assert "masuk daftar hitam" in texts.status(registration)
        assert "masuk daftar hitam" in _notes_to(session, "555001")[-1].text
        with pytest.raises(service.RegistrationError, match="dinonaktifkan oleh LPSE"):
            service.save_answer(session, VENDOR, "email", "baru@gmail.com")
        reply = verifier.handle(session, "telegram:777", f"setujui {registration_id}")
        assert "berstatus dinonaktifkan, jadi tidak bisa disetujui" in reply
