"""What a viewer may see, shaped for pages and the API.

Analysts see everything. The public sees what the public projection (`services.public`)
allows, built from it and nothing else: public persons only (protected persons are counted in
every figure but never named, listed, searched or hinted at), sources without their text and
with title and address only when cleared, claims with their excerpt only when cleared. Nothing
the public receives depends on comparing text the request supplied with protected names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any

from prisonwatch.core import merges
from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import Person
from prisonwatch.core.timeline import custody_status, sort_key
from prisonwatch.core.vocabulary import Protection, organisation_matches
from prisonwatch.names.matcher import NameIndex
from prisonwatch.services import conflicts as conflict_service
from prisonwatch.services import figures, joined_events, people, reviewing
from prisonwatch.services.public import Projection, href, public_claims, public_custody
from prisonwatch.services.public_deals import public_deals
from prisonwatch.services.registry import Registry
from prisonwatch.web.context import Ledger, Viewer, now


class NotFoundError(LookupError):
    """Unknown, or not for this viewer: the two are indistinguishable from outside."""


def _index(ledger: Ledger, viewer: Viewer) -> NameIndex:
    """The names searched: everyone's for analysts, public persons' only for the public."""
    if viewer.analyst:
        return ledger.names()

    def public_index() -> NameIndex:
        proj = ledger.projection()
        return NameIndex.build((p.id, p.name, p.all_names) for p in proj.persons.values())

    found: NameIndex = ledger.cached("names:public", public_index)
    return found


def _own_person_id(person_id: str) -> str:
    return person_id


def person_row(
    p: Person,
    view: figures.View,
    orgs: Mapping[str, AbstractSet[str]],
    today: date,
    shown: Callable[[str], str] = _own_person_id,
) -> dict[str, Any]:
    """A person as the registry lists them; `shown` gives the id the viewer knows them by
    (the public projection's `person_id` for the public)."""
    return {
        "id": shown(p.id),
        "name": p.name,
        "aliases": list(p.aliases),
        "country": p.country,
        "region": p.region,
        "gender": p.gender.value,
        "birth_year": p.birth_year,
        "status": custody_status(view.custody.get(p.id, []), today),
        "designated_by": sorted(orgs.get(p.id, ())),
        "protection": p.protection.value,
    }


def _registry(ledger: Ledger, viewer: Viewer) -> Registry:
    """Whom a viewer can search: everyone for analysts, the public projection's persons else
    (kept current write by write: `services.derived`)."""
    if viewer.analyst:

        def everyone() -> Registry:
            view = ledger.view(figures.Scope())
            persons = {p.id: p for p in view.persons.values() if p.merged_into is None}
            return Registry.build(persons, view.events, _same)

        reg: Registry = ledger.cached("registry", everyone)
        return reg

    def public() -> Registry:
        proj = ledger.projection()
        return Registry.build(dict(proj.persons), ledger.view(figures.Scope()).events, proj.text)

    found: Registry = ledger.cached("registry:public", public)
    return found


def persons(
    ledger: Ledger,
    viewer: Viewer,
    q: str | None = None,
    status: str | None = None,
    region: str | None = None,
    gender: str | None = None,
    org: str | None = None,
    window: tuple[int, int] | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Registry search by any spelling in any script, with filters: the rows (of `window`,
    start and size, when given) and how many match in all."""
    view = ledger.view(figures.Scope())
    reg = _registry(ledger, viewer)
    everyone = reg.everyone
    if q and q.strip():
        found = [c.person_id for c in _index(ledger, viewer).match(q, 25) if c.score >= 0.6]
        found += reg.containing(q)
        ids = [pid for pid in dict.fromkeys(found) if pid in everyone]
    else:
        ids = sorted(everyone, key=lambda pid: everyone[pid].name)
    cheap = [
        pid
        for pid in ids
        if (not region or (everyone[pid].region or "").casefold() == region.casefold())
        and (not gender or everyone[pid].gender.value == gender)
    ]
    today = now().date()
    shown = _own_person_id if viewer.analyst else ledger.projection().person_id
    if not status and not org:
        chosen = cheap[window[0] : window[0] + window[1]] if window else cheap
        rows = [person_row(everyone[pid], view, reg.orgs, today, shown) for pid in chosen]
        return rows, len(cheap)
    rows = []
    for pid in cheap:
        row = person_row(everyone[pid], view, reg.orgs, today, shown)
        if status and row["status"] != status:
            continue
        if org and not any(organisation_matches(o, org) for o in row["designated_by"]):
            continue
        rows.append(row)
    total = len(rows)
    return (rows[window[0] : window[0] + window[1]] if window else rows), total


def person(ledger: Ledger, viewer: Viewer, person_id: str) -> dict[str, Any]:
    if not viewer.analyst:
        return _public_person(ledger, person_id)
    p = ledger.store.person(person_id)
    if p is not None and p.merged_into:
        p = ledger.store.person(p.merged_into)
    if p is None:
        raise NotFoundError(person_id)
    links = ledger.view(figures.Scope()).links
    data = people.timeline(ledger.store, p, now().date(), links=links)
    for e in data["events"]:
        for s in e["sources"]:
            s["href"] = href(s["url"])
    return data


def _public_person(ledger: Ledger, person_id: str) -> dict[str, Any]:
    """A public person's page from the projection: the merged-away id leads to the person
    kept only when both are public; sources as projected, claims only from those sources;
    excerpts only when cleared.

    A protected record merged into a public one keeps answering 404: its id is made from its
    name, so a page behind it would confirm a guessed protected name and tie it to the
    public person it was merged into. A person is found only under the id the public knows
    them by (`Projection.person_shown`): the original of a replaced id answers 404 too."""
    proj = ledger.projection()
    person_id = proj.person_shown(person_id) or ""
    p = proj.persons.get(person_id)
    if p is None and person_id:
        merged = ledger.cached(
            "merged",
            lambda: {
                q.id: q.merged_into
                for q in ledger.view(figures.Scope()).persons.values()
                if q.merged_into and q.protection is Protection.PUBLIC
            },
        )
        p = proj.persons.get(merged.get(person_id) or "")
    if p is None:
        raise NotFoundError("no such person")
    links = ledger.view(figures.Scope()).links
    data = people.timeline(ledger.store, p, now().date(), analyst=False, links=links)
    for internal in ("problems", "merged_into", "merged_records", "disagreements"):
        data.pop(internal, None)  # internal ids, which may name a protected person
    for row in data["events"]:
        row.pop("record", None)
    data["id"] = proj.person_id(p.id)
    records = sorted(merges.members(merges.roots(links), [p.id]))
    events = {e.id: e for e in ledger.store.events(records)}
    claims = {
        c.id: c for c in ledger.store.claims(ids=[c for e in events.values() for c in e.claim_ids])
    }
    # worked out once per data version, and only when this person's events cite a claim
    shown = _public_claims(ledger) if claims else frozenset()
    order: dict[int, tuple[Any, ...]] = {}
    for row in data["events"]:
        e = events[row["id"]]
        # in the timeline's order with the id shown as the last key, never the event's own
        order[id(row)] = (*sort_key(e)[:-1], proj.record_id("event", e.id))
        # a correction names the event it replaced only when that is this person's own: an
        # event first recorded on another (maybe protected) person has an id that may name them
        row["supersedes"] = (
            proj.record_id("event", e.supersedes) if e.supersedes in events else None
        )
        row["id"] = proj.record_id("event", e.id)
        row["deal_id"] = proj.record_ref("deal", e.deal_id)
        row["note"] = proj.text(row["note"])
        row["place"] = proj.text(row["place"])
        row["custody_details"] = public_custody(e, proj.text)
        row["organisation"] = proj.text(row["organisation"])
        # only sources the public may see, and only claims read from them: a claim is a
        # sentence of a document, so one listed beside no source would tell that the event's
        # document is withheld, i.e. that it names a protected person. An event whose every
        # source is withheld answers as one recorded with no source at all. And only claims
        # of the public record (`public_claims`): one that also went into a protected
        # person's event is not cited here, as it is not listed on its source.
        row["sources"] = proj.source_refs(e.source_ids)
        row["claims"] = [
            {"id": pc.id, "evidence": pc.excerpt, "status": pc.status}
            for pc in (
                proj.claim(claims[c])
                for c in e.claim_ids
                if c in claims and claims[c].source_id in proj.sources and c in shown
            )
        ]
    data["events"].sort(key=lambda row: order[id(row)])
    return data


def _same(value: str | None) -> str | None:
    return value


def _own_id(kind: str, record_id: str | None) -> str | None:
    """A record's id as analysts see it: its own."""
    return record_id


def events(ledger: Ledger, viewer: Viewer) -> list[dict[str, Any]]:
    text: figures.Text = _same
    ids: Callable[[str, str | None], str | None] = _own_id
    if viewer.analyst:
        persons_by_id = {p.id: p for p in ledger.store.persons()}
    else:
        proj = ledger.projection()
        persons_by_id = dict(proj.persons)
        text = proj.text
        ids = proj.record_ref
    out = []
    roots = merges.roots(ledger.view(figures.Scope()).links)
    for e in joined_events.in_force(ledger.store, roots=roots):  # a merged record's: its person's
        p = persons_by_id.get(e.person_id)
        if p is None:
            continue
        out.append(
            (
                e.date.earliest,
                {
                    "id": ids("event", e.id),
                    "person_id": ids("person", p.id),
                    "person": p.name,
                    "kind": e.kind.value,
                    "date": str(e.date),
                    "mechanism": e.mechanism.value if e.mechanism else None,
                    "organisation": text(e.organisation),
                    "deal_id": ids("deal", e.deal_id),
                    "recorded_at": e.recorded_at.isoformat(timespec="seconds"),
                },
            )
        )
    # by date, then by the id shown: in the order of their own ids, a keyed id would stand
    # where the id naming a protected person sorts
    out.sort(key=lambda pair: (pair[0], str(pair[1]["id"])))
    return [row for _, row in out]


def deals(ledger: Ledger, viewer: Viewer, scope: figures.Scope) -> list[dict[str, Any]]:
    """Each deal's accounting. The public's is built from the public projection
    (`services.public_deals`): persons named only when public, sources by id, publisher and
    date (address and title only when cleared), notes only when they name no protected person."""
    if viewer.analyst:
        return figures.deals(ledger.view(scope), scope, lambda p: True)
    # counts_only persons' dates at month precision
    return public_deals(ledger.public_view(scope), scope, ledger.projection())


def _public_refs(proj: Any, refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list(proj.source_refs(r["id"] for r in refs))


def deal(ledger: Ledger, viewer: Viewer, scope: figures.Scope, deal_id: str) -> dict[str, Any]:
    for d in deals(ledger, viewer, scope):
        if d["id"] == deal_id:
            return d
    raise NotFoundError(deal_id)


def stats(
    ledger: Ledger,
    viewer: Viewer,
    scope: figures.Scope,
    on: date,
    start: date | None,
    end: date | None,
    by: Any,
) -> dict[str, Any]:
    """Figures for a scope and dates, computed once until the data changes. Analysts' count
    every date exactly; the public's are made from the public view (`Ledger.public_view`), in
    which `counts_only` persons' dates count as the first of their month
    (`core.month_precision`), so that no public figure moves within a month by their events."""
    if viewer.analyst:

        def analysts() -> dict[str, Any]:
            if scope == figures.Scope():
                ledger.borrow_figures()  # what the public's figures counted already
            return figures.stats(ledger.view(scope), scope, on, start, end, by)

        mine: dict[str, Any] = ledger.cached(("stats", scope, on, start, end, by), analysts)
        return dict(mine)
    # made again when the month turns (`Ledger.public_month`), unless as known on a day
    month = None if scope.known_on is not None else ledger.public_month()
    key = ("stats", scope, on, start, end, by, "public", month)
    cached: dict[str, Any] = ledger.cached(
        key, lambda: figures.stats(ledger.public_view(scope), scope, on, start, end, by)
    )
    proj = ledger.projection()
    # screened once per figures and projection (a write makes both anew), not per request
    return dict(proj.remembered(key, cached, lambda: _public_stats(proj, cached)))


def _public_stats(proj: Projection, cached: dict[str, Any]) -> dict[str, Any]:
    """The figures as the public sees them, field by field through the projection."""
    data = dict(cached)
    data["problems"] = [] if not data["problems"] else [f"{len(data['problems'])} data problem(s)"]
    data["observations"] = _shown_order(
        {
            **o,
            "id": proj.record_id("figure", o["id"]),
            "organisation": proj.text(o["organisation"]),
            "organisation_as_written": proj.text(o["organisation_as_written"]),
            "sources": proj.urls(o["sources"]),
            "source_refs": _public_refs(proj, o["source_refs"]),
            "note": proj.text(o["note"]),
            "place": proj.text(o["place"]),
            "scope": proj.text(o["scope"]),
        }
        for o in data["observations"]
    )
    if "series" in data:
        data["series"] = [
            {**row, "events": _public_tally(proj.text, row["events"])} for row in data["series"]
        ]
    if data.get("headline"):
        head = data["headline"]
        refs = _public_refs(proj, head["sources"])
        org = proj.text(head["organisation"])
        by = org or ", ".join(dict.fromkeys(r["publisher"] for r in refs if r["publisher"]))
        data["headline"] = {
            **head,
            "organisation": org,
            "organisation_as_written": proj.text(head["organisation_as_written"]),
            "by": by or None,
            "sources": refs,
        }
    data["released_in_deals"] = _public_released_in_deals(proj, data["released_in_deals"])
    return data


def _shown_order(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Published figures by period, then by the id the public sees: in the order of their own
    ids, a keyed id would stand where the id naming a protected person sorts."""
    return sorted(rows, key=lambda o: (parse_fuzzy(o["period"]).earliest, o["id"]))


def _public_released_in_deals(proj: Any, figures_: dict[str, Any]) -> dict[str, Any]:
    """Released in deals as the public sees it, field by field from the figures: counts as
    they are (everyone counts, nobody is named), deals by their public ids, and each published
    figure's words (who said it, its note) and sources through the public projection, so that
    nothing a protected person could be named by is carried over."""

    def figure(f: dict[str, Any]) -> dict[str, Any]:
        refs = _public_refs(proj, f["sources"])
        org = proj.text(f["by_organisation"])
        by = org or ", ".join(dict.fromkeys(r["publisher"] for r in refs if r["publisher"]))
        return {
            "what": f["what"],
            "value": f["value"],
            "qualifier": f["qualifier"],
            "text": f["text"],
            "by": by or None,
            "by_organisation": org,
            "note": proj.text(f["note"]),
            "sources": refs,
        }

    return {
        "on": figures_["on"],
        "registry": figures_["registry"],
        "published": {
            k: {
                "low": t["low"],
                "high": t["high"],
                "text": t["text"],
                "missing": [proj.record_id("deal", i) for i in t["missing"]],
            }
            for k, t in figures_["published"].items()
        },
        "deals": [
            {
                "id": proj.record_id("deal", d["id"]),
                "date": d["date"],
                "surely_by": d["surely_by"],
                "registry": d["registry"],
                "published": {k: [figure(f) for f in fs] for k, fs in d["published"].items()},
            }
            for d in figures_["deals"]
        ],
    }


WITHHELD_ORG = "organisation withheld"


def _public_tally(
    text: figures.Text, counts: dict[str, dict[str, int]]
) -> dict[str, dict[str, int]]:
    """A period's event counts as the public sees them: a recognising organisation whose name
    names a protected person is counted under `kind:organisation withheld`."""
    out: dict[str, dict[str, int]] = {}
    for key, b in counts.items():
        kind, sep, org = key.partition(":")
        if sep and not kind.startswith("released") and text(org) is None:
            key = f"{kind}:{WITHHELD_ORG}"
        had = out.get(key, {"low": 0, "high": 0})
        out[key] = {"low": had["low"] + b["low"], "high": had["high"] + b["high"]}
    return out


def _claim_counts(ledger: Ledger, public: bool = False) -> dict[str, int]:
    """The number of claims read from each source, by source id: every claim for analysts,
    only those of the public record (`public_claims`) for the public."""

    def count() -> dict[str, int]:
        shown = _public_claims(ledger) if public else None
        counts: dict[str, int] = {}
        for c in ledger.store.claims():
            if shown is None or c.id in shown:
                counts[c.source_id] = counts.get(c.source_id, 0) + 1
        return counts

    key = "claim_counts:public" if public else "claim_counts"
    found: dict[str, int] = ledger.cached(key, count)
    return found


def _public_claims(ledger: Ledger) -> frozenset[str]:
    """The claims the public may see (`public.public_claims`), once per data version."""
    found: frozenset[str] = ledger.cached(
        "public_claims", lambda: public_claims(ledger.store, ledger.projection())
    )
    return found


def sources(ledger: Ledger, viewer: Viewer) -> list[dict[str, Any]]:
    counts = _claim_counts(ledger, public=not viewer.analyst)
    if not viewer.analyst:
        listed = sorted(
            ledger.projection().sources.values(),
            key=lambda s: s.published or date.min,
            reverse=True,
        )
        return [{**s.as_dict(), "claims": counts.get(s.id, 0), "has_text": False} for s in listed]
    return [
        {
            "id": s.id,
            "url": s.url,
            "href": href(s.url),
            "title": s.title or "",
            "publisher": s.publisher,
            "published": s.published.isoformat() if s.published else None,
            "claims": counts.get(s.id, 0),
            "has_text": s.text is not None,
        }
        for s in sorted(ledger.store.sources(), key=lambda s: s.published or date.min, reverse=True)
    ]


def source(ledger: Ledger, viewer: Viewer, source_id: str) -> dict[str, Any]:
    if not viewer.analyst:
        return _public_source(ledger, source_id)
    found = ledger.store.sources([source_id])
    if not found:
        raise NotFoundError("no such source")
    s = found[0]
    claims = ledger.store.claims(source_id=s.id)
    projection = ledger.projection()
    cleared = projection.cleared
    text = s.text or ""
    segments: list[dict[str, Any]] = []
    pos = 0
    for c in sorted(claims, key=lambda c: c.evidence.start):
        if c.evidence.start < pos or c.evidence.end > len(text):
            continue
        segments.append({"text": text[pos : c.evidence.start], "claim": None})
        segments.append({"text": text[c.evidence.start : c.evidence.end], "claim": c.id})
        pos = c.evidence.end
    segments.append({"text": text[pos:], "claim": None})
    return {
        "id": s.id,
        "url": s.url,
        "href": href(s.url),
        "title": s.title or "",
        "publisher": s.publisher,
        "published": s.published.isoformat() if s.published else None,
        "segments": segments,
        "cleared": {
            "title": ("title", s.id) in cleared,
            "address": ("address", s.id) in cleared,
        },
        "claims": [
            {
                "id": c.id,
                "action": c.action,
                "count": c.count,
                "qualifier": c.qualifier.value,
                "population": c.population,
                "when": str(c.when) if c.when else None,
                "agent": c.agent or "",
                "source": c.attributed_to or "",
                "persons": list(c.persons),
                "status": c.review.status.value,
                "evidence": c.evidence.text,
                # what the public sees now: a clearance covers the protected persons of its day
                "excerpt_cleared": projection.claim(c).excerpt is not None,
            }
            for c in claims
        ],
    }


def _public_source(ledger: Ledger, source_id: str) -> dict[str, Any]:
    """A source as the public sees it: no text; each claim of the public record
    (`public_claims`: accepted, and gone only into records the public sees with their exact
    date) with its excerpt once cleared. Suggested and rejected claims are not shown."""
    proj = ledger.projection()
    s = proj.sources.get(source_id)
    if s is None:
        raise NotFoundError("no such source")
    shown = _public_claims(ledger)
    claims = [proj.claim(c) for c in ledger.store.claims(source_id=s.id) if c.id in shown]
    return {
        **s.as_dict(),
        "segments": [],
        "claims": [
            {
                "id": c.id,
                "action": c.action,
                "count": c.count,
                "qualifier": c.qualifier,
                "population": c.population or "",
                "when": c.when,
                "agent": c.agent or "",
                "source": c.attributed_to or "",
                "persons": [],
                "status": c.status,
                "evidence": c.excerpt,
            }
            for c in claims
        ],
    }


def suggestions(ledger: Ledger, status: str | None = "suggested") -> list[dict[str, Any]]:
    return [reviewing.claim_dict(c) for c in reviewing.suggestions(ledger.store, status=status)]


def conflicts(ledger: Ledger) -> list[dict[str, Any]]:
    return [
        {"key": c.key, "what": c.what, "options": c.options, "chosen": c.chosen}
        for c in conflict_service.find(ledger.store)
    ]
