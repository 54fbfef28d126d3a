"""Figures: stock, series, flows, identity checks, published-figure comparisons and deals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from prisonwatch.core import concessions
from prisonwatch.core import deals as deal_rules
from prisonwatch.core.bitemporal import cutoff, effective_events
from prisonwatch.core.ledger import StockIndex, derive, identity, series
from prisonwatch.core.observations import compare
from prisonwatch.core.periods import Granularity, periods_between
from prisonwatch.core.records import Concession, Deal, Event, Observation, Person, Source
from prisonwatch.core.tallies import tally
from prisonwatch.core.timeline import Interval
from prisonwatch.core.vocabulary import ObservationMetric, Protection
from prisonwatch.services.bulk_index import stock_index
from prisonwatch.storage.port import LedgerStore


@dataclass(frozen=True, slots=True)
class Scope:
    """Which part of the ledger a figure covers and as known on which day."""

    organisation: str | None = None
    country: str | None = None
    known_on: date | None = None


@dataclass(slots=True)
class View:
    """The ledger as seen in one scope: effective events and derived intervals, loaded once."""

    persons: dict[str, Person]
    events: list[Event]
    deals: list[Deal]
    observations: list[Observation]
    sources: dict[str, Source]
    index: StockIndex
    problems: list[str]
    custody: dict[str, list[Interval]]

    @classmethod
    def load(cls, store: LedgerStore, scope: Scope) -> View:
        at = cutoff(scope.known_on) if scope.known_on is not None else None
        persons = {p.id: p for p in store.persons(known_on=at)}
        if scope.country:
            persons = {k: p for k, p in persons.items() if p.country == scope.country.upper()}
        events = [
            e
            for e in effective_events(store.events(known_on=at), scope.known_on)
            if e.person_id in persons
        ]
        observations = store.observations(known_on=at)
        deals = store.deals(known_on=at)
        if scope.country:
            c = scope.country.upper()
            observations = [o for o in observations if o.country in (None, c)]
            deals = [d for d in deals if d.country in (None, c)]
        derived = derive(events, scope.organisation)
        return cls(
            persons=persons,
            events=events,
            deals=deals,
            observations=observations,
            sources={s.id: s for s in store.sources(known_on=at)},
            index=stock_index(derived.political),
            problems=[str(p) for p in derived.problems],
            custody=derived.custody,
        )

    def refs(self, source_ids: tuple[str, ...]) -> list[dict[str, Any]]:
        """Each source as a link: its address, publisher and date (titles stay on the source's
        own page, where the public projection clears them)."""
        out = []
        for sid in source_ids:
            s = self.sources.get(sid)
            if s is not None:
                out.append(
                    {
                        "id": s.id,
                        "url": s.url,
                        "publisher": s.publisher or _host(s.url) or "source",
                        "published": s.published.isoformat() if s.published else None,
                    }
                )
        return out

    def urls(self, source_ids: tuple[str, ...]) -> list[str]:
        """How to find each source: its address, else its title and date."""
        out = []
        for sid in source_ids:
            s = self.sources.get(sid)
            if s is not None:
                out.append(
                    s.url or " ".join(x for x in (s.title, str(s.published or "")) if x) or sid
                )
        return out


def _public(person: Person) -> bool:
    return person.protection is Protection.PUBLIC


Text = Callable[[str | None], str | None]
"""What of a stored free text a reader may see: all of it, or (for the public) the text only
when it names no protected person (`public.Projection.text`), else None."""


def _same(value: str | None) -> str | None:
    return value


def _concession(c: Concession, text: Text) -> Concession:
    """A concession as a reader may see it: a party or target naming a protected person is
    unknown, a free-text kind that does is `unknown`."""
    return replace(
        c, by=text(c.by) or "unknown", what=text(c.what) or "unknown", target=text(c.target)
    )


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = url.split("//", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.")


def _scope_dict(scope: Scope) -> dict[str, Any]:
    return {
        "organisation": scope.organisation,
        "country": scope.country,
        "known_on": scope.known_on.isoformat() if scope.known_on else None,
    }


def stats(
    view: View,
    scope: Scope,
    on: date,
    start: date | None = None,
    end: date | None = None,
    by: Granularity = Granularity.MONTH,
) -> dict[str, Any]:
    """Stock on `on`, and when a range is given, the series and the identity check over it."""
    out: dict[str, Any] = {
        "on": on.isoformat(),
        **_scope_dict(scope),
        "stock": view.index.stock_on(on).as_dict(),
        "persons": len(view.persons),
        "events": len(view.events),
    }
    if start is not None and end is not None:
        periods = periods_between(start, end, by)
        tallies = tally(view.events, periods, scope.organisation)
        out["by"] = by.value
        out["series"] = [
            {
                "period": p.period.label,
                "stock": p.stock.as_dict(),
                "inflow": p.inflow.as_dict(),
                "outflow": p.outflow.as_dict(),
                "outflow_by_mechanism": {
                    m: b.as_dict() for m, b in p.outflow_by_mechanism.items() if b.high
                },
                "events": {k: b.as_dict() for k, b in counts.items()},
            }
            for p, counts in zip(series(view.index, periods), tallies, strict=True)
        ]
        designations, releases, ratio = deal_rules.designations_per_release(
            view.events, start, end, scope.organisation
        )
        out["revolving_door"] = {
            "designations": designations,
            "releases": releases,
            "designations_per_release": ratio,
        }
        check = identity(view.index, start, end)
        out["identity"] = {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "stock_from": check.stock_t0.as_dict(),
            "inflow": check.inflow.as_dict(),
            "outflow": check.outflow.as_dict(),
            "expected_stock_to": check.expected.as_dict(),
            "stock_to": check.stock_t1.as_dict(),
            "holds": check.holds,
        }
    out["observations"] = [
        {
            "id": c.observation.id,
            "metric": c.observation.metric.value,
            "period": str(c.observation.period),
            "organisation": c.observation.organisation,
            "country": c.observation.country,
            "published": c.observation.value,
            "qualifier": c.observation.qualifier.value,
            "text": qualified(c.observation.value, c.observation.qualifier.value),
            "note": c.observation.note,
            "place": c.observation.place,
            "scope": c.observation.scope,
            "source_refs": view.refs(c.observation.source_ids),
            "registry": c.registry.as_dict(),
            "difference": c.difference.as_dict(),
            "sources": view.urls(c.observation.source_ids),
        }
        for c in compare(view.observations, view.index, view.events)
    ]
    out["headline"] = headline(view, on)
    out["problems"] = view.problems
    return out


def _figure(view: View, f: deal_rules.PublishedFigure, text: Text = _same) -> dict[str, Any]:
    refs = view.refs(f.source_ids)
    by = text(f.by)
    return {
        "what": f.kind.value,
        "value": f.value,
        "qualifier": f.qualifier.value,
        "text": qualified(f.value, f.qualifier.value),
        "by": by or ", ".join(dict.fromkeys(r["publisher"] for r in refs)) or None,
        "by_organisation": by,
        "note": text(f.note),
        "sources": refs,
    }


def _replacement(view: View, r: deal_rules.Replacement, text: Text = _same) -> dict[str, Any]:
    ob = next((o for o in view.observations if o.id == r.observation_id), None)
    return {
        "basis": r.basis.value,
        "needed": r.needed,
        "needed_text": qualified(r.needed, r.needed_qualifier.value),
        "needed_qualifier": r.needed_qualifier.value,
        "designations_qualifier": r.designations_qualifier.value,
        "needed_by": text(r.needed_from.by) if r.needed_from else None,
        "needed_from": "published" if r.needed_from else "registry",
        "designations": r.designations,
        "designations_text": qualified(r.designations, r.designations_qualifier.value),
        "designations_by": text(r.designations_by),
        "period": [d.isoformat() for d in r.period] if r.period else None,
        "days_low": r.days_low,
        "days_high": r.days_high,
        "days_text": days_text(r.days_low, r.days_high),
        "certain_within": r.certain_within,
        "reached": r.reached,
        "formula": r.formula,
        "sources": view.refs(ob.source_ids) if ob else [],
    }


def days_text(low: int | None, high: int | None) -> str:
    """A replacement time in words: "23 days", "12–30 days", "at least 5 days"."""
    if low is None:
        return "not reached"
    if high is None:
        return f"at least {low} days"
    return f"{low} days" if low == high else f"{low}–{high} days"


_QUALIFIER_WORDS = {
    "exact": "",
    "about": "about ",
    "at_least": "at least ",
    "more_than": "more than ",
    "up_to": "up to ",
    "fewer_than": "fewer than ",
}


def qualified(value: int, qualifier: str) -> str:
    """A published figure as its source put it: "more than 109", "up to 1,400"."""
    return f"{_QUALIFIER_WORDS.get(qualifier, '')}{value:,}"


def _moment(
    view: View, named: dict[str, str], t: deal_rules.TimelineEntry, seen: Text = _same
) -> dict[str, Any]:
    given = _concession(t.concession, seen) if t.concession is not None else None
    if t.moment is deal_rules.Moment.CONCESSION and given is not None:
        text = concessions.describe(given)
    elif t.moment is deal_rules.Moment.RETURNED:
        who = named.get(t.person_id or "")
        text = f"{who} back in custody" if who else "a person freed by the deal back in custody"
    elif t.moment is deal_rules.Moment.RELEASE:
        text = "release"
    else:
        text = "designations since the deal published"
    return {
        "date": str(t.date),
        "moment": t.moment.value,
        "text": text,
        "person": named.get(t.person_id or ""),
        "concession": (
            {
                "pattern": concessions.pattern_of(given),
                "party": concessions.party(given.by),
                "target": given.target,
                "text": concessions.describe(given),
            }
            if given
            else None
        ),
    }


def deals(
    view: View,
    scope: Scope,
    may_name: Callable[[Person], bool] = _public,
    text: Text = _same,
) -> list[dict[str, Any]]:
    """Each deal's accounting, in date order: published figures and registry figures side by
    side. Persons are named only where `may_name` allows (counts include everyone); every free
    text (parties, mediator, notes, who published a figure, who gave a concession and what it
    concerned) is what `text` lets the reader see."""
    rows = []
    for a in deal_rules.account(view.deals, view.events, view.observations, scope.organisation):
        named = {
            pid: p.name
            for pid in (*a.released_persons, *a.returned_persons)
            if (p := view.persons.get(pid)) is not None and may_name(p)
        }

        def persons(ids: tuple[str, ...], named: dict[str, str] = named) -> list[dict[str, str]]:
            return [{"id": pid, "name": named[pid]} for pid in ids if pid in named]

        published = [_figure(view, f, text) for f in a.published]
        given = [_concession(c, text) for c in a.concessions]
        rows.append(
            {
                "id": a.deal.id,
                "date": str(a.deal.date),
                "country": a.deal.country,
                "parties": [x for x in (text(p) for p in a.deal.parties) if x],
                "mediator": text(a.deal.mediator),
                "note": text(a.deal.note),
                "published": {
                    k.value: [f for f in published if f["what"] == k.value]
                    for k in deal_rules.FigureKind
                },
                "registry": {
                    "released": len(a.released_persons),
                    "political_prisoners": len(a.political_persons),
                    "returned_to_custody": len(a.returned_persons),
                    "released_persons": persons(a.released_persons),
                    "returned_persons": persons(a.returned_persons),
                },
                "concessions": [
                    {
                        "by": c.by,
                        "what": c.what,
                        "target": c.target,
                        "text": concessions.describe(c),
                        "pattern": concessions.pattern_of(c),
                        "party": concessions.party(c.by) if c.by != "unknown" else None,
                    }
                    for c in given
                ],
                "replacement": [_replacement(view, r, text) for r in a.replacements],
                "timeline": [_moment(view, named, t, text) for t in a.timeline],
                "sources": view.refs(a.deal.source_ids),
            }
        )
    return rows


DEAL_CSV_COLUMNS = (
    "id",
    "date",
    "country",
    "parties",
    "released_published",
    "political_prisoners_published",
    "returned_published",
    "released_in_registry",
    "political_prisoners_in_registry",
    "returned_in_registry",
    "returned_persons",
    "concessions",
    "replacement",
    "sources",
)


def _said(figs: list[dict[str, Any]]) -> str:
    return "; ".join(f["text"] + (f" per {f['by']}" if f["by"] else "") for f in figs)


def deal_csv_row(d: dict[str, Any]) -> dict[str, Any]:
    """One deal as a flat row (CSV): published and registry figures in separate columns."""
    reg = d["registry"]
    return {
        "id": d["id"],
        "date": d["date"],
        "country": d["country"] or "",
        "parties": "|".join(d["parties"]),
        "released_published": _said(d["published"]["released"]),
        "political_prisoners_published": _said(d["published"]["political_prisoners"]),
        "returned_published": _said(d["published"]["returned_to_custody"]),
        "released_in_registry": reg["released"],
        "political_prisoners_in_registry": reg["political_prisoners"],
        "returned_in_registry": reg["returned_to_custody"],
        "returned_persons": "|".join(p["name"] for p in reg["returned_persons"]),
        "concessions": "|".join(c["text"] for c in d["concessions"]),
        "replacement": "|".join(
            f"{r['days_text']} ({r['basis']}: {r['formula']})" for r in d["replacement"]
        ),
        "sources": "|".join(s["url"] or s["publisher"] for s in d["sources"]),
    }


def headline(view: View, on: date) -> dict[str, Any] | None:
    """The latest published count of political prisoners held (on or before `on`), with its
    source and date, beside the registry's count for the same day and its coverage: what
    share of the published count the registry can name."""
    held = [
        o for o in view.observations if o.metric is ObservationMetric.HELD and o.period.latest <= on
    ]
    if not held:
        return None
    ob = max(held, key=lambda o: (o.period.latest, o.recorded_at, o.id))
    reg = view.index.stock_on(ob.period.latest)
    refs = view.refs(ob.source_ids)
    return {
        "value": ob.value,
        "text": qualified(ob.value, ob.qualifier.value),
        "qualifier": ob.qualifier.value,
        "organisation": ob.organisation,
        "by": ob.organisation or ", ".join(r["publisher"] for r in refs) or None,
        "period": str(ob.period),
        "on": ob.period.latest.isoformat(),
        "sources": refs,
        "registry": reg.as_dict(),
        "coverage": round(100 * reg.high / ob.value, 1) if ob.value else None,
    }


class ScopeError(ValueError):
    """A scope naming an organisation or country the ledger does not know."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def known_names(store: LedgerStore) -> tuple[list[str], list[str]]:
    """The organisations (that recognise prisoners or publish figures) and the countries the
    ledger knows. Organisations are public bodies, so naming them reveals nobody."""
    orgs = {e.organisation for e in store.events() if e.organisation}
    orgs |= {o.organisation for o in store.observations() if o.organisation}
    countries = {p.country for p in store.persons() if p.country}
    countries |= {d.country for d in store.deals() if d.country}
    countries |= {o.country for o in store.observations() if o.country}
    return sorted(orgs, key=str.casefold), sorted(countries)


def check_scope(scope: Scope, known: tuple[list[str], list[str]]) -> None:
    """Refuse a scope that names an unknown organisation or country, saying which are known:
    a mistyped `Vyasna` must not quietly give 0."""
    orgs, countries = known
    if scope.organisation and scope.organisation.casefold() not in {o.casefold() for o in orgs}:
        raise ScopeError(
            "org",
            f"no such organisation {scope.organisation!r}; known: {', '.join(orgs) or 'none'}",
        )
    if scope.country and scope.country.upper() not in countries:
        raise ScopeError(
            "country",
            f"no such country {scope.country!r}; known: {', '.join(countries) or 'none'}",
        )
