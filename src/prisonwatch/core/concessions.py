"""What one side of a deal gave, said in words.

A concession is stored as `by / what / target` (`United States / sanctions_lifted / Belavia`),
the shape extraction and record files produce. Readers should never see the code: each kind of
concession has a sentence pattern, and a kind this vocabulary does not know is said plainly
("The United States: new_kind (Belavia)") rather than guessed at.
"""

from __future__ import annotations

from enum import StrEnum

from prisonwatch.core.records import Concession


class ConcessionKind(StrEnum):
    """The kinds of concession the ledger knows how to say."""

    SANCTIONS_LIFTED = "sanctions_lifted"
    SANCTIONS_EASED = "sanctions_eased"
    PAYMENT = "payment"
    EXCHANGE = "exchange"
    EMBASSY_REOPENED = "embassy_reopened"
    VISIT = "visit"
    UNKNOWN = "unknown"


#: Sentence patterns: `{by}` who gave it, `{target}` what it concerned.
_WITH_TARGET = {
    ConcessionKind.SANCTIONS_LIFTED: "{by} lifted sanctions on {target}",
    ConcessionKind.SANCTIONS_EASED: "{by} eased sanctions on {target}",
    ConcessionKind.PAYMENT: "{by} made a payment ({target})",
    ConcessionKind.EXCHANGE: "{by} handed over prisoners in exchange ({target})",
    ConcessionKind.EMBASSY_REOPENED: "{by} reopened its embassy ({target})",
    ConcessionKind.VISIT: "{by} made an official visit ({target})",
    ConcessionKind.UNKNOWN: "{by} gave a concession concerning {target}",
}
_WITHOUT_TARGET = {
    ConcessionKind.SANCTIONS_LIFTED: "{by} lifted sanctions",
    ConcessionKind.SANCTIONS_EASED: "{by} eased sanctions",
    ConcessionKind.PAYMENT: "{by} made a payment",
    ConcessionKind.EXCHANGE: "{by} handed over prisoners in exchange",
    ConcessionKind.EMBASSY_REOPENED: "{by} reopened its embassy",
    ConcessionKind.VISIT: "{by} made an official visit",
    ConcessionKind.UNKNOWN: "{by} gave a concession not described by the sources",
}
#: Parties whose names read better with an article at the start of a sentence.
_WITH_ARTICLE = ("United States", "United Kingdom", "European Union", "Netherlands")


def party(name: str) -> str:
    """A party's name as the subject of a sentence ("The United States")."""
    return f"The {name}" if name in _WITH_ARTICLE else name


def kind_of(concession: Concession) -> ConcessionKind | None:
    try:
        return ConcessionKind(concession.what)
    except ValueError:
        return None


def describe(concession: Concession) -> str:
    """The concession as one sentence without a full stop."""
    by = party(concession.by) if concession.by and concession.by != "unknown" else "One side"
    kind = kind_of(concession)
    if kind is None:
        what = concession.what.replace("_", " ")
        return f"{by}: {what}" + (f" ({concession.target})" if concession.target else "")
    pattern = (_WITH_TARGET if concession.target else _WITHOUT_TARGET)[kind]
    return pattern.format(by=by, target=concession.target or "")
