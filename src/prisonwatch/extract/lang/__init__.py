"""Each language's words, kept apart from the rules that use them (after spaCy's `lang/`).

A language is a folder `lang/<code>/` with a class and its word lists as data: `words/*.txt`,
one concept per file (say-verbs, release lemmas, role words, ...), one entry per line, `#`
starting a comment. The rules ask a language for a concept by name; they hold no words.
"""

from __future__ import annotations

import re
from functools import cached_property
from importlib import resources


class Language:
    """One language's word lists, read once from its `words/` folder."""

    code: str = ""
    package: str = ""

    @cached_property
    def lists(self) -> dict[str, tuple[str, ...]]:
        folder = resources.files(self.package) / "words"
        out: dict[str, tuple[str, ...]] = {}
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".txt"):
                lines = (
                    line.split("#", 1)[0].strip() for line in item.read_text("utf-8").splitlines()
                )
                out[item.name[:-4]] = tuple(w for w in lines if w)
        return out

    def words(self, concept: str) -> frozenset[str]:
        """The entries of one concept, lower-cased, for membership tests."""
        return frozenset(w.lower() for w in self.lists[concept])

    def values(self, concept: str) -> dict[str, int]:
        """A concept whose entries are `key|number` pairs, as a mapping to integers."""
        return {k: int(v) for k, v in self.pairs(concept).items()}

    def pairs(self, concept: str) -> dict[str, str]:
        """A concept whose entries are `key|value` pairs, as a mapping (lower-cased keys)."""
        return {
            k.strip().lower(): v.strip()
            for k, v in (entry.split("|", 1) for entry in self.lists[concept])
        }

    def alternation(self, *concepts: str) -> str:
        """A regular-expression alternation of the concepts' entries (longest first, so
        that "says" is tried before "say"); a space matches any run of spaces. Of a concept of
        `key|value` pairs, the keys."""
        found = {w.split("|", 1)[0].strip() for c in concepts for w in self.lists[c]}
        entries = sorted(found, key=lambda w: (-len(w), w))
        return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in entries) + ")"
