"""The review queue's table shows what a reviewer decides on: whom a claim names, its
warnings as written (never read as terminal markup), and where its evidence was cut."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from prisonwatch.cli.review_cmds import EVIDENCE_SHOWN, claims_table


def _shown(rows: list[dict[str, Any]]) -> str:
    console = Console(width=400, record=True, soft_wrap=False)
    console.print(claims_table(rows))
    return console.export_text()


def test_the_table_names_the_persons_and_shows_warnings_and_cuts() -> None:
    evidence = "Volha Siamianiuk's colleague Dzmitry Liauchuk, who was detained in June 2021 " * 3
    row = {
        "id": "cl:1",
        "confidence": 0.53,
        "action": "detained",
        "qualifier": "exact",
        "count": 2,
        "population": "people",
        "persons": ["Volha Siamianiuk", "Dzmitry Liauchuk"],
        "when": "2027-01",
        "agent": None,
        "source": "Viasna",
        "status": "suggested",
        "flags": ["dated 2027-01, after the article was read (2026-11-20)"],
        "evidence": evidence,
    }
    text = _shown([row])
    assert "Volha Siamianiuk; Dzmitry Liauchuk" in text
    assert "[dated 2027-01, after the article was read (2026-11-20)]" in text
    assert evidence[: EVIDENCE_SHOWN - 1].rstrip() + "…" in text
    assert evidence[: EVIDENCE_SHOWN + 5] not in text
