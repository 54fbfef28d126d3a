"""Figures: stock, series, flows, identity checks, published-figure comparisons and deals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from prisonwatch.core import deals as deal_rules
from prisonwatch.core.bitemporal import cutoff, effective_events
from prisonwatch.core.ledger import StockIndex, derive, identity, series
from prisonwatch.core.observations import compare
from prisonwatch.core.periods import Granularity, periods_between
from prisonwatch.core.records import Deal, Event, Observation, Person, Source
from prisonwatch.core.tallies import tally
from prisonwatch.core.timeline import Interval
from prisonwatch.services.privacy import display_name
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
            index=StockIndex.build(derived.political),
            problems=[str(p) for p in derived.problems],
            custody=derived.custody,
        )

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
            "registry": c.registry.as_dict(),
            "difference": c.difference.as_dict(),
            "sources": view.urls(c.observation.source_ids),
        }
        for c in compare(view.observations, view.index, view.events)
    ]
    out["problems"] = view.problems
    return out


def deals(view: View, scope: Scope) -> list[dict[str, Any]]:
    """Each deal's accounting, in date order."""
    rows = []
    for a in deal_rules.account(view.deals, view.events, view.observations, scope.organisation):
        rep = a.replacement
        rows.append(
            {
                "id": a.deal.id,
                "date": str(a.deal.date),
                "country": a.deal.country,
                "parties": list(a.deal.parties),
                "mediator": a.deal.mediator,
                "released": a.released,
                "released_in_registry": a.released_in_registry,
                "political_prisoners": a.political_prisoners,
                "political_prisoners_in_registry": a.political_prisoners_in_registry,
                "figures_by": a.deal.figures_by,
                "returned_to_custody": a.returned_to_custody,
                "returned_in_registry": a.returned_in_registry,
                "returned_persons": [display_name(view.persons.get(p)) for p in a.returned_persons],
                "concessions": [
                    {"by": c.by, "what": c.what, "target": c.target} for c in a.concessions
                ],
                "replacement_days": rep.days if rep else None,
                "replacement_days_max": rep.days_max if rep else None,
                "replacement_basis": rep.basis if rep else None,
                "sources": view.urls(a.deal.source_ids),
            }
        )
    return rows
