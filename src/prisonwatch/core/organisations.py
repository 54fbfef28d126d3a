"""One identity per organisation, whatever script or spelling a source names it in.

Sources name the same organisation as "Viasna", "Вясна", "Вясна-96" or "Правозащитный центр
«Весна»". Figures are grouped and filtered by organisation, so each of those must count as the
one organisation, shown under one display name. The identities are data: a bundled list of
well-known organisations (core/data/organisations.toml, which documents the rules) plus any a
user declares in a file of the same format. Spellings are matched exactly (case, spacing and
the kind of quotation marks aside), never by similarity: two distinct organisations with similar
names ("Viasna" and the youth movement "Vesna") must never be merged by accident. A name nobody
declared stays its own organisation, shown as written.
"""

from __future__ import annotations

import hashlib
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

_QUOTES = str.maketrans("", "", "«»“”„\"'‘’‚‹›")


def org_key(name: str) -> str:
    """A spelling as compared with declared aliases: letter case, spacing and quotation marks
    ignored; letters, hyphens and digits kept ("Вясна-96" and "Вясна" are two spellings)."""
    text = unicodedata.normalize("NFC", name).translate(_QUOTES).casefold()
    return " ".join(text.split())


class OrganisationFileError(ValueError):
    """An aliases file that cannot be used, naming where and why."""


@dataclass(frozen=True, slots=True)
class OrganisationNames:
    """Declared identities: each spelling's key to the organisation's display name."""

    by_key: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_groups(
        cls, groups: Iterable[tuple[str, Sequence[str]]], where: str = "organisations"
    ) -> OrganisationNames:
        """Identities from (display name, aliases) pairs. A spelling declared for two different
        organisations is refused: that is exactly the accidental merge this module prevents."""
        by_key: dict[str, str] = {}
        for name, aliases in groups:
            for spelling in (name, *aliases):
                key = org_key(spelling)
                if not key:
                    raise OrganisationFileError(f"{where}: {name!r}: an empty alias")
                held = by_key.get(key)
                if held is not None and held != name:
                    raise OrganisationFileError(
                        f"{where}: {spelling!r} is declared for both {held!r} and {name!r}"
                    )
                by_key[key] = name
        return cls(by_key)

    def merged(self, other: OrganisationNames, where: str) -> OrganisationNames:
        """These identities with a user's added: a user may give a new organisation aliases or
        add spellings to a known one, never move a spelling to another organisation."""
        out = dict(self.by_key)
        for key, name in other.by_key.items():
            held = out.get(key)
            target = out.get(org_key(name), name)
            if held is not None and held != target:
                raise OrganisationFileError(
                    f"{where}: {key!r} already names {held!r}; it cannot also name {name!r}"
                )
            out[key] = target
        return OrganisationNames(out)

    def canonical(self, name: str | None) -> str | None:
        """The display name of the organisation `name` names; an undeclared name as written."""
        if name is None:
            return None
        text = " ".join(name.split())
        return self.by_key.get(org_key(text), text) if text else None

    def fingerprint(self) -> str:
        """A hash of every declared spelling and its organisation: what saved figures made
        under these identities depend on (a snapshot or saved answers made under other
        identities are not used)."""
        digest = hashlib.sha256()
        for key, name in sorted(self.by_key.items()):
            digest.update(f"{key}\x1f{name}\x1e".encode())
        return digest.hexdigest()

    def same(self, a: str | None, b: str | None) -> bool:
        """Whether two spellings name one organisation."""
        ca, cb = self.canonical(a), self.canonical(b)
        return ca is not None and cb is not None and org_key(ca) == org_key(cb)


def parse_organisations(text: str, where: str) -> OrganisationNames:
    """Identities from the text of an aliases file (TOML: `[[organisation]]` tables with a
    `name` and a list of `aliases`); a bad file is an OrganisationFileError naming the file, the
    entry and the field."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise OrganisationFileError(f"{where}: {exc}") from None
    return organisations_from_data(data, where)


def organisations_from_data(data: Mapping[str, Any], where: str) -> OrganisationNames:
    """Identities from an aliases file as read (see `parse_organisations`)."""
    entries = data.get("organisation", [])
    if not isinstance(entries, list) or set(data) - {"organisation"}:
        raise OrganisationFileError(f"{where}: expected only [[organisation]] tables")
    groups: list[tuple[str, Sequence[str]]] = []
    for i, entry in enumerate(entries, 1):
        at = f"{where}: organisation #{i}"
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise OrganisationFileError(f"{at}: field 'name': a non-empty text is required")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise OrganisationFileError(f"{at} ({name}): field 'aliases': a list of texts")
        extra = sorted(set(entry) - {"name", "aliases", "note"})
        if extra:
            raise OrganisationFileError(f"{at} ({name}): unknown field(s) {extra}")
        groups.append((" ".join(name.split()), aliases))
    return OrganisationNames.from_groups(groups, where)


@cache
def known_organisations() -> OrganisationNames:
    """The bundled identities of well-known organisations (package data, read once)."""
    text = files("prisonwatch.core").joinpath("data/organisations.toml").read_text("utf-8")
    return parse_organisations(text, "core/data/organisations.toml")


_in_use: list[OrganisationNames] = []


def use_organisations(names: OrganisationNames | None) -> None:
    """Make `names` the identities figures are grouped by in this process (an edge calls this
    once, from settings, before any figure is computed); None goes back to the bundled ones."""
    _in_use[:] = [] if names is None else [names]


def organisations() -> OrganisationNames:
    """The identities in use: a user's declared ones if an edge set them, else the bundled."""
    return _in_use[0] if _in_use else known_organisations()


def canonical_organisation(name: str | None) -> str | None:
    """The one display name of the organisation `name` names (see OrganisationNames)."""
    return organisations().canonical(name)
