"""What one side of a deal gave, said in words.

A concession is stored as `by / what / target` (`United States / sanctions_lifted / Belavia`),
the shape extraction and record files produce. Readers should never see the code: each kind of
concession has a sentence pattern, and a kind this vocabulary does not know is said plainly
("The United States: new_kind (Belavia)") rather than guessed at.
"""

from __future__ import annotations

from enum import StrEnum

from prisonwatch.core.labels import N_
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


#: Sentence patterns: `%(by)s` who gave it, `%(target)s` what it concerned.
_WITH_TARGET = {
    ConcessionKind.SANCTIONS_LIFTED: N_("%(by)s lifted sanctions on %(target)s"),
    ConcessionKind.SANCTIONS_EASED: N_("%(by)s eased sanctions on %(target)s"),
    ConcessionKind.PAYMENT: N_("%(by)s made a payment (%(target)s)"),
    ConcessionKind.EXCHANGE: N_("%(by)s handed over prisoners in exchange (%(target)s)"),
    ConcessionKind.EMBASSY_REOPENED: N_("%(by)s reopened its embassy (%(target)s)"),
    ConcessionKind.VISIT: N_("%(by)s made an official visit (%(target)s)"),
    ConcessionKind.UNKNOWN: N_("%(by)s gave a concession concerning %(target)s"),
}
_WITHOUT_TARGET = {
    ConcessionKind.SANCTIONS_LIFTED: N_("%(by)s lifted sanctions"),
    ConcessionKind.SANCTIONS_EASED: N_("%(by)s eased sanctions"),
    ConcessionKind.PAYMENT: N_("%(by)s made a payment"),
    ConcessionKind.EXCHANGE: N_("%(by)s handed over prisoners in exchange"),
    ConcessionKind.EMBASSY_REOPENED: N_("%(by)s reopened its embassy"),
    ConcessionKind.VISIT: N_("%(by)s made an official visit"),
    ConcessionKind.UNKNOWN: N_("%(by)s gave a concession not described by the sources"),
}
#: Names of parties and of what concessions concerned that the catalogues translate; any other
#: name is shown as written.
NAMES = (
    N_("The United States"),
    N_("United States"),
    N_("Belarus"),
    N_("Lithuania"),
    N_("Poland"),
    N_("Ukraine"),
    N_("Russia"),
    N_("The European Union"),
    N_("Belavia"),
    N_("potash"),
)
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
    pattern = pattern_of(concession) or ""
    return pattern % {"by": by, "target": concession.target or ""}


def pattern_of(concession: Concession) -> str | None:
    """The sentence pattern of a known kind (`%(by)s`, `%(target)s`), for translation; None
    for a kind outside the vocabulary."""
    kind = kind_of(concession)
    if kind is None:
        return None
    return (_WITH_TARGET if concession.target else _WITHOUT_TARGET)[kind]
