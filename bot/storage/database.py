"""The engine and sessions for DATABASE_URL, with startup errors an operator can act on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot.errors import StartupError


def _fix_url(variable: str) -> str:
    return (
        f"Atur {variable}, contoh: sqlite:///data/asisten.db atau "
        "postgresql://postgres@127.0.0.1:5432/asisten (atau hapus variabelnya untuk SQLite "
        "bawaan)."
    )


def parse_database_url(raw: str, variable: str = "DATABASE_URL") -> URL:
    """Parse and normalise a database URL; plain ``postgresql://`` uses the psycopg 3 driver."""
    try:
        url = make_url(raw)
    except ArgumentError:
        raise StartupError(f"{variable} tidak bisa dibaca: {raw!r}.", _fix_url(variable)) from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StartupError(
            f"{variable} memakai basis data {url.get_backend_name()!r} yang tidak didukung.",
            _fix_url(variable),
        )
    return url


def make_engine(raw_url: str, variable: str = "DATABASE_URL") -> Engine:
    url = parse_database_url(raw_url, variable)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise StartupError(f"{variable} tidak bisa dipakai: {exc}.", _fix_url(variable)) from None
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 (DB-API objects are untyped)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets the action server write while the CLI reads, without "database is locked".
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def check_connection(engine: Engine, variable: str = "DATABASE_URL") -> None:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        shown = engine.url.render_as_string(hide_password=True)
        raise StartupError(
            f"Basis data di {variable} ({shown}) tidak bisa dihubungi: {reason}",
            "Pastikan server basis data berjalan dan alamat, pengguna serta nama basis datanya "
            "benar. " + _fix_url(variable),
        ) from None


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with factory.begin() as session:
        yield session
