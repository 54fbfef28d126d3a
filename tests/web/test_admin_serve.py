"""`prisonwatch serve` itself: a client on 127.0.0.1 cannot pick its address for the login lock
by sending X-Forwarded-For (uvicorn believes that header from 127.0.0.1 unless told not to)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _login(base: str, name: str, forwarded: str) -> str:
    body = urllib.parse.urlencode({"name": name, "password": "not the password"}).encode()
    req = urllib.request.Request(f"{base}/login", data=body, headers={"X-Forwarded-For": forwarded})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return str(r.read().decode())
    except urllib.error.HTTPError as exc:
        return str(exc.read().decode())


def test_served_app_counts_the_peer_not_forwarded_for(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "PRISONWATCH_DB": str(tmp_path / "serve.db")}
    env.pop("PRISONWATCH_TRUSTED_PROXIES", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "prisonwatch", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"{base}/login", timeout=2).close()
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.1)
        for i in range(5):
            assert "wrong name or password" in _login(base, f"guess{i}", f"198.51.100.{i}")
        assert "too many failed logins" in _login(base, "guess9", "198.51.100.99")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
