"""English sentences written for the claim rules (never article text), each with every claim
it holds and the fields it decides; cases that must give nothing have no claims.

`dev` is developed on; `held` was written at the same time, before any rule was changed for
either, and scored once unchanged at the start and once at the end (see docs/extraction.md).
A claim is matched on action and count; a field is checked only where the case names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Case:
    """One sentence (or short paragraph) and the claims a careful reader finds in it."""

    name: str
    text: str
    claims: list[dict[str, Any]] = field(default_factory=list)
