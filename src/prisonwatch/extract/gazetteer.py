"""The gazetteer: canonical names for the organisations, people and places articles mention.

Kept as data (`data/gazetteer.json`) that users can extend, not as code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
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
        """The first entry with an alias written like `text` (case and spacing aside)."""
        return _index(self.entries).get(_key(text))

    def pattern(self) -> re.Pattern[str]:
        """One pattern matching any alias as whole words, longest first."""
        aliases = sorted({a for e in self.entries for a in e.aliases}, key=len, reverse=True)
        body = "|".join(re.escape(a) for a in aliases)
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


@lru_cache(maxsize=8)
def _index(entries: tuple[Entry, ...]) -> dict[str, Entry]:
    """Alias key -> entry; an earlier entry keeps an alias a later one repeats."""
    out: dict[str, Entry] = {}
    for e in entries:
        for a in e.aliases:
            out.setdefault(_key(a), e)
    return out


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def _entries(data: dict[str, object]) -> tuple[Entry, ...]:
    raw = data.get("entities", [])
    assert isinstance(raw, list)
    return tuple(
        Entry(str(e["name"]), str(e["type"]), tuple(str(a) for a in e["aliases"]), e.get("code"))
        for e in raw
    )
