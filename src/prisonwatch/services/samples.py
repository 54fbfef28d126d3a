"""The parts of the sample story that are not record files: the demand for release that the
seed article reports ("Trump has urged Lukashenko to free up to 1,400 people")."""

from __future__ import annotations

from datetime import datetime

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import Source
from prisonwatch.core.vocabulary import Qualifier
from prisonwatch.services import demands
from prisonwatch.storage.sql import SqlStore

#: Reuters, 2025-12-12, as republished by CNA (also in sample_data/sources.csv).
SEED_SOURCE = (
    "https://www.channelnewsasia.com/world/"
    "trumps-envoy-visits-belarus-talks-lukashenko-prisoners-5578956"
)


def record_sample_demands(store: SqlStore, actor: str, now: datetime) -> int:
    """Record the sample's demands once; a second run finds them there. Returns how many were
    added."""
    if any(d.by == "Donald Trump" and d.count == 1400 for d in demands.listed(store)):
        return 0
    demands.record(
        store,
        by="Donald Trump",
        made_on=parse_fuzzy("2025-09/2025-12-12"),
        actor=actor,
        now=now,
        of="Belarus",
        country="BY",
        count=1400,
        qualifier=Qualifier.UP_TO,
        source_ids=[Source.make_id(None, SEED_SOURCE)],
        note="Up to 1,400 people Trump has called hostages (Reuters, 2025-12-12); "
        "the day the demand was first made is not in the source",
    )
    return 1
