"""Problems found in data, returned as values by the core and turned into messages at the edges."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one record: where it is, which field, and why.

    `where` is whatever locates the record for the person who must fix it: `file:line` for an
    import, a record id for data already stored.
    """

    where: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.field}: {self.reason}"
