"""Storage: SQLAlchemy Core tables, Alembic migrations, and the one port the rest uses."""
