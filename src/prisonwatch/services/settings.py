"""Settings, read from the environment only when an edge asks, never at import time."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_DB = "sqlite:///prisonwatch.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """Where the ledger lives and who is acting."""

    db_url: str = DEFAULT_DB
    actor: str = "cli"
    org_aliases: str = ""
    """A file declaring a user's own organisation aliases (services/organisation_names.py)."""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, db: str | None = None) -> Settings:
        env = os.environ if env is None else env
        url = db or env.get("PRISONWATCH_DB") or DEFAULT_DB
        if "://" not in url:
            url = f"sqlite:///{url}"
        elif url.startswith("postgres://"):  # libpq's short scheme, as hosting services give it
            url = "postgresql+psycopg://" + url.removeprefix("postgres://")
        return cls(
            db_url=url,
            actor=env.get("PRISONWATCH_ACTOR") or env.get("USER") or "cli",
            org_aliases=env.get("PRISONWATCH_ORG_ALIASES", ""),
        )
