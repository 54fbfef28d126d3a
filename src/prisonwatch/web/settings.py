"""Settings of the web app, passed to the app factory (never read at import time)."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WebSettings:
    db_url: str
    secure_cookies: bool = True
    max_body_bytes: int = 1_000_000
    trusted_proxies: str = ""  # addresses or networks whose X-Forwarded-For is believed
    snapshot: str = ""
    """A file the derived ledger is saved to between starts (`services/snapshot.py`); "": none."""
    org_aliases: str = ""
    """A file of the user's own organisation aliases (`services/organisation_names.py`)."""

    @classmethod
    def from_env(cls, db_url: str) -> WebSettings:
        insecure = os.environ.get("PRISONWATCH_INSECURE_COOKIES", "") == "1"
        proxies = os.environ.get("PRISONWATCH_TRUSTED_PROXIES", "")
        snapshot = os.environ.get("PRISONWATCH_SNAPSHOT", "")
        return cls(
            db_url=db_url,
            secure_cookies=not insecure,
            trusted_proxies=proxies,
            snapshot=snapshot,
            org_aliases=os.environ.get("PRISONWATCH_ORG_ALIASES", ""),
        )
