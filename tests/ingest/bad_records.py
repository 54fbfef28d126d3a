"""Generated record files with bad rows in them, and where each bad row is.

A file is a few good rows of one kind with one or more rows spoiled: a field given a value of
the wrong type, too long, out of range, with a control character, or the row's CSV or JSON
syntax broken. Each spoiled row is described by the line it is on and the fields a correct
refusal may name, so a test can check that the importer names exactly that line and field.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from prisonwatch.ingest import fields as f

FORMATS = ("csv", "json", "jsonl")

# Rows that import cleanly into a store holding SEED (one person, one deal).
SEED_PERSONS = "id,name\nseed-p,Seed Person\n"
SEED_DEALS = "id,date\nseed-d,2024-06-01\n"


def good_row(kind: str, n: int) -> dict[str, Any]:
    """Row `n` of a kind: valid, and distinct from the other rows of the file."""
    rows: dict[str, dict[str, Any]] = {
        "persons": {
            "id": f"p-{n}",
            "name": f"Name {n} Прозвішча",
            "aliases": f"Alias {n}|Псеўда {n}",
            "birth_year": "1980",
            "gender": "female",
            "region": "Hrodna",
            "country": "BY",
            "protection": "public",
            "note": "a note",
            "recorded_at": "2025-01-01",
        },
        "events": {
            "id": f"e-{n}",
            "person_id": "seed-p",
            "kind": "designated",
            "date": f"2024-01-{n % 28 + 1:02d}",
            "organisation": "Viasna",
            "place": "Minsk",
            "note": "",
            "source_url": f"https://example.org/{n}",
            "recorded_at": "2025-01-01T10:00:00",
            "recorded_by": "tester",
            "void": "false",
        },
        "deals": {
            "id": f"d-{n}",
            "date": "2025-09",
            "country": "BY",
            "parties": "Belarus|United States",
            "mediator": "Lithuania",
            "concessions": "United States:sanctions_lifted:Belavia",
            "reported_released": "52",
            "figures_by": "Viasna",
            "note": "",
            "recorded_at": "2025-10-01",
        },
        "observations": {
            "id": f"o-{n}",
            "metric": "held",
            "value": str(1000 + n),
            "qualifier": "about",
            "period": "2025-06",
            "organisation": "Viasna",
            "country": "BY",
            "recorded_at": "2025-07-01",
        },
        "sources": {
            "url": f"https://example.org/source/{n}",
            "title": f"Title {n}",
            "publisher": "Reuters",
            "published": "2025-02-03",
            "language": "en",
            "recorded_at": "2025-02-04",
        },
    }
    return rows[kind]


# The type of each field, which decides the bad values it can be given.
FIELD_TYPES: dict[str, dict[str, str]] = {
    "persons": {
        "id": "id_required",
        "name": "name_required",
        "aliases": "names",
        "birth_year": "year",
        "gender": "choice",
        "region": "text",
        "country": "country",
        "protection": "choice",
        "note": "note",
        "recorded_at": "timestamp",
    },
    "events": {
        "id": "id",
        "person_id": "id_required",
        "kind": "choice_required",
        "date": "date_required",
        "organisation": "text_required",
        "place": "text",
        "note": "note",
        "source_url": "urls",
        "recorded_at": "timestamp",
        "recorded_by": "text",
        "void": "boolean",
        "supersedes": "id",
    },
    "deals": {
        "id": "id_required",
        "date": "date_required",
        "country": "country",
        "parties": "urls",
        "mediator": "text",
        "concessions": "concessions",
        "reported_released": "count",
        "figures_by": "text",
        "note": "note",
        "recorded_at": "timestamp",
    },
    "observations": {
        "id": "id",
        "metric": "choice_required",
        "value": "count_required",
        "qualifier": "choice",
        "period": "date_required",
        "organisation": "text",
        "country": "country",
        "recorded_at": "timestamp",
    },
    "sources": {
        "url": "text",
        "title": "text",
        "publisher": "text",
        "published": "day",
        "language": "language",
        "text": "long_text",
        "recorded_at": "timestamp",
    },
}

LIMITS = {
    "id": f.ID_MAX,
    "id_required": f.ID_MAX,
    "name_required": f.NAME_MAX,
    "names": f.NAME_MAX,
    "text": f.SHORT_MAX,
    "text_required": f.SHORT_MAX,
    "urls": f.SHORT_MAX,
    "note": f.NOTE_MAX,
    "long_text": f.TEXT_MAX,
    "language": 16,
}
ONE_LINE = {"id", "id_required", "name_required", "names", "text", "text_required", "urls"}
CONTROL = [chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127, 0x85, 0x9F]]
JSON_ONLY = "json-only"


@dataclass
class Spoiled:
    """A spoiled row: its index in the file, and the fields a correct refusal may name."""

    index: int
    fields: set[str]
    row: dict[str, Any] | None = None  # None: the row's syntax is broken (see `syntax`)
    syntax: str | None = None
    line: int = 0
    late: bool = False  # refused by the ledger's checks, which run only once every row reads


@dataclass
class BadFile:
    kind: str
    fmt: str
    text: str
    spoiled: list[Spoiled] = field(default_factory=list)
    rows: int = 0

    @property
    def name(self) -> str:
        return f"{self.kind}.{self.fmt}"


@st.composite
def bad_value(draw: st.DrawFn, kind: str, name: str, fmt: str) -> Any:
    """A value field `name` of `kind` must refuse, in a form format `fmt` can carry."""
    ftype = FIELD_TYPES[kind][name]
    good = str(good_row(kind, 1).get(name) or "value")
    options: list[st.SearchStrategy[Any]] = []
    middle = st.sampled_from(CONTROL if ftype in ONE_LINE else [c for c in CONTROL if c != "\t"])
    options.append(middle.map(lambda c: good[:1] + "x" + c + "y" + good[1:]))
    if ftype in ONE_LINE:
        options.append(st.sampled_from(["\n", "\r", "\r\n", "\t"]).map(lambda c: f"a{c}b"))
    if ftype in LIMITS:
        limit = LIMITS[ftype]
        extra = st.integers(1, 3 if limit > 50_000 else 500)
        options.append(extra.map(lambda k: "x" * (limit + k)))
    if fmt != "csv":
        options.append(st.sampled_from([{"a": 1}, {"text": "x"}, [[1]], [{"a": "b"}]]))
        if ftype not in ("names", "urls", "concessions"):
            options.append(st.sampled_from([["a"], [1, 2]]))
        options.append(st.just("a\ud800b"))  # a lone surrogate, which UTF-8 cannot carry
    if ftype.endswith("_required"):
        options.append(st.sampled_from(["", "   "] + ([None] if fmt != "csv" else [])))
    by_type: dict[str, st.SearchStrategy[Any]] = {
        "year": st.one_of(
            st.integers(-(10**30), 1849),
            st.integers(2027, 10**30),
            st.sampled_from(["19x0", "1980.5", "nineteen", "1e3", "0x7BC"]),
        ),
        "count": _bad_count(fmt),
        "count_required": _bad_count(fmt),
        "date": _bad_date(),
        "date_required": _bad_date(),
        "day": st.one_of(_bad_date(), st.sampled_from(["2025", "2025-02", "2025-01/2025-02"])),
        "timestamp": st.sampled_from(
            [
                "2024-13-01",
                "2024-02-30T10:00",
                "yesterday",
                "2999-01-01",
                "1700-01-01",
                "2024-01-01T25:00",
                "2024-01-01 10:00:00+99:00",
                "10**29",
            ]
        ),
        "choice": _bad_choice(),
        "choice_required": _bad_choice(),
        "country": st.sampled_from(["BYR", "B", "12", "ÄÖ", "B-", "by "[:1] + "Y1"]),
        "boolean": st.sampled_from(["maybe", "2", "truee", "ja"]),
        "concessions": _bad_concessions(fmt),
        "language": st.just("x" * 17),
    }
    if ftype in by_type:
        options.append(by_type[ftype])
    return draw(st.one_of(options))


def _bad_count(fmt: str) -> st.SearchStrategy[Any]:
    texts = st.sampled_from(["many", "1.5", "1e5", "12a", "-3", "2147483648", "1" * 60])
    huge = st.integers(f.INT_MAX + 1, 10**40).map(str)
    negative = st.integers(-(10**30), -1).map(str)
    if fmt == "csv":
        return st.one_of(texts, huge, negative)
    numbers = st.one_of(
        st.integers(f.INT_MAX + 1, 10**40),
        st.integers(-(10**30), -1),
        st.sampled_from([1.5, 1e300, float("inf"), float("nan"), True, False]),
    )
    return st.one_of(texts, huge, negative, numbers)


def _bad_date() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(
            [
                "2024-02-30",
                "2024-13",
                "2024-00-10",
                "1799",
                "2201",
                "0001-01-01",
                "9999-12-31",
                "2024-1-1",
                "24-01-01",
                "2024/13",
                "2025-01-01/2024-01-01",
                "soon",
                "2024-01-01T10:00",
            ]
        ),
        st.integers(1, 10**6).map(lambda n: f"{n:04d}-99-99"),
    )


def _bad_choice() -> st.SearchStrategy[str]:
    return st.text(st.characters(categories=["Ll", "Lu", "Nd"]), min_size=1, max_size=12).map(
        lambda t: "zz" + t
    )


def _bad_concessions(fmt: str) -> st.SearchStrategy[Any]:
    texts = st.sampled_from(
        ["nocolon", "a:b:c:d", ":what", "by:", "by:" + "w" * 65, "ok:fine|broken"]
    )
    if fmt == "csv":
        return texts
    return st.one_of(
        texts,
        st.sampled_from(
            [[{"by": "x"}], [1], [{"by": "x", "what": {"a": 1}}], [{"by": "x", "what": "w" * 65}]]
        ),
    )


# Values that read well but that the ledger refuses: a person or event it does not hold.
LATE = {
    "events": ("person_id", "nobody-{i}"),
    "persons": ("id", "seed-p"),  # another person already has this id
}

SYNTAX = {
    "csv": ["unterminated", "extra_value", "missing_value", "quote_then_text"],
    "json": ["not_object", "deep", "truncated", "twice"],
    "jsonl": ["not_object", "deep", "broken", "record_list", "twice"],
}


@st.composite
def bad_files(draw: st.DrawFn, kinds: tuple[str, ...] = tuple(FIELD_TYPES)) -> BadFile:
    """A record file of a few good rows and one to three spoiled ones."""
    kind = draw(st.sampled_from(kinds))
    fmt = draw(st.sampled_from(FORMATS))
    n = draw(st.integers(1, 8))
    bad_at = sorted(draw(st.sets(st.integers(0, n - 1), min_size=1, max_size=min(3, n))))
    rows: list[dict[str, Any] | None] = [good_row(kind, i) for i in range(n)]
    spoiled: list[Spoiled] = []
    for i in bad_at:
        if draw(st.integers(0, 4)) == 0:
            syntax = draw(st.sampled_from(SYNTAX[fmt]))
            allowed = {"csv"} if fmt == "csv" else {"json", "record"}
            if syntax == "deep":
                allowed = {"json", "name"}
            if syntax in ("extra_value", "missing_value"):
                allowed = {"row"}
            if syntax == "twice":
                key = next(iter(good_row(kind, i)))
                syntax, allowed = f"twice:{key}", {key}
            spoiled.append(Spoiled(i, allowed, syntax=syntax))
            rows[i] = None
            continue
        row = dict(good_row(kind, i))
        late = LATE.get(kind)
        once = not any(s.late for s in spoiled)  # twice would be a duplicate within the file
        if late is not None and once and draw(st.integers(0, 5)) == 0:
            name, value = late[0], late[1].format(i=i)
            spoiled.append(Spoiled(i, {name}, row={**row, name: value}, late=True))
            rows[i] = spoiled[-1].row
            continue
        name = draw(st.sampled_from(sorted(FIELD_TYPES[kind])))
        value = draw(bad_value(kind, name, fmt))
        row[name] = value
        allowed = {name}
        if fmt == "csv" and isinstance(value, str) and ("\n" in value or "\r" in value):
            allowed = {"csv", name}  # the row runs on, or the value holds a line break
        spoiled.append(Spoiled(i, allowed, row=row))
        rows[i] = row
    text = _render(kind, fmt, rows, spoiled, draw)
    return BadFile(kind, fmt, text, spoiled, n)


def _render(
    kind: str,
    fmt: str,
    rows: list[dict[str, Any] | None],
    spoiled: list[Spoiled],
    draw: st.DrawFn,
) -> str:
    by_index = {s.index: s for s in spoiled}
    columns = sorted(FIELD_TYPES[kind])
    lines: list[str] = []
    if fmt == "csv":
        lines.append(",".join(columns))
    elif fmt == "json":
        lines.append("[" if draw(st.booleans()) else '{"' + kind + '": [')
    for i, row in enumerate(rows):
        s = by_index.get(i)
        if s is not None:
            s.line = len(lines) + 1
        line = _line(kind, fmt, row if row is not None else good_row(kind, i), columns)
        if s is not None and s.syntax is not None:
            line = _break(fmt, s.syntax, line, draw)
        if fmt == "json" and i < len(rows) - 1:
            line += ","
        lines.append(line)
    if fmt == "json":
        lines.append("]" if lines[0] == "[" else "]}")
    text = "\n".join(lines) + "\n"
    truncated = [s for s in spoiled if s.syntax == "truncated"]
    if truncated:  # the file ends inside that row: nothing after it
        cut = text.split("\n")[: truncated[0].line]
        spoiled[:] = [s for s in spoiled if s.index <= truncated[0].index]
        text = "\n".join(cut)
    return text


def _line(kind: str, fmt: str, row: dict[str, Any], columns: list[str]) -> str:
    if fmt == "csv":
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerow(
            ["" if row.get(c) is None else str(row.get(c)) for c in columns]
        )
        return buf.getvalue()[:-2]
    record = dict(row)
    if fmt == "jsonl":
        record["record"] = kind
    text = json.dumps(record, ensure_ascii=False)
    if any("\ud800" <= c <= "\udfff" for c in text):  # UTF-8 cannot carry it: write it escaped
        text = json.dumps(record)
    return text


def _break(fmt: str, syntax: str, line: str, draw: st.DrawFn) -> str:
    if syntax == "unterminated":
        head, _, tail = line.partition(",")
        return head + ',"' + tail
    if syntax == "extra_value":
        return line + ",extra"
    if syntax == "missing_value":
        return line.rsplit(",", 1)[0]
    if syntax == "quote_then_text":
        head, _, tail = line.partition(",")
        return head + ',"quoted"text' + ("," + tail.partition(",")[2] if "," in tail else "")
    if syntax == "not_object":
        return draw(st.sampled_from(["1", '"text"', "[1, 2]", "null", "true"]))
    if syntax == "deep":
        depth = draw(st.one_of(st.integers(4, 40), st.integers(2000, 5000)))
        return line[:-1] + ', "name": ' + "[" * depth + "]" * depth + "}"
    if syntax == "truncated":
        return line[: draw(st.integers(1, max(1, len(line) - 1)))]
    if syntax == "broken":
        return line[:-1] + ",}"
    if syntax.startswith("twice:"):
        return line[:-1] + f', "{syntax[6:]}": "again"}}'
    if syntax == "record_list":
        return line[:-1] + ', "record": ["persons"]}'
    raise AssertionError(syntax)
