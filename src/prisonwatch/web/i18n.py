"""The interface in English, Belarusian and Russian.

Catalogues are gettext files made with Babel (`src/prisonwatch/locale/<lang>/LC_MESSAGES/
messages.po`, compiled `.mo` beside them; docs/web.md says how to update them). The language of
a request is the one chosen with the switch (a cookie), else the best of the browser's
`Accept-Language`, else English. Templates call `_()`; numbers and dates go through filters that
format them for the language. Data (names, notes, sources' words) is never translated.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations
from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context

from prisonwatch.core.dates import DateError, format_fuzzy, parse_fuzzy

LOCALES = Path(__file__).resolve().parents[1] / "locale"
LANGUAGES = {"en": "English", "be": "Беларуская", "ru": "Русский"}
DEFAULT = "en"
#: The Babel locale that formats each language's numbers and dates (day before month in
#: English too: the ledger's readers are not only American).
FORMATS = {"en": "en_GB", "be": "be", "ru": "ru"}
COOKIE = "lang"


@lru_cache(maxsize=8)
def translations(lang: str) -> NullTranslations:
    if lang == DEFAULT:
        return NullTranslations()
    return Translations.load(str(LOCALES), [lang])


def from_accept_language(header: str | None) -> str | None:
    """The best language we have from an `Accept-Language` header (q-values honoured)."""
    if not header:
        return None
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")):
        bits = part.strip().split(";")
        tag = bits[0].strip().lower()
        q = 1.0
        for b in bits[1:]:
            b = b.strip()
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        primary = tag.split("-")[0]
        if primary in LANGUAGES and q > 0:
            ranked.append((-q, i, primary))
    return min(ranked)[2] if ranked else None


def language(request: Request | None) -> str:
    if request is None:
        return DEFAULT
    cached = getattr(request.state, "lang", None)
    if isinstance(cached, str):
        return cached
    chosen = request.query_params.get("lang") or request.cookies.get(COOKIE)
    if chosen not in LANGUAGES:
        chosen = from_accept_language(request.headers.get("accept-language")) or DEFAULT
    request.state.lang = chosen
    return chosen


def _lang(ctx: Context) -> str:
    return language(ctx.get("request"))


def _fmt(ctx: Context) -> str:
    return FORMATS[_lang(ctx)]


@pass_context
def gettext(ctx: Context, message: str) -> str:
    return translations(_lang(ctx)).ugettext(message)


@pass_context
def ngettext(ctx: Context, singular: str, plural: str, n: int) -> str:
    return translations(_lang(ctx)).ungettext(singular, plural, n)


@pass_context
def number(ctx: Context, value: Any) -> str:
    if isinstance(value, int | float):
        return str(format_decimal(value, locale=_fmt(ctx)))
    return str(value)


def _part(text: str, lang: str) -> str:
    bits = text.split("-")
    if len(bits) == 1:
        return bits[0]
    if len(bits) == 2:
        d = date(int(bits[0]), int(bits[1]), 1)
        return str(format_date(d, "LLLL y", locale=lang))
    return str(format_date(date.fromisoformat(text), "long", locale=lang))


@pass_context
def period(ctx: Context, value: Any) -> str:
    """`2025-09` → "September 2025" / "верасень 2025"; a range as "A – B"."""
    raw = str(value)
    try:
        raw = format_fuzzy(parse_fuzzy(raw))
    except DateError:
        return raw
    lang = _fmt(ctx)
    if "/" in raw:
        a, b = raw.split("/", 1)
        return f"{_part(a, lang)} – {_part(b, lang)}"
    return _part(raw, lang)


@pass_context
def day(ctx: Context, value: Any) -> str:
    """An ISO day in the language's medium form ("11 Sept 2025", "11 вер 2025 г.")."""
    if not value:
        return ""
    try:
        d = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        return period(ctx, value)
    return str(format_date(d, "medium", locale=_fmt(ctx)))


def switch_links(request: Request, back: bool = True) -> list[dict[str, Any]]:
    """The language switch: one link per language, back to this page.

    Only the dashboard keeps its query (its controls); other pages go back to their path, and
    an error page to the start: a page must not echo what was asked, which may be a name.
    """
    path = request.url.path
    here = path + (f"?{request.url.query}" if request.url.query and path == "/" else "")
    if not back:
        here = "/"
    current = language(request)
    return [
        {"code": code, "name": name, "current": code == current, "next": here}
        for code, name in LANGUAGES.items()
    ]


def install(templates: Jinja2Templates) -> None:
    """Give the templates `_()`, the language switch and the language-aware filters."""
    env = templates.env
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals["languages"] = switch_links
    env.globals["lang_of"] = language
    env.filters["number"] = number
    env.filters["period"] = period
    env.filters["day"] = day
