"""A server loads the name check's tables as it starts, beside the first requests, so that the
first protection change does not wait for them (`name_check.prepare`, issue #15 item 1)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from prisonwatch.services import name_check
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings


def test_starting_the_app_prepares_the_name_check_in_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = threading.Event()
    threads: list[str] = []

    def prepared() -> None:
        threads.append(threading.current_thread().name)
        done.set()

    monkeypatch.setattr(name_check, "prepare", prepared)
    app = create_app(WebSettings(f"sqlite:///{tmp_path / 'w.db'}", secure_cookies=False))
    with TestClient(app) as client:
        assert client.get("/static/style.css").status_code == 200
        assert done.wait(30)
    assert threads == ["prisonwatch-prepare"]


def test_prepare_loads_what_a_chinese_name_needs() -> None:
    from prisonwatch.names import chinese

    name_check.prepare()
    assert chinese._converter.cache_info().currsize == 1
    assert chinese._syllable_set.cache_info().currsize == 1
