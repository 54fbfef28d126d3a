"""What may be shown of a person, by protection level.

Protected persons are counted in every figure but their names never appear where the public
can read them: a leak of a protected name is the worst failure this system can have.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from prisonwatch.core.records import Person
from prisonwatch.core.vocabulary import Protection
from prisonwatch.names.keys import given_group

WITHHELD = "(name withheld)"


def display_name(person: Person | None) -> str:
    """The name to show publicly: the person's, or a placeholder if it is withheld."""
    if person is None or person.protection is not Protection.PUBLIC:
        return WITHHELD
    return person.name


def is_listed(person: Person) -> bool:
    """Whether the person may appear at all (as opposed to only in counts)."""
    return person.protection is not Protection.COUNTS_ONLY


class Redactor:
    """Removes every name and alias of protected persons from text shown to the public.

    Views already leave protected persons out; this is the second lock: article texts, evidence
    sentences and quotes written by others may still name them.
    """

    MASK = "█████"

    def __init__(self, persons: Iterable[Person]) -> None:
        names = sorted(
            {
                n.strip()
                for p in persons
                if p.protection is not Protection.PUBLIC
                for n in p.all_names
                if len(n.strip()) >= 3
            },
            key=len,
            reverse=True,
        )
        words = sorted(
            {
                w
                for n in names
                for w in n.split()
                if len(w) >= 4 and w[0].isupper() and given_group(w) is None
            },
            key=len,
            reverse=True,
        )
        self.names = names
        parts = [re.escape(n) for n in names] + [re.escape(w) for w in words]
        self._pattern = re.compile("|".join(parts), re.IGNORECASE) if parts else None

    def __call__(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(self.MASK, text)

    def leaks(self, text: str) -> list[str]:
        """The protected names found in `text` (for tests and the safety net)."""
        if self._pattern is None:
            return []
        return [m.group(0) for m in self._pattern.finditer(text)]
