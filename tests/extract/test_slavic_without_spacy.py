"""Russian and Belarusian articles are read without the English spaCy pipeline, which is
loaded only when an English article needs it (a Russian file no longer waits for its load)."""

from __future__ import annotations

from datetime import date

import pytest

from prisonwatch.extract import pipeline
from prisonwatch.extract.gazetteer import Gazetteer
from prisonwatch.extract.nlp import ModelMissingError
from prisonwatch.ingest.documents import Document
from prisonwatch.services.extracting import ExtractSetupError, extract

TEXT = " date 2025-12-12 Новости\nНовости\nВ пятницу власти освободили 16 политзаключенных.\n"


def _no_model(*_: object) -> None:
    raise ModelMissingError("no English model here")


def test_russian_is_read_without_loading_the_english_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline.nlp_step, "load", _no_model)
    doc = Document("r.txt", TEXT, date(2025, 12, 12), "Новости", language="ru")
    done = extract([doc], Gazetteer.load())
    assert not done.problems
    assert [(c.action, c.count) for c in done.outputs[0].claims] == [("released", 16)]


def test_an_english_article_still_names_a_missing_model_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline.nlp_step, "load", _no_model)
    doc = Document("e.txt", "Belarus freed 16 political prisoners.", None, None, language="en")
    with pytest.raises(ExtractSetupError, match="no English model"):
        extract([doc], Gazetteer.load())
