"""What may be shown of a person, by protection level.

Protected persons are counted in every figure but their names never appear where the public
can read them: a leak of a protected name is the worst failure this system can have. What the
public sees is decided by the public projection (`services.public`), built as an allow-list;
there is no mask applied to finished text.
"""

from __future__ import annotations

from prisonwatch.core.records import Person
from prisonwatch.core.vocabulary import Protection

WITHHELD = "(name withheld)"


def display_name(person: Person | None) -> str:
    """The name to show publicly: the person's, or a placeholder if it is withheld."""
    if person is None or person.protection is not Protection.PUBLIC:
        return WITHHELD
    return person.name


def is_listed(person: Person) -> bool:
    """Whether the person may appear at all (as opposed to only in counts)."""
    return person.protection is not Protection.COUNTS_ONLY
