"""vendor registrations

Revision ID: 48407a9e3b84
Revises: 8d2a0bfcf517
Create Date: 2026-11-22 09:22:46.153133
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "48407a9e3b84"
down_revision = "8d2a0bfcf517"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    # Strings with a CHECK constraint: the same on SQLite and PostgreSQL.
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=16)


def upgrade() -> None:
    op.create_table(
        "vendor_registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", _enum("chat_channel", "telegram", "whatsapp", "rest"), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column(
            "status",
            _enum(
                "registration_status", "draft", "submitted", "verified", "rejected", "deactivated"
            ),
            nullable=False,
        ),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("nib", sa.String(length=13), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["decided_by"], ["officers.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("channel", "external_id", name="uq_registration_sender"),
    )
    with op.batch_alter_table("vendor_registrations", schema=None) as batch_op:
        batch_op.create_index("ix_registrations_nib", ["nib"], unique=False)
        batch_op.create_index("ix_registrations_status", ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("vendor_registrations", schema=None) as batch_op:
        batch_op.drop_index("ix_registrations_status")
        batch_op.drop_index("ix_registrations_nib")
    op.drop_table("vendor_registrations")
