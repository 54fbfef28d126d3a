"""Generated text: the language check and the Russian/Belarusian reader never fail, and every
span they give points into the text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisonwatch.extract.language import detect_language
from prisonwatch.extract.slavic.reader import read
from prisonwatch.ingest.documents import Document

WORDS = st.sampled_from(
    [
        "освобождены", "помиловал", "52", "1 490", "пятидесяти", "двух", "политзаключенных",
        "человек", "из", "них", "Среди", "—", "«", "»", ",", ".", ":", "\n", "Иван", "Петров",
        "вызвалілі", "палітвязняў", "больш", "за", "звыш", "сёння", "11", "сентября", "не",
        "сообщает", "Вясна", "в", "обмен", "на", "снятие", "санкций", "с", "Они", "были",
    ]
)  # fmt: skip
SLAVIC = st.lists(WORDS, max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_detect_language_always_answers(text: str) -> None:
    found = detect_language(text)
    assert (found.code is None) != (found.reason is None)
    assert found.code in (None, "en", "ru", "be")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SLAVIC, st.sampled_from(["ru", "be"]))
def test_reader_never_fails(body: str, lang: str) -> None:
    text = f" date 2025-12-12 Новости\nНовости\n{body}\n"
    out = read(Document("g.txt", text, date(2025, 12, 12), "Новости", language=lang))
    ids = {c.id for c in out.claims}
    for c in out.claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
        assert c.count > 0 and (c.part_of is None or c.part_of in ids)
    for q in out.quotes:
        assert text[q.start : q.end] == q.text
