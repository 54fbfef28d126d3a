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
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

MAX_BYTES = 5 * 1024 * 1024
_HEADER = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2})(?: (.*))?$")


class DocumentError(ValueError):
    """A file that cannot be read as an article; the message says why."""


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
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(exc.strerror or str(exc)) from None
    if size > MAX_BYTES:
        raise DocumentError(f"too large ({size} bytes; limit {MAX_BYTES})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(exc.strerror or str(exc)) from None
    if not data.strip():
        raise DocumentError("empty file")
    if b"\x00" in data[:8192]:
        raise DocumentError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"not UTF-8 (byte {exc.start})") from None


def _article(name: str, text: str, default_date: date | None) -> Document:
    first = text.split("\n", 1)[0]
    m = _HEADER.match(first)
    if m:
        try:
            day = date.fromisoformat(m.group(1))
        except ValueError:
            raise DocumentError(f"line 1: bad date {m.group(1)!r}") from None
        return Document(name, text, day, (m.group(2) or "").strip() or None)
    if first.lstrip().startswith("date "):
        raise DocumentError("line 1: date line is not ' date YYYY-MM-DD <title>'")
    if default_date is None:
        raise DocumentError("no date line (' date YYYY-MM-DD <title>') and no --date given")
    title = first.strip() or None
    return Document(name, text, default_date, title)


def read_documents(
    path: Path, default_date: date | None = None
) -> Iterator[Document | DocumentError]:
    """The documents in one file, or for each one that cannot be read the reason why.

    A file that cannot be read at all raises `DocumentError`.
    """
    text = _decode(path)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        parser = _TextOnly()
        parser.feed(text)
        body = re.sub(r"\n\s*\n+", "\n", "".join(parser.parts)).strip()
        if not body:
            raise DocumentError("no text in the HTML")
        title = html.unescape(parser.title).strip() if parser.title else None
        if default_date is None:
            m = re.search(
                r'<meta[^>]+(?:article:published_time|datePublished|date)"?[^>]+content="(\d{4}-\d{2}-\d{2})',
                text,
            )
            default_date = date.fromisoformat(m.group(1)) if m else None
        if default_date is None:
            raise DocumentError("no publication date in the HTML and no --date given")
        yield Document(str(path), body, default_date, title)
        return
    if suffix == ".jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                    raise ValueError("expected an object with a 'text' string")
                raw_date = obj.get("date") or (default_date.isoformat() if default_date else None)
                if raw_date is None:
                    raise ValueError("no 'date' and no --date given")
                day = date.fromisoformat(str(raw_date)[:10])
            except ValueError as exc:
                yield DocumentError(f"line {n}: {exc}")
                continue
            yield Document(f"{path}:{n}", obj["text"], day, obj.get("title"), obj.get("url"))
        return
    yield _article(str(path), text, default_date)
