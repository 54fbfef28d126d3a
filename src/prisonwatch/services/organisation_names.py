"""The organisation identities a process uses: the bundled well-known ones plus a user's own.

A user whose sources name an organisation under spellings the bundled list does not hold
(their own organisation, a local group, a spelling the list leaves out on purpose because
another body shares it) declares them in a file of the bundled list's format
(core/data/organisations.toml) named by `PRISONWATCH_ORG_ALIASES`. The file adds identities
and spellings; it can never move a bundled spelling to another organisation. An edge (the CLI,
the web app factory) calls `apply` once before any figure is computed; a bad file stops it with
an error naming the file, the entry and the field.
"""

from __future__ import annotations

from pathlib import Path

from prisonwatch.core.organisations import (
    OrganisationFileError,
    OrganisationNames,
    known_organisations,
    parse_organisations,
    use_organisations,
)


def load(path: str) -> OrganisationNames:
    """The bundled identities with those declared in the file at `path` ("" for none)."""
    if not path:
        return known_organisations()
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OrganisationFileError(
            f"PRISONWATCH_ORG_ALIASES: {path}: cannot read: {exc}"
        ) from None
    return known_organisations().merged(parse_organisations(text, path), path)


def apply(path: str) -> OrganisationNames:
    """Load (see `load`) and make the result the identities this process groups figures by."""
    names = load(path)
    use_organisations(names)
    return names
