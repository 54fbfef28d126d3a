"""The gazetteer: canonical names for the organisations, people and places articles mention.

Kept as data (`data/gazetteer.json`) that users can extend, not as code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    type: str
    aliases: tuple[str, ...]
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entries: tuple[Entry, ...]

    @classmethod
    def load(cls, extra: Path | None = None) -> Gazetteer:
        text = (resources.files("prisonwatch.extract") / "data" / "gazetteer.json").read_text(
            encoding="utf-8"
        )
        entries = _entries(json.loads(text))
        if extra is not None:
            entries = _entries(json.loads(extra.read_text(encoding="utf-8"))) + entries
        return cls(entries)

    def lookup(self, text: str) -> Entry | None:
        key = _key(text)
        for e in self.entries:
            if any(_key(a) == key for a in e.aliases):
                return e
        return None

    def pattern(self) -> re.Pattern[str]:
        """One pattern matching any alias as whole words, longest first."""
        aliases = sorted({a for e in self.entries for a in e.aliases}, key=len, reverse=True)
        body = "|".join(re.escape(a) for a in aliases)
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def _entries(data: dict[str, object]) -> tuple[Entry, ...]:
    raw = data.get("entities", [])
    assert isinstance(raw, list)
    return tuple(
        Entry(str(e["name"]), str(e["type"]), tuple(str(a) for a in e["aliases"]), e.get("code"))
        for e in raw
    )
