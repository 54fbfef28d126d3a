"""The public projection: what the public may see of the record, built as an allow-list.

Every public page, public API answer, public CSV and the public export is built from this
projection and nothing else; it is never "everything minus a mask". It is computed from the
store's current state, so a change of protection or a review clearance shows as soon as the
data version changes.

- Persons: only `public` ones, by id. `withhold_name` persons count in figures and appear in the
  public export under a stored random pseudonym with no names, birth year, gender, region or
  note; `counts_only` persons appear nowhere but in counts.
- Sources: a source exists for the public only when its title, address and publisher name no
  protected person (`name_check`, every spelling and case form) or review cleared the title and
  address. Any other source is absent (not listed, not found, never referred to), exactly like an
  unknown id: its id is a hash of its address, so showing it with the address blanked would let
  anyone confirm a guessed address, and a blank title would say that it names someone. Its text
  is never shown: each claim shows a published excerpt only once review cleared it.
- Claims: only those of the public record (`public_claims`): accepted, gone into the record (an
  event, a figure, a deal, a demand), no name of them waiting in the name queue, and every
  event they went into a public person's (`exported`), whose exact date the public sees. A
  claim that also went into a `withhold_name` or `counts_only` person's event (or one of a
  person merged into or with a protected one) is not shown, nor counted, on its source or
  beside a public co-defendant's event: the claims of a public article are predictable, and
  one no public person cites would tell that its name is protected and give the exact day
  month precision hides. Suggested and rejected claims are not record and are never shown.
- Clearances vouch for one text against the protected persons of their day (`Vouch`): a
  cleared excerpt, title or address is shown only while it is the text cleared (its sha256)
  and names no protected person beyond those the clearance was confirmed for. A person
  protected after an excerpt naming them was cleared (a family asking for silence after the
  press named them) is withheld from it again, and so is text changed in SQL since.
- Free texts of records (notes, places, a claim's population, agent and attribution, a public
  person's region, deals' parties and concessions, who published a figure, observations' and
  events' organisations, a demand's maker and addressee) only when they name no protected
  person: `Projection.text`, applied where the public rows of each kind are built.
- Ids of figures (observations), events and deals: chosen by whoever imports or adds them, so
  they are free texts too. An id that names no protected person is shown as it is; one that
  may (`name_check`, the same check a note fails) is shown, in every public answer (API, pages,
  links, exports, a correction's `supersedes`, an event's `deal_id`), only as its public id
  (`Projection.record_id`), and public routes find the record under that id alone.
- Ids of public persons: chosen by whoever imports or adds a person, so judged the same way
  (`Projection.person_id`); a person whose id names a protected person is linked, listed,
  exported and found (`Projection.person_shown`) under their public id only.
- Ids of demands: a hash of the demand's content, its list of names included; every demand id
  the public sees is its public id (`record_id` of kind "demand"), and only that finds it.
- Custody details of a public person's event: its articles, sentence length, term end and court
  (`public_custody`); never the place of detention or health notes, which are for analysts only.
  A pseudonymous (`withhold_name`) person's events carry no custody details, organisation or
  exact day in the public export (their dates and entry times to the month): an exact date,
  an article and a sentence would often name them. The public custody
  figures (`services.custody.public_figures`) split by article and term end over public
  persons only; protected persons are counted there in one undivided row.
- Figures made from the registry (stock, series, flows, event counts, deals' accounts, the
  custody figures' `withheld` row): a protected person's events count as on the first day
  of their month (`month_precise`, `core.month_precision`, `figures.View.month_precise`), so
  that no public figure moves within a month by the day such a person was jailed or freed;
  as known on a day, their records count from the first of the month after they were entered
  (`services.known`), so that no such figure tells the day a record was entered. The same
  holds for the merges joining their records (`known.roots`: a public record merged into a
  protected one is that person, and the merge counts from the 1st of the next month), for the
  public export (a pseudonym's rows enter it on the 1st of the month after they were entered)
  and for the answers a server saves for its next start (kept for their month only).
- Sources of a public person's event: only those in the projection, and only the claims of the
  public record read from them; an event whose every source is withheld answers as one
  recorded with no source.
  So do a published figure and a deal: who published a deal's figure (`by`) is its own
  organisation, else the publishers of its public sources only (`services.public_deals`).
- Deals: persons freed by a deal, and those of them back in custody, are counted; only public
  ones are named, and only a public person's return is a dated moment of the deal's timeline.
  An article reference is free text after its number ("342 ч.2 (справа ...)", a co-defendant's
  case): shown whole only when it names no protected person, else as its number alone
  (`public_articles`), in pages, the API, the public export and the custody figures.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections import ChainMap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from prisonwatch.core import merges
from prisonwatch.core.custody import article_number, format_sentence
from prisonwatch.core.records import Claim, Event, Person, Source
from prisonwatch.core.vocabulary import Protection, ReviewStatus, stricter
from prisonwatch.services.keyed import in_key_order
from prisonwatch.services.name_check import ProtectedNames
from prisonwatch.services.recording import EVENT_KINDS
from prisonwatch.storage.clearances import KINDS, Clearance, ClearanceStore
from prisonwatch.storage.demands import DemandStore
from prisonwatch.storage.sql import SqlStore


def href(url: str | None) -> str | None:
    """The address as a link target, only when it is an http(s) address."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


@dataclass(frozen=True, slots=True)
class PublicSource:
    """A source as the public sees it: no text; title and address as stored (a source whose title
    or address cannot be shown is not in the projection at all)."""

    id: str
    title: str | None
    url: str | None
    publisher: str | None
    published: date | None
    language: str | None

    @property
    def href(self) -> str | None:
        return href(self.url)

    def as_dict(self) -> dict[str, str | None]:
        return {
            "id": self.id,
            "url": self.url,
            "href": self.href,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published.isoformat() if self.published else None,
        }


@dataclass(frozen=True, slots=True)
class PublicClaim:
    """A claim as the public sees it: its figures, and its excerpt only when cleared."""

    id: str
    source_id: str
    action: str
    count: int
    qualifier: str
    when: str | None
    status: str
    population: str | None
    excerpt: str | None
    agent: str | None
    attributed_to: str | None


@dataclass(frozen=True, slots=True)
class Projection:
    persons: dict[str, Person]
    """Public persons (not merged away), by id."""
    exported: frozenset[str]
    """Public persons, merged away or not: the public export keeps the record's own links."""
    withheld: frozenset[str]
    """Persons under `withhold_name`: counted, exported under a pseudonym, never named."""
    sources: dict[str, PublicSource]
    """The sources the public may know of, by id: those naming no protected person, or cleared."""
    cleared: Cleared
    """What review cleared, by (kind, target id): what each clearance vouches for."""
    names: ProtectedNames
    refs: frozenset[str]
    """How sources may be referred to in figures (`figures.View.urls`): cleared ones only."""
    former: dict[str, frozenset[str]]
    """The names persons were recorded under and no longer bear, by id (`store.former_names`):
    a protected person stays protected under them."""
    id_key: bytes = b""
    """The store's key for public ids (`ClearanceStore.id_key`): never shown."""
    protected: frozenset[str] = frozenset()
    """Every person whose level is not public (`level_of`): whose names `names` holds."""
    _ids: dict[tuple[str, str], str] = field(default_factory=dict, compare=False, repr=False)
    """Public ids already worked out (the name check is costly; the projection is immutable)."""
    _named: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    """Stored texts already checked against `names` (`text`): whether each may name a
    protected person. Shared by projections with the same protected names."""
    withdrawn: dict[str, Person] = field(default_factory=dict)
    """Persons whose record was voided while they were protected, as last recorded, by id: a
    person withdrawn from the registry (at their family's request, say) is still named by every
    source title, address and note that named them, so their names stay protected."""
    _keyed_persons: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    """The exported persons whose own id is replaced, by their public id (`person_shown`):
    made on the first request for an id of that form, and carried across changes that keep
    the protected names (`updated`). Empty until made (`_keyed_made`)."""
    _keyed_made: list[bool] = field(default_factory=list, compare=False, repr=False)
    _remembered: dict[Any, tuple[Any, Any]] = field(default_factory=dict, compare=False, repr=False)
    _shown_moved: list[tuple[int, frozenset[str]]] = field(
        default_factory=list, compare=False, repr=False
    )
    """(id of the projection this one was made from by `updated`, the persons whose shown
    record may be another object here than there): see `shown_changed`."""
    _regions: list[frozenset[str]] = field(default_factory=list, compare=False, repr=False)
    """Every region a person bore while public here or in a projection this one was made
    from (`updated`): a superset of the public persons' stored regions, so that a change of
    the protected names checks those regions without walking every person. Empty: not
    known yet (made from the persons on the first such change)."""
    """Public answers made through this projection from figures (`remembered`)."""

    @classmethod
    def build(cls, store: SqlStore) -> Projection:
        return cls.of(
            store.persons(),
            store.sources(),
            cleared_of(store),
            store.former_names(),
            id_key_of(store),
            store.voided_persons(),
        )

    @classmethod
    def of(
        cls,
        everyone: Iterable[Person],
        all_sources: Iterable[Source],
        cleared: Cleared,
        former: dict[str, frozenset[str]],
        id_key: bytes = b"",
        voided: Iterable[Person] = (),
    ) -> Projection:
        """The projection of these records (every person, every source), clearances and the
        names persons were formerly recorded under; persons in id order. `id_key` makes the
        public ids of records whose id names a protected person (`record_id`). `voided` are
        the persons whose record is void (`store.voided_persons`, or `withdrawn` kept by
        `updated`): those protected when voided keep their names protected."""
        everyone = sorted(everyone, key=lambda p: p.id)
        by_id = {p.id: p for p in everyone}
        level = protection_levels(by_id)
        withdrawn = {
            p.id: p
            for p in sorted(voided, key=lambda p: p.id)
            if p.id not in by_id
            and level_of(ChainMap({p.id: p}, by_id), p.id) is not Protection.PUBLIC
        }
        names = ProtectedNames(
            [*(p for p in everyone if level[p.id] is not Protection.PUBLIC), *withdrawn.values()],
            former,
        )
        named: dict[str, bool] = {}
        public = {
            p.id: _public_person(p, names, named)
            for p in everyone
            if level[p.id] is Protection.PUBLIC and not p.merged_into
        }
        exported = frozenset(p.id for p in everyone if level[p.id] is Protection.PUBLIC)
        withheld = frozenset(p.id for p in everyone if level[p.id] is Protection.WITHHOLD_NAME)
        protected = frozenset(p.id for p in everyone if level[p.id] is not Protection.PUBLIC)
        sources = {
            s.id: ps for s in all_sources if (ps := _public_source(s, names, cleared, named))
        }
        refs = _refs(sources.values())
        return cls(
            public,
            exported,
            withheld,
            sources,
            cleared,
            names,
            refs,
            former,
            id_key,
            protected,
            _named=named,
            withdrawn=withdrawn,
        )

    def updated(
        self,
        persons: dict[str, Person],
        all_sources: dict[str, Source],
        changed_persons: dict[str, Person | None],
        changed_sources: set[str],
        cleared: Cleared,
    ) -> Projection:
        """The projection after a change: `persons` and `all_sources` are every current record,
        `changed_persons` the touched persons as they were before the change (None: new), and
        `changed_sources` the touched source ids. Equal to `Projection.of` the current records,
        made from the change alone:

        - the persons whose level may have moved are the touched ones, and, when a touched
          person's protection or merge changed, every person merged (directly or not) into
          one of them; only they are projected again;
        - when the protected persons, or the names of a protected one, changed, the protected
          names are made again from the protected persons alone; then every source, and each
          public person whose region the old and new names judge differently, is projected
          again against them, and the public ids (`record_id`) are worked out afresh;
        - when only the clearances changed, every source is projected again.

        A touched person no longer recorded who was protected before the change is withdrawn
        (voided while protected): their names stay among the protected names.

        The names a touched person bore before the change join their former names."""
        former = self.former.copy()
        withdrawn = self.withdrawn.copy()
        for pid, old in changed_persons.items():
            if pid in persons:
                withdrawn.pop(pid, None)  # in force again
            elif old is not None and pid not in self.exported:
                withdrawn[pid] = old  # voided while protected
            new = persons.get(pid)
            was = former.pop(pid, frozenset()) | frozenset(old.all_names if old else ())
            if left := was - frozenset(new.all_names if new else ()):
                former[pid] = left
        affected = set(changed_persons)
        if any(_level_moves(old, persons.get(pid)) for pid, old in changed_persons.items()):
            affected = merges.members(merges.roots(merges.links_of(persons.values())), affected)
        protected = set(self.protected)
        level = levels_of(persons, [pid for pid in affected if pid in persons])
        for pid in affected:
            protected.discard(pid)
            if pid in persons and level[pid] is not Protection.PUBLIC:
                protected.add(pid)
        names, named, ids = self.names, self._named, self._ids
        regions = self._regions_with(persons, affected)
        if (
            protected != self.protected
            or withdrawn.keys() != self.withdrawn.keys()
            or any(pid in protected or pid in self.protected for pid in changed_persons)
        ):
            fresh = ProtectedNames(
                [
                    *(persons[pid] for pid in sorted(protected)),
                    *(withdrawn[pid] for pid in sorted(withdrawn)),
                ],
                former,
            )
            if not fresh.judges_alike(self.names):
                names, named, ids = fresh, {}, {}
        public = self.persons.copy()
        added: list[str] = []
        shown_moved = set(affected)
        if names is not self.names:
            # regions the new names judge otherwise: their public persons are shown again
            moved = {
                r
                for r in regions
                if _mentions(self.names, self._named, r) != _mentions(names, named, r)
            }
            if moved:
                for pid in public:
                    if pid not in affected and persons[pid].region in moved:
                        public[pid] = _public_person(persons[pid], names, named)
                        shown_moved.add(pid)
        exported_now: set[str] = set()  # of the affected persons
        withheld_now: set[str] = set()
        for pid in affected:
            p = persons.get(pid)
            shown = None
            if p is not None and level[pid] is Protection.PUBLIC:
                exported_now.add(pid)
                if not p.merged_into:
                    shown = _public_person(p, names, named)
            elif p is not None and level[pid] is Protection.WITHHOLD_NAME:
                withheld_now.add(pid)
            if shown is None:
                public.pop(pid, None)
            else:
                if pid not in public:
                    added.append(pid)
                public[pid] = shown  # in its place when already there
        public = in_key_order(public, added)  # in id order, as a projection made afresh has them
        every_source = names is not self.names or cleared != self.cleared
        if every_source:
            sources = {
                s.id: ps
                for s in all_sources.values()
                if (ps := _public_source(s, names, cleared, named))
            }
        else:
            sources = self.sources.copy()
            for sid in changed_sources:
                sources.pop(sid, None)
                s = all_sources.get(sid)
                if s is not None and (ps := _public_source(s, names, cleared, named)):
                    sources[sid] = ps
        out = Projection(
            public,
            _moved_members(self.exported, affected, exported_now),
            _moved_members(self.withheld, affected, withheld_now),
            sources,
            cleared,
            names,
            _refs(sources.values()) if every_source or changed_sources else self.refs,
            former,
            self.id_key,
            frozenset(protected),
            ids,  # the same protected names: the same public ids
            named,
            withdrawn,
        )
        out._regions.append(regions)
        out._shown_moved.append((id(self), frozenset(shown_moved)))
        if ids is self._ids and self._keyed_made:
            out._keyed_persons.update(self._keyed_after(out, affected))
            out._keyed_made.append(True)
        return out

    @property
    def counts_only(self) -> frozenset[str]:
        """The persons the public may know only as counts (`level_of` is `counts_only`, merged
        records included): public figures hold their dates at month precision
        (`core.month_precision`, `figures.View.month_precise`)."""
        return self.protected - self.withheld

    @property
    def month_precise(self) -> frozenset[str]:
        """The persons whose dates every public answer gives at month precision
        (`core.month_precision`, `figures.View.month_precise`): every protected person,
        `counts_only` and `withhold_name` alike. A pseudonymous person's exported events are
        dated to their month (`services.exporting`); were public figures to count them at the
        exact day, the day a figure moved, unexplained by public persons' exported dates,
        would give back the exact day of a pseudonym's arrest or release."""
        return self.protected

    def shown_changed(self, old: Projection) -> set[str]:
        """The persons whose shown record is another object here than in `old` (changed,
        come or gone), or more: when this projection was made from `old` by `updated`
        (`old` being alive, its id is its own), the persons that change touched or showed
        again, without comparing every person; else found by comparing them all."""
        if self._shown_moved and self._shown_moved[0][0] == id(old):
            return set(self._shown_moved[0][1])
        out = {pid for pid, p in self.persons.items() if old.persons.get(pid) is not p}
        out.update(pid for pid in old.persons if pid not in self.persons)
        return out

    def _regions_with(self, persons: dict[str, Person], affected: Iterable[str]) -> frozenset[str]:
        """`_regions` (made from every stored person when not known) with the stored regions
        of the `affected` persons added."""
        if self._regions:
            known = self._regions[0]
        else:
            known = frozenset(p.region for p in persons.values() if p.region)
        more = {r for pid in affected if (p := persons.get(pid)) and (r := p.region)}
        return known | more if not more <= known else known

    def text(self, value: str | None) -> str | None:
        """A stored free text, only when it names no protected person."""
        return None if value is None or _mentions(self.names, self._named, value) else value

    def record_id(self, kind: str, record_id: str) -> str:
        """The id under which the public knows a figure, event or deal (`kind`: "figure",
        "event", "deal"): its own id when that names no protected person, else its public id.

        Such ids are chosen by whoever imports or adds a record, so they are judged as the
        record's free texts are: by the same name check over the stored id (never over text a
        request supplied). An id that fails it is replaced, wherever a public answer would
        show or link it, by `kind-` and 16 hex digits of an HMAC-SHA256 of the kind and id
        under the store's random key (`id_key_of`): stable across restarts, exports and the
        change feed, opaque without the key (a guessed id cannot be hashed to confirm it), and
        derived from nothing the public may not see beyond the stored id itself. The original
        id is then never found by a public route (404, as for an id that does not exist), so
        asking for a guessed id answers the same whether the name in it is protected or unknown.

        An id naming an unknown person is shown as it is, like a note naming one: the rule is
        that no answer may depend on whether a name *a request supplies* is protected, and the
        public never learns the original of a replaced id. An id that fails the check by
        chance (a stem inside an innocent word) is replaced as well: the check errs on the side
        of withholding. Analysts always see the real ids."""
        key = (kind, record_id)
        known = self._ids.get(key)
        if known is None:
            known = record_id
            if kind in _ALWAYS_KEYED or self.names.mentions(record_id):
                digest = hmac.new(self.id_key, f"{kind}\0{record_id}".encode(), hashlib.sha256)
                known = f"{kind}-{digest.hexdigest()[:16]}"
            self._ids[key] = known
        return known

    def remembered(self, key: Any, basis: Any, build: Callable[[], Any]) -> Any:
        """A public answer `build` makes from `basis` (figures of the ledger) through this
        projection, made once for that very basis: the same figures asked for again are not
        screened again. A write makes a new projection (and new figures), so nothing screened
        by another projection is ever answered from here."""
        found = self._remembered.get(key)
        if found is not None and found[0] is basis:
            return found[1]
        value = build()
        if len(self._remembered) >= MAX_REMEMBERED:
            self._remembered.clear()
        self._remembered[key] = (basis, value)
        return value

    def person_id(self, person_id: str) -> str:
        """The id under which the public knows a public person (`record_id` of kind
        "person"): a person id is chosen by whoever imports or adds the person, so it may
        name a protected one (a relative's name given as the id, a record merged away)."""
        return self.record_id("person", person_id)

    def person_shown(self, shown_id: str) -> str | None:
        """The exported person the public knows by `shown_id` (their own id, or their public
        id when their own names a protected person); None for any other id, the original of
        a replaced id included, so that it answers exactly as an id never recorded.

        An exported id shown as it is costs one name check. Only an id of the public ids'
        form (`person-` and 16 hex digits) is looked up among the replaced ones, which are
        found by judging every exported id once per set of protected names (not on every
        request for a person, nor after every write)."""
        if shown_id in self.exported and self.person_id(shown_id) == shown_id:
            return shown_id
        if not _KEYED.fullmatch(shown_id) or not shown_id.startswith("person-"):
            return None
        return self._keyed().get(shown_id)

    def _keyed(self) -> dict[str, str]:
        """`_keyed_persons`, made when first needed (two requests may both make it: the same)."""
        if not self._keyed_made:
            self._keyed_persons.update(_keyed_of(self, self.exported))
            self._keyed_made.append(True)
        return self._keyed_persons

    def _keyed_after(self, new: Projection, affected: Iterable[str]) -> dict[str, str]:
        """The replaced persons' ids in `new`, the projection after a change that kept the
        protected names (so every other person's public id is as it was) and touched the
        persons `affected`."""
        gone = set(affected)
        out = {k: pid for k, pid in self._keyed_persons.items() if pid not in gone}
        out.update(_keyed_of(new, gone & new.exported))
        return out

    def record_ref(self, kind: str, record_id: str | None) -> str | None:
        """`record_id` of a link that may be empty (an event's deal, a correction's target)."""
        return None if record_id is None else self.record_id(kind, record_id)

    def source_refs(self, source_ids: Iterable[str]) -> list[dict[str, str | None]]:
        return [self.sources[i].as_dict() for i in source_ids if i in self.sources]

    def urls(self, refs: Iterable[str]) -> list[str]:
        """Of these source references (addresses, or title and date), those the public may see."""
        return [u for u in refs if u in self.refs]

    def claim(self, c: Claim) -> PublicClaim:
        key = ("excerpt", c.id)
        cleared = _vouched(self.names, self.cleared, key, c.evidence.text)
        return PublicClaim(
            c.id,
            c.source_id,
            c.action,
            c.count,
            c.qualifier.value,
            str(c.when) if c.when else None,
            c.review.status.value,
            self.text(c.population),
            c.evidence.text if cleared else None,
            (c.agent if cleared and self._covered(key, c.agent) else self.text(c.agent)),
            (
                c.attributed_to
                if cleared and self._covered(key, c.attributed_to)
                else self.text(c.attributed_to)
            ),
        )

    def _covered(self, key: tuple[str, str], text: str | None) -> bool:
        """Whether a clearance of `key` vouches for the protected persons `text` names."""
        named = self.names.naming(text)
        return any(named <= v.named for v in self.cleared.get(key, ()))

    def is_public(self, person_id: str) -> bool:
        return person_id in self.persons


_KEYED = re.compile(r"[a-z]+-[0-9a-f]{16}")
"""The form of a public id that replaces a record's own (`record_id`)."""


def _keyed_of(proj: Projection, ids: Iterable[str]) -> dict[str, str]:
    """Of these exported person ids, those shown under a public id, by that id."""
    return {shown: pid for pid in ids if (shown := proj.person_id(pid)) != pid}


_ALWAYS_KEYED = frozenset({"demand"})
"""Kinds whose ids the public only ever sees keyed: a demand's id is a hash of its content,
which holds every name on its list, so showing it would let anyone confirm a guessed list of
names the public is not shown (protected or unknown alike)."""


def level_of(persons: Mapping[str, Person], person_id: str) -> Protection:
    """A person's protection as the public projection applies it: the strictest of that of
    every record of the same person (`core.merges`: the record it was merged into, those
    merged into it, and so on). A record merged into a protected person is that person
    under another name (a duplicate, a maiden name found later), so it is shown, exported
    and name-checked as they are; and a protected record merged into a public one makes the
    joined person protected, since its events are counted on the joined timeline."""
    return levels_of(persons, [person_id])[person_id]


def levels_of(persons: Mapping[str, Person], ids: Iterable[str]) -> dict[str, Protection]:
    """`level_of` each of `ids` (those not in `persons` are public), with one walk over the
    merged records."""
    root_of = merges.roots(merges.links_of(persons.values()))
    wanted = list(ids)
    roots = {root_of.get(i, i) for i in wanted}
    group: dict[str, Protection] = {}
    for pid in [*roots, *(m for m, r in root_of.items() if r in roots)]:
        p = persons.get(pid)
        root = root_of.get(pid, pid)
        level = group.get(root, Protection.PUBLIC)
        group[root] = stricter(level, p.protection) if p is not None else level
    return {i: group[root_of.get(i, i)] for i in wanted}


def protection_levels(persons: dict[str, Person]) -> dict[str, Protection]:
    """`level_of` every person."""
    return levels_of(persons, persons)


def public_articles(articles: Iterable[str], text: Callable[[str | None], str | None]) -> list[str]:
    """Article references as the public may see them (`text`: the projection's check): each as
    written when it names no protected person, else its number alone when that passes, else
    left out."""
    out = []
    for a in articles:
        shown = text(a) or text(article_number(a))
        if shown:
            out.append(shown)
    return out


def public_custody(e: Event, text: Callable[[str | None], str | None]) -> dict[str, Any]:
    """The custody details of an event the public may see, read field by field from the event:
    articles, sentence length, term end and court (`text` screens the articles' and the
    court's free text). Detention place and health are never read here."""
    return {
        "articles": public_articles(e.articles, text),
        "sentence": format_sentence(e.sentence_months) if e.sentence_months else None,
        "sentence_months": e.sentence_months,
        "term_ends": e.term_ends.isoformat() if e.term_ends else None,
        "court": text(e.court),
    }


MAX_REMEMBERED = 64
"""Public answers a projection remembers (`remembered`); past this it forgets them all."""

MAX_NAMED = 200_000
"""Texts whose verdict a projection remembers (`_mentions`); past this, each is checked anew."""


def _mentions(names: ProtectedNames, named: dict[str, bool], text: str | None) -> bool:
    """`names.mentions(text)`, remembered in `named` (the verdicts of these names): the same
    stored texts (organisations, places, regions) are judged again on every request and after
    every write, and the check costs tens of microseconds a text."""
    if not text:
        return False
    found = named.get(text)
    if found is None:
        found = names.mentions(text)
        if len(named) < MAX_NAMED:
            named[text] = found
    return found


def _moved_members(old: frozenset[str], affected: set[str], now: set[str]) -> frozenset[str]:
    """`old` with the `affected` persons in it as `now` says (those of `now` in, the other
    affected out): `old` itself when that changes nothing (no copy of 100,000 ids)."""
    if all((pid in old) == (pid in now) for pid in affected):
        return old
    return (old - affected) | now


def _level_moves(old: Person | None, new: Person | None) -> bool:
    """Whether a change of this person may move another person's level (`level_of`): a
    person added or gone, or their protection or merge changed."""
    if old is None or new is None:
        return True
    return old.protection is not new.protection or old.merged_into != new.merged_into


def _public_person(p: Person, names: ProtectedNames, named: dict[str, bool]) -> Person:
    """A public person as the public sees them: a region naming a protected person is unknown
    (their own names are public)."""
    return replace(p, region=None) if _mentions(names, named, p.region) else p


def _public_source(
    s: Source,
    names: ProtectedNames,
    cleared: Cleared,
    named: dict[str, bool],
) -> PublicSource | None:
    """The source as the public sees it, or None when any of its title, address or publisher
    names a protected person and review has not vouched for it (`_vouched`): the public never
    learns that such a source exists (withholding only the field would confirm a guessed
    address by its hash id). A source with neither address nor title whose text names one is
    absent too: its id is the hash of that text, so its id alone would confirm a guessed
    description."""
    for kind, text in (("title", s.title), ("address", s.url)):
        if (
            text
            and _mentions(names, named, text)
            and not _vouched(names, cleared, (kind, s.id), text)
        ):
            return None
    if s.publisher and _mentions(names, named, s.publisher):
        return None
    if s.url is None and s.title is None and s.text and _mentions(names, named, s.text):
        # a source with neither address nor title (a letter or a meeting described by `demand
        # add --source-text`) is known to the public by its id alone, the sha256 of its short
        # text: listing it would let anyone confirm a guessed description naming a protected
        # person (an ingested article shows its title, and its whole text is no guess)
        return None
    return PublicSource(s.id, s.title, s.url, s.publisher, s.published, s.language)


def _refs(sources: Iterable[PublicSource]) -> frozenset[str]:
    out = set()
    for s in sources:
        out.add(s.url or " ".join(x for x in (s.title, str(s.published or "")) if x) or s.id)
    return frozenset(out)


_DEAL_NOTE = re.compile(r"built from claim (\S+) and the concession it bought")
"""The note of a deal that accepting a claim built (`recording.deal_note`): names its claim."""


def public_claims(store: SqlStore, proj: Projection) -> frozenset[str]:
    """The claims that are part of the public record, by id: the only claims the public sees
    (a source's claims and their number, a public person's event's claims).

    A claim is part of the public record when review accepted it, it went into the record
    (an event of a person, a figure, a deal, a demand), and every event it went into, in
    force or not, is one the public may see with its exact date: a public person's
    (`Projection.exported`: not a `withhold_name` or `counts_only` person's, nor one merged
    into or with a protected person, `level_of`). A name of it still waiting in the name
    queue keeps it out too: where it goes is not known yet; so does a claim that names
    persons and should record events on them (`recording.EVENT_KINDS`) but has none yet (the
    moment between its figure or deal and its events being written, or no date to record).

    The extractor is open source and an article's text public, so anyone can predict the
    claims read from it; an accepted claim that no public person cites, or whose only
    records are a protected person's, would tell that the name it reads is protected, and
    give the exact day (of an arrest, say) that month precision hides everywhere else.
    Suggested and rejected claims are not record: the public sees none of them."""
    accepted: set[str] = set()
    on_persons: set[str] = set()  # claims that record events on the persons they name
    for c in store.claims():
        if c.review.status is ReviewStatus.ACCEPTED:
            accepted.add(c.id)
            if c.persons and c.action in EVENT_KINDS:
                on_persons.add(c.id)
    recorded: set[str] = set()
    barred: set[str] = set()
    with_events: set[str] = set()
    for e in store.claimed_events():
        for cid in e.claim_ids:
            with_events.add(cid)
            if e.person_id not in proj.exported:
                barred.add(cid)
    # a claim naming persons is record once their events are: acceptance writes its figure
    # and deal first, and until then nothing tells whose events will follow
    barred.update(on_persons - with_events)
    recorded.update(with_events)
    recorded.update(o.claim_id for o in store.observations() if o.claim_id)
    recorded.update(
        m.group(1) for d in store.deals() if d.note and (m := _DEAL_NOTE.fullmatch(d.note))
    )
    recorded.update(d.claim_id for d in DemandStore(store).demands() if d.claim_id)
    barred.update(q.claim_id for q in store.queued_names("pending"))
    return frozenset((accepted & recorded) - barred)


def id_key_of(store: SqlStore) -> bytes:
    """The store's key for public record ids (`Projection.record_id`), made on first use."""
    return ClearanceStore(store).id_key(datetime.now())


@dataclass(frozen=True, slots=True)
class Vouch:
    """What one clearance vouches for: the text as cleared (its sha256; None for clearances
    made before it was kept, which vouch for whatever text their target holds) and the
    protected persons it was judged to name then (`ProtectedNames.naming`)."""

    text_hash: str | None
    named: frozenset[str]


Cleared = Mapping[tuple[str, str], tuple[Vouch, ...]]
"""What review cleared for the public, by (kind, target id): each clearance's `Vouch`."""


def text_hash(text: str | None) -> str:
    """The sha256 of a text as cleared (`Vouch.text_hash`)."""
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


def _vouched(names: ProtectedNames, cleared: Cleared, key: tuple[str, str], text: str) -> bool:
    """Whether a clearance of `key` (kind, target id) vouches for `text` as it is now: the very
    text cleared, naming no protected person but those the clearance was confirmed for."""
    vouches = cleared.get(key, ())
    if not vouches:
        return False
    digest = text_hash(text)
    named = names.naming(text)
    return any(v.text_hash in (None, digest) and named <= v.named for v in vouches)


def cleared_of(store: SqlStore) -> Cleared:
    """What review cleared for the public, by (kind, target id), with what each vouches for."""
    out: dict[tuple[str, str], tuple[Vouch, ...]] = {}
    for c in ClearanceStore(store).clearances():
        key = (c.kind, c.target_id)
        out[key] = (*out.get(key, ()), Vouch(c.text_hash, frozenset(c.named)))
    return out


def clearances(store: SqlStore) -> list[Clearance]:
    return ClearanceStore(store).clearances()


class ClearanceError(ValueError):
    """A clearance that cannot be recorded: unknown kind or target."""


CONFIRMED_NOTE = "cleared although the name check matched a protected person"
"""Recorded in the note (and so in the audit entry) of a clearance confirmed past the check."""


def clear(
    store: SqlStore,
    kind: str,
    target_id: str,
    by: str,
    at: datetime,
    note: str | None = None,
    despite_protected_name: bool = False,
) -> Clearance:
    """Record that `by` cleared a claim's excerpt, or a source's title or address, for the
    public. The target must exist: a claim for `excerpt`, a source for `title` and `address`.

    Clearing publishes the text as it is, so a text the name check says may name a protected
    person (any spelling or case form the public projection withholds) is refused unless the
    analyst confirms it (`despite_protected_name`): one slip, such as clearing titles in bulk,
    would otherwise publish the name. A confirmed clearance says so in its note and audit entry.

    The clearance vouches for this text only (its sha256) and for the protected persons the
    check says it names now, no others: a person protected later, or the text changed since,
    withholds it again (`Vouch`).
    """
    if kind not in KINDS:
        raise ClearanceError(f"kind: expected one of {', '.join(KINDS)}, not {kind!r}")
    text: str | None
    if kind == "excerpt":
        claims = store.claims(ids=[target_id])
        text = claims[0].evidence.text if claims else None
        exists = bool(claims)
    else:
        sources = store.sources([target_id])
        exists = bool(sources)
        text = (sources[0].title if kind == "title" else sources[0].url) if sources else None
    if not exists:
        what = "claim" if kind == "excerpt" else "source"
        raise ClearanceError(f"{kind}: no {what} {target_id!r}")
    named = Projection.build(store).names.naming(text)
    if named:
        if not despite_protected_name:
            raise ClearanceError(
                f"{kind} of {target_id!r}: the text may name a protected person (the name check"
                " matched it), so clearing it would publish the name; clear it only if it names"
                " nobody protected, confirming with --despite-protected-name"
            )
        note = f"{CONFIRMED_NOTE}; {note}" if note else CONFIRMED_NOTE
    return ClearanceStore(store).clear(kind, target_id, by, at, note, text_hash(text), named)
