"""CSV, JSON and JSONL record files as rows, each with the line it starts on, or the problem.

A record file is refused rather than guessed at: a CSV quote left open would otherwise swallow
the rows after it into one value, and a row with too few or too many values would shift its
values into the wrong columns; JSON nested deeper than records ever are, or numbers written
with hundreds of digits, would otherwise fail deep inside the parser with no line to show.
Every problem names `file:line`, and numbers are kept as their text so that the field readers
(`ingest.fields`) can range-check them with the field's name.
"""

from __future__ import annotations

import bisect
import csv
import json
import re
from collections.abc import Generator, Iterator
from typing import Any

from prisonwatch.core.problems import Problem
from prisonwatch.ingest import fields as f

MAX_DEPTH = 16
"""Nesting a JSON record file may have; records need four (file, kind, record, concession)."""

Item = tuple[str, str | None, Any]
"""Where a record starts (`file:line`), the kind its line declares if any, and its value."""


class _Object(dict[str, Any]):
    """A JSON object, remembering a key it was given twice (JSON would keep the last)."""

    twice: str | None = None


def _pairs(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    for key, value in pairs:
        if key in obj and obj.twice is None:
            obj.twice = key
        obj[key] = value
    return obj


_DECODER = json.JSONDecoder(
    parse_int=str, parse_float=str, parse_constant=str, object_pairs_hook=_pairs
)
_SPACE = re.compile(r"[ \t\n\r]*")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


class _Lines:
    """Line numbers of character offsets in one text."""

    def __init__(self, text: str) -> None:
        self.starts = [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) + 1


def lines_of(text: str) -> Iterator[str]:
    """The lines of a text, each with its `\n`, one at a time: no copy of the whole text."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def csv_rows(name: str, text: str) -> Iterator[tuple[str, dict[str, str] | Problem]]:
    """The rows of a CSV file as `{column: value}`, each with the line it is on.

    A value may not hold a line break: a row that runs past the end of its line is refused,
    which is how a quote left open is caught before it swallows the rows after it.
    """
    if csv.field_size_limit() < 2 * f.TEXT_MAX:  # a longer value is refused by its field
        csv.field_size_limit(2 * f.TEXT_MAX)
    reader = csv.reader(lines_of(text), strict=True)
    header: list[str] | None = None
    while True:
        start = reader.line_num + 1
        where = f"{name}:{start}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield where, Problem(where, "csv", _csv_reason(str(exc)))
            return  # the reader cannot tell where the next row starts
        if reader.line_num != start:
            yield where, Problem(where, "csv", _spans(reader.line_num))
            return
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if header is None:
            header = [h.strip() for h in row]
            twice = sorted({h for h in header if h and header.count(h) > 1})
            if twice:
                yield where, Problem(where, twice[0], "column named twice in the header")
                return
            continue
        if len(row) != len(header):
            more = "more" if len(row) > len(header) else "fewer"
            reason = f"{len(row)} values, {more} than the {len(header)} columns of the header"
            yield where, Problem(where, "row", reason)
            continue
        yield where, {h: v for h, v in zip(header, row, strict=True) if h}


def csv_header(text: str) -> list[str]:
    """The column names of a CSV text (its first non-empty line)."""
    for line in lines_of(text):
        if line.strip():
            try:
                return [h.strip() for h in next(csv.reader([line]))]
            except (csv.Error, StopIteration):
                return []
    return []


def _csv_reason(message: str) -> str:
    if "unexpected end of data" in message:
        return "a quote opened here is never closed"
    if "expected after" in message:
        return f"a quote closes in the middle of a value ({message})"
    return message


def _spans(last: int) -> str:
    return (
        f"the row runs on to line {last}: a quote left open, or a line break inside a value "
        "(CSV values must fit on one line; use JSON for text with line breaks)"
    )


def _decode(name: str, text: str, pos: int, lines: _Lines) -> tuple[Any, int] | Problem:
    """One JSON value starting at `pos`, and where it ends."""
    try:
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as exc:
        return Problem(f"{name}:{lines.at(exc.pos)}", "json", exc.msg)
    except RecursionError:
        where = _too_deep(text, pos)
        return Problem(f"{name}:{lines.at(where)}", "json", f"nested more than {MAX_DEPTH} deep")


def _too_deep(text: str, pos: int) -> int:
    """Where nesting first runs past `MAX_DEPTH`, skipping brackets inside strings."""
    depth = 0
    for m in _TOKEN.finditer(text, pos):
        token = m.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return m.start()
        elif token in "]}":
            depth -= 1
    return pos


def _depth(value: Any) -> int:
    """How deeply a parsed JSON value nests lists and objects."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        v, d = todo.pop()
        if isinstance(v, dict | list):
            deepest = max(deepest, d)
            if d > MAX_DEPTH:
                break
            todo.extend((x, d + 1) for x in (v.values() if isinstance(v, dict) else v))
    return deepest


def _skip(text: str, pos: int) -> int:
    m = _SPACE.match(text, pos)
    return m.end() if m else pos


def _array(name: str, text: str, pos: int, lines: _Lines) -> Iterator[tuple[int, Any] | Problem]:
    """The elements of the JSON array at `pos` (which is its `[`), with their offsets."""
    pos = _skip(text, pos + 1)
    if text.startswith("]", pos):
        return
    while True:
        got = _decode(name, text, pos, lines)
        if isinstance(got, Problem):
            yield got
            return
        yield pos, got[0]
        pos = _skip(text, got[1])
        if text.startswith("]", pos):
            return
        if not text.startswith(",", pos):
            yield Problem(f"{name}:{lines.at(pos)}", "json", "expected ',' or ']'")
            return
        pos = _skip(text, pos + 1)


def json_items(name: str, text: str, kind: str | None) -> Iterator[Item | Problem]:
    """The records of a JSON file: a list of records, or an object of lists keyed by kind."""
    lines = _Lines(text)
    pos = _skip(text, 0)
    if text.startswith("[", pos):
        for got in _array(name, text, pos, lines):
            yield got if isinstance(got, Problem) else _item(name, lines, got, kind)
        end = None
    elif text.startswith("{", pos):
        end = yield from _object_of_lists(name, text, pos, lines)
    else:
        where = f"{name}:{lines.at(pos)}"
        yield Problem(where, "json", "expected a list of records or an object of lists")
        return
    if end is not None and _skip(text, end) != len(text):
        yield Problem(f"{name}:{lines.at(_skip(text, end))}", "json", "extra data after the end")


def _object_of_lists(
    name: str, text: str, pos: int, lines: _Lines
) -> Generator[Item | Problem, None, int | None]:
    got = _decode(name, text, pos, lines)
    if isinstance(got, Problem):
        yield got
        return None
    twice = getattr(got[0], "twice", None)
    if twice is not None:
        yield Problem(
            f"{name}:{lines.at(pos)}", twice[:80], "given twice: put its records in one list"
        )
        return None
    keys = _key_offsets(text, pos, got[0])
    for key, items in got[0].items():
        at = f"{name}:{lines.at(keys.get(key, pos))}"
        if not isinstance(items, list):
            yield Problem(at, key, "expected a list of records")
            continue
        for kpos, item in _list_offsets(text, keys.get(key, pos), items):
            yield _item(name, lines, (kpos, item), key)
    end: int = got[1]
    return end


def _key_offsets(text: str, pos: int, obj: dict[str, Any]) -> dict[str, int]:
    """Where each top-level key's list starts, found by decoding the object a second time."""
    offsets: dict[str, int] = {}
    p = _skip(text, pos + 1)
    for _ in obj:
        key, p = _DECODER.raw_decode(text, p)
        p = _skip(text, _skip(text, p) + 1)
        offsets[str(key)] = p
        _, p = _DECODER.raw_decode(text, p)
        p = _skip(text, _skip(text, p) + 1)
    return offsets


def _list_offsets(text: str, pos: int, items: list[Any]) -> Iterator[tuple[int, Any]]:
    if not text.startswith("[", pos):
        yield from ((pos, item) for item in items)
        return
    p = _skip(text, pos + 1)
    for item in items:
        yield p, item
        _, p = _DECODER.raw_decode(text, p)
        p = _skip(text, _skip(text, p) + 1)


def _item(name: str, lines: _Lines, got: tuple[int, Any], kind: str | None) -> Item | Problem:
    pos, value = got
    where = f"{name}:{lines.at(pos)}"
    return _nested(where, value) or (where, kind, value)


def _nested(where: str, value: Any) -> Problem | None:
    """A problem when a record nests deeper than any record can (naming the field)."""
    if not isinstance(value, dict):
        return (
            Problem(where, "record", "nested deeper than a record can be")
            if _depth(value) > 3
            else None
        )
    twice = getattr(value, "twice", None)
    if twice is not None:
        return Problem(where, twice[:80], "given twice in one record")
    for key, v in value.items():
        if _depth(v) > 2:
            return Problem(where, str(key)[:80], "nested deeper than a record can be")
    return None


def jsonl_items(name: str, text: str, kind: str | None) -> Iterator[Item | Problem]:
    """The records of a JSONL file, one per line; a line may name its kind in `record`."""
    lines = _Lines("")
    for n, line in enumerate(lines_of(text), 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        line = line.rstrip("\r\n")
        got = _decode(name, line, _skip(line, 0), lines)
        if isinstance(got, Problem):
            yield Problem(where, got.field, got.reason)
            continue
        value, end = got
        if _skip(line, end) != len(line):
            yield Problem(where, "json", "extra data after the record")
            continue
        line_kind: object = value.pop("record", None) if isinstance(value, dict) else None
        if line_kind is not None and not isinstance(line_kind, str):
            yield Problem(where, "record", "expected the name of a record kind")
            continue
        deep = _nested(where, value)
        if deep is not None:
            yield deep
            continue
        yield where, line_kind or kind, value
