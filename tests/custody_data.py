"""A small record with custody details, for the custody tests (fictional persons).

On 2026-11-30, held persons whose term ends within 12 months: Barys (2026-12-15, from a
4y6m sentence begun 2022-06-15) and the counts-only person (given 2027-05-01): 2. Alena's
term ends 2029-03-10; Dzianis was released. Article 342-1: Alena, Barys, Dzianis (2 held).
"""

from __future__ import annotations

from pathlib import Path

PLACE_CANARY = "Colony Q7-CANARY Vitsebsk"
HEALTH_CANARY = "HEALTH-Z9-CANARY diabetes"
SECRETS = (PLACE_CANARY, HEALTH_CANARY, "Q7-CANARY", "Z9-CANARY")

PERSONS = (
    "id,name,birth_year,gender,country,protection,recorded_at\n"
    "t-alena,Alena Testava,1980,female,BY,public,2026-01-01\n"
    "t-barys,Barys Testau,1970,male,BY,public,2026-01-01\n"
    "t-hidden,Cimafiej Schovany,1990,male,BY,counts_only,2026-01-01\n"
    "t-dzianis,Dzianis Testau,1985,male,BY,public,2026-01-01\n"
)
EVENTS = (
    "id,person_id,kind,date,organisation,source_url,articles,sentence,term_ends,court,"
    "detention_place,health,recorded_at\n"
    "a-det,t-alena,detained,2023-11-01,,https://example.org/a,,,,,,,2026-01-01\n"
    "a-sen,t-alena,sentenced,2024-03-10,,https://example.org/a,342-1|361-1 ч.3,5y,,"
    f'Minsk City Court,"{PLACE_CANARY}",{HEALTH_CANARY},2026-01-01\n'
    "b-det,t-barys,detained,2022-01-01,,https://example.org/b,,,,,,,2026-01-01\n"
    "b-sen,t-barys,sentenced,2022-06-15,,https://example.org/b,342-1,4y6m,,"
    "Homiel Regional Court,,,2026-01-01\n"
    "h-det,t-hidden,detained,2023-01-01,,https://example.org/h,,,,,,,2026-01-01\n"
    "h-sen,t-hidden,sentenced,2023-02-01,,https://example.org/h,130 ч.3,,2027-05-01,,"
    f'"{PLACE_CANARY}",,2026-01-01\n'
    "d-det,t-dzianis,detained,2021-01-10,,https://example.org/d,,,,,,,2026-01-01\n"
    "d-sen,t-dzianis,sentenced,2021-05-01,,https://example.org/d,342-1,2y,,,,,2026-01-01\n"
    "d-rel,t-dzianis,released,2023-05-01,,https://example.org/d,,,,,,,2026-01-01\n"
)


def write(tmp: Path) -> list[Path]:
    persons, events = tmp / "custody_persons.csv", tmp / "custody_events.csv"
    persons.write_text(PERSONS, encoding="utf-8")
    events.write_text(EVENTS, encoding="utf-8")
    return [persons, events]
