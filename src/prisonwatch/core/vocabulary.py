"""The controlled words of the ledger: what can happen to a person and how a release happened."""

from __future__ import annotations

from enum import StrEnum

from prisonwatch.core.organisations import organisations


class EventKind(StrEnum):
    """Something that happened to one person, in the order a case usually unfolds."""

    DETAINED = "detained"
    CHARGED = "charged"
    DESIGNATED = "designated"
    SENTENCED = "sentenced"
    TRANSFERRED = "transferred"
    RELEASED = "released"
    DEPORTED = "deported"
    RETURNED_TO_CUSTODY = "returned_to_custody"
    DIED_IN_CUSTODY = "died_in_custody"
    RECOGNISED_AFTER_RELEASE = "recognised_after_release"
    DIED = "died"
    """A death outside custody (after release, in exile): recorded so that a demand or a list
    does not count the person as free and alive."""


class ReleaseMechanism(StrEnum):
    """How a release came about; `deal` and `exchange` are the ones deals are made of."""

    PARDON = "pardon"
    DEAL = "deal"
    EXCHANGE = "exchange"
    AMNESTY = "amnesty"
    TERM_SERVED = "term_served"
    CONDITIONAL = "conditional"
    DEPORTATION = "deportation"
    UNKNOWN = "unknown"


class Protection(StrEnum):
    """What may be shown of a person whose family or lawyers asked for discretion.

    `withhold_name`: the person appears, without name or aliases. `counts_only`: nothing of the
    person appears, but they are counted in every figure.
    """

    PUBLIC = "public"
    WITHHOLD_NAME = "withhold_name"
    COUNTS_ONLY = "counts_only"


_STRICTNESS = (Protection.PUBLIC, Protection.WITHHOLD_NAME, Protection.COUNTS_ONLY)


def stricter(a: Protection, b: Protection) -> Protection:
    """The protection that shows less of a person: of two decisions about one person, the one
    to keep when it is not known which is meant."""
    return max(a, b, key=_STRICTNESS.index)


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class ReviewStatus(StrEnum):
    """Where a machine-proposed claim stands with the people who check it."""

    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ObservationMetric(StrEnum):
    """What an aggregate figure counts.

    `held` is a stock on a day; the others are flows over the observation's period.
    """

    HELD = "held"
    DESIGNATED = "designated"
    RELEASED = "released"
    DETAINED = "detained"
    RETURNED_TO_CUSTODY = "returned_to_custody"


class ClaimAction(StrEnum):
    """What a claim says happened to the people it counts (the extraction contract's actions):
    a stock (`held`), a flow, or a demand for release."""

    HELD = "held"
    DETAINED = "detained"
    DESIGNATED = "designated"
    SENTENCED = "sentenced"
    RELEASED = "released"
    DEPORTED = "deported"
    RETURNED_TO_CUSTODY = "returned_to_custody"
    DEMANDED = "demanded"
    DIED_IN_CUSTODY = "died_in_custody"


class Qualifier(StrEnum):
    """How a source bounded a figure ("more than 1,000", "up to 1,400")."""

    EXACT = "exact"
    ABOUT = "about"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    UP_TO = "up_to"
    FEWER_THAN = "fewer_than"


#: Events that put a person into custody.
CUSTODY_START = frozenset({EventKind.DETAINED, EventKind.RETURNED_TO_CUSTODY})
#: Events that end custody (a `died` recorded while custody is open ends it too).
CUSTODY_END = frozenset(
    {EventKind.RELEASED, EventKind.DIED_IN_CUSTODY, EventKind.DEPORTED, EventKind.DIED}
)
#: Events that record a death, in custody or not.
DEATHS = frozenset({EventKind.DIED_IN_CUSTODY, EventKind.DIED})
#: Events by which an organisation recognises a political prisoner.
RECOGNITION = frozenset({EventKind.DESIGNATED, EventKind.RECOGNISED_AFTER_RELEASE})
#: Events that can change whether someone is held or is a recognised political prisoner.
STATUS_CHANGING = CUSTODY_START | CUSTODY_END | RECOGNITION


def outflow_reason(end_kind: EventKind | None, mechanism: ReleaseMechanism | None) -> str:
    """Why someone left the stock of prisoners: a release by its mechanism, or a death, which
    is an outflow of its own and never a release."""
    if end_kind in DEATHS:
        return EventKind.DIED_IN_CUSTODY.value
    return (mechanism or ReleaseMechanism.UNKNOWN).value


def organisation_matches(organisation: str | None, wanted: str | None) -> bool:
    """Whether a record by `organisation` counts when figures are asked for `wanted` only: the
    same organisation under any declared spelling or script (core.organisations)."""
    return wanted is None or organisations().same(organisation, wanted)
