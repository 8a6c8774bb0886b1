"""Storage: SQLAlchemy 2 models, the engine for DATABASE_URL, and Alembic migrations."""
