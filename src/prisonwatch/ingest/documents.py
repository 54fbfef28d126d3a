"""Articles as the extractor reads them: text, publication date, title.

Formats: the article format (first line ` date YYYY-MM-DD <title>`), plain `.txt` (date from
`--date` or unknown), `.html` (text extracted, offsets into the extracted text), and `.jsonl`
with one `{"date", "title", "text", "url"?}` object per line. Offsets are into `Document.text`,
which for the article format is the file's whole text as read.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from prisonwatch.ingest import fields as f

MAX_BYTES = 5 * 1024 * 1024
"""An article file larger than this is refused before it is read."""
MAX_CHARS = 1_000_000
"""The longest text the language model reads at once (spaCy's `max_length`): a longer article
is refused, naming its length, rather than cut or read in parts whose sentences would lose
their context; split it into several files."""
_HEADER = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2})(?: (.*))?$")
_META_DATE = re.compile(
    r'<meta[^>]+(?:article:published_time|datePublished|date)"?[^>]+content="([^"]{0,40})'
)


class DocumentError(ValueError):
    """A file, or one line of it, that cannot be read as an article; the message says why."""

    def __init__(self, reason: str, line: int | None = None, field: str = "file") -> None:
        super().__init__(reason)
        self.reason, self.line, self.field = reason, line, field


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    text: str
    date: date | None
    title: str | None
    url: str | None = None
    language: str = "en"

    @property
    def id(self) -> str:
        return "sha256:" + hashlib.sha256(self.text.encode()).hexdigest()


class _TextOnly(HTMLParser):
    _BLOCK: ClassVar[set[str]] = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "tr",
        "title",
        "article",
        "section",
    }
    _SKIP: ClassVar[set[str]] = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        if tag == "title":
            self._in_title = True
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skip:
            self.skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self._in_title:
            self.title = (self.title or "") + data
        self.parts.append(data)


def _decode(path: Path) -> str:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError("not a regular file")
        size = info.st_size
        if size > MAX_BYTES:
            raise DocumentError(f"too large ({size} bytes; limit {MAX_BYTES})")
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DocumentError(exc.strerror or str(exc)) from None
    if len(data) > MAX_BYTES:
        raise DocumentError(f"too large (more than {MAX_BYTES} bytes)")
    if not data.strip():
        raise DocumentError("empty file")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DocumentError("binary data (a NUL byte), not text", data.count(b"\n", 0, nul) + 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DocumentError(f"not UTF-8 (byte {exc.start})", line) from None


def _checked_text(text: str, line: int | None = None) -> str:
    """An article's text, refused when the language model cannot read it whole."""
    if len(text) > MAX_CHARS:
        raise DocumentError(
            f"too long: {len(text)} characters (at most {MAX_CHARS}, what the language "
            "model reads at once); split the article into several files",
            line,
            "text",
        )
    bad = re.search("[\x00\ud800-\udfff]", text)
    if bad is not None:
        reason = f"character U+{ord(bad.group()):04X} at {bad.start() + 1} cannot be stored"
        raise DocumentError(reason, line, "text")
    return text


def _day(value: str, line: int | None, field: str) -> date:
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        raise DocumentError(f"not a day YYYY-MM-DD: {f.shown(value)}", line, field) from None
    if not f.YEAR_MIN <= day.year <= f.YEAR_MAX:
        raise DocumentError(f"year out of range {f.YEAR_MIN}-{f.YEAR_MAX}", line, field)
    return day


def _article(name: str, text: str, default_date: date | None) -> Document:
    first = text.split("\n", 1)[0]
    m = _HEADER.match(first)
    if m:
        day = _day(m.group(1), 1, "date")
        return Document(name, _checked_text(text), day, (m.group(2) or "").strip() or None)
    if first.lstrip().startswith("date "):
        raise DocumentError("date line is not 'date YYYY-MM-DD <title>'", 1, "date")
    if default_date is None:
        raise DocumentError(
            "no date line: write 'date YYYY-MM-DD <title>' as the first line, "
            "or pass --date YYYY-MM-DD (the day the article was published)"
        )
    title = first.strip()[: f.SHORT_MAX] or None
    return Document(name, _checked_text(text), default_date, title)


def _html(path: Path, text: str, default_date: date | None) -> Document:
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    body = re.sub(r"\n\s*\n+", "\n", "".join(parser.parts)).strip()
    if not body:
        raise DocumentError("no text in the HTML")
    title = html.unescape(parser.title).strip()[: f.SHORT_MAX] if parser.title else None
    if default_date is None:
        m = _META_DATE.search(text)
        if m is not None:
            line = text.count("\n", 0, m.start()) + 1
            default_date = _day(m.group(1), line, "date")
    if default_date is None:
        raise DocumentError("no publication date in the HTML and no --date given")
    return Document(str(path), _checked_text(body), default_date, title or None)


def _jsonl_line(path: Path, n: int, line: str, default_date: date | None) -> Document:
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not a JSON object"
        raise DocumentError(reason, n, "json") from None
    if not isinstance(obj, dict):
        raise DocumentError("expected an object with a 'text' string", n, "json")
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        raise DocumentError("expected a text (a non-empty string)", n, "text")
    values: dict[str, str | None] = {}
    for key in ("title", "url", "date"):
        try:
            values[key] = f.text(obj.get(key))
        except f.FieldError as exc:
            raise DocumentError(str(exc), n, key) from None
    raw_date = values["date"] or (default_date.isoformat() if default_date else None)
    if raw_date is None:
        raise DocumentError("no 'date' and no --date given", n, "date")
    day = _day(raw_date, n, "date")
    return Document(f"{path}:{n}", _checked_text(body, n), day, values["title"], values["url"])


def read_documents(
    path: Path, default_date: date | None = None
) -> Iterator[Document | DocumentError]:
    """The documents in one file, or for each one that cannot be read the reason why.

    A file that cannot be read at all raises `DocumentError`.
    """
    text = _decode(path)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        yield _html(path, text, default_date)
        return
    if suffix == ".jsonl":
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                yield _jsonl_line(path, n, line, default_date)
            except DocumentError as exc:
                yield exc
        return
    yield _article(str(path), text, default_date)
