"""`prisonwatch extract` on good and bad files: every good file is printed, each bad one named."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Cli
from tests.conftest import SHARED

GOOD = " date 2025-09-11 Test\nTest\nBelarus freed 52 political prisoners on Thursday.\n"


def test_good_and_bad_files_in_one_run(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 date")
    (folder / "latin.txt").write_bytes(" date 2025-01-01 T\nJ\xf6rg".encode("latin-1"))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "nodate.txt").write_text("Just a text with no date line.\n", encoding="utf-8")
    (folder / "huge.txt").write_bytes(b" date 2025-01-01 T\n" + b"x" * (5 * 1024 * 1024 + 1))
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    lines = folder / "batch.jsonl"
    lines.write_text(
        json.dumps({"date": "2025-06-21", "title": "T", "text": "Minsk freed 14 prisoners today."})
        + "\nnot json\n",
        encoding="utf-8",
    )
    r = cli("extract", str(folder))
    assert r.code == 2
    out = json.loads(r.out)
    assert sorted(o["document"]["source"].rsplit("/", 1)[-1] for o in out) == [
        "a.txt",
        "batch.jsonl:1",
    ]
    counts = sorted(c["count"] for o in out for c in o["claims"])
    assert counts == [14, 52]
    err = r.err
    for name, reason in [
        ("binary.txt", "binary data"),
        ("latin.txt", "not UTF-8"),
        ("empty.txt", "empty file"),
        (
            "nodate.txt",
            "no date line: write 'date YYYY-MM-DD <title>' as the first line, or pass --date",
        ),
        ("huge.txt", "too large"),
        ("gone.txt", "No such file or directory"),
        ("batch.jsonl:2", "json: Expecting value"),
    ]:
        assert any(name in line and reason in line for line in err.splitlines()), (name, err)
    assert "Traceback" not in err


def test_plain_text_with_date_option_and_html(cli: Cli, tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Belarus freed 52 political prisoners on Thursday.\n", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Freed</title><script>var x = '99 people';</script></head>"
        "<body><p>Belarus freed 14 prisoners today.</p></body></html>",
        encoding="utf-8",
    )
    r = cli("extract", str(plain), str(page), "--date", "2025-09-11")
    assert r.code == 0, r.err
    out = json.loads(r.out)
    assert [c["count"] for c in out[0]["claims"]] == [52]
    assert out[0]["claims"][0]["when"] == {"from": "2025-09-11", "to": "2025-09-11"}
    assert [c["count"] for c in out[1]["claims"]] == [14]
    assert out[1]["document"]["title"] == "Freed"


def test_one_file_gives_one_object(cli: Cli) -> None:
    r = cli("extract", str(SHARED / "articles" / "013.txt"))
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert isinstance(data, dict) and data["document"]["date"] == "2025-09-11"
