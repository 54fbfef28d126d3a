"""The deals as the public sees them, for every public surface (web pages, the API and the
`prisonwatch deals` command): built from the public projection, never from the deal records
with a mask on top.

Persons are named only when public, and then under the id the public knows them by; free
texts (parties, mediator, notes, who published a figure and its note, concessions) only when
they name no protected person (`Projection.text`); sources only as the projection lets them be
seen; a deal's id as its public id when it names a protected person; deals in order of date,
then of the id shown (not of the deal's own id, which a keyed id would betray)."""

from __future__ import annotations

from typing import Any

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.services import figures
from prisonwatch.services.public import Projection


def public_deals(
    view: figures.View, scope: figures.Scope, proj: Projection
) -> list[dict[str, Any]]:
    """Each deal's accounting (`figures.deals`) as the public may see it."""
    rows = figures.deals(view, scope, lambda p: proj.is_public(p.id), proj.text)
    shown = [_public_deal(proj, r) for r in rows]
    return sorted(shown, key=lambda d: (parse_fuzzy(d["date"]).earliest, d["id"]))


def _refs(proj: Projection, refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list(proj.source_refs(r["id"] for r in refs))


def _public_deal(proj: Projection, row: dict[str, Any]) -> dict[str, Any]:
    def figure(f: dict[str, Any]) -> dict[str, Any]:
        # who said it, from what the public sees: the figure's own (screened) organisation,
        # else the publishers of its public sources. Taken from every source, a withheld
        # source's publisher would stand beside no source and tell that a document naming
        # a protected person lies behind the figure.
        refs = _refs(proj, f["sources"])
        by = f["by_organisation"] or ", ".join(
            dict.fromkeys(r["publisher"] for r in refs if r["publisher"])
        )
        return {**f, "by": by or None, "sources": refs}

    def persons(listed: list[dict[str, Any]]) -> list[dict[str, Any]]:
        shown = [{**p, "id": proj.person_id(p["id"])} for p in listed]
        return sorted(shown, key=lambda p: p["id"])  # by the id shown, never their own

    registry = row["registry"]
    return {
        **row,
        "id": proj.record_id("deal", row["id"]),
        "registry": {
            **registry,
            "released_persons": persons(registry["released_persons"]),
            "returned_persons": persons(registry["returned_persons"]),
        },
        "sources": _refs(proj, row["sources"]),
        "published": {k: [figure(f) for f in figs] for k, figs in row["published"].items()},
        "replacement": [{**r, "sources": _refs(proj, r["sources"])} for r in row["replacement"]],
    }
