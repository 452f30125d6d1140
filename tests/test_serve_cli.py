"""`numcheck serve` on the command line: refusals, token files, and a real run."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from serve_support import SEED

from numcheck.cli import main
from numcheck.serve import check_binding, is_local, read_token
from numcheck.errors import InputError


def test_is_local():
    assert is_local("127.0.0.1") and is_local("localhost") and is_local("::1") and is_local("127.0.0.2")
    assert not is_local("0.0.0.0") and not is_local("192.168.1.5") and not is_local("::") and not is_local("example.org")


def test_refuses_to_bind_elsewhere_without_a_token(capsys, monkeypatch):
    monkeypatch.delenv("NUMCHECK_TOKEN", raising=False)
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("numcheck: error: refusing to listen on 0.0.0.0 without a token") and "\n" not in err
    check_binding("0.0.0.0", "tok")  # with a token it may
    check_binding("127.0.0.1", None)


def test_token_sources(tmp_path):
    f = tmp_path / "token"
    f.write_text("abc123\nignored\n")
    assert read_token(str(f), {}) == "abc123"
    assert read_token(None, {"NUMCHECK_TOKEN": " t0k "}) == "t0k"
    assert read_token(None, {}) is None
    (tmp_path / "empty").write_text("\n")
    with pytest.raises(InputError, match="the token file is empty"):
        read_token(str(tmp_path / "empty"), {})
    with pytest.raises(InputError, match="cannot read the token file"):
        read_token(str(tmp_path / "missing"), {})


@pytest.mark.parametrize("argv, words", [
    (["--port", "70000"], "invalid --port 70000"),
    (["--timeout", "0"], "invalid --timeout 0"),
    (["--workers", "0"], "invalid --workers 0"),
    (["--max-body", "0"], "invalid --max-body 0"),
    (["--tolerance", "x"], "invalid tolerance 'x'"),
    (["--regions", "xx-YY"], "invalid region 'xx-YY'"),
    (["--lang", "tlh"], "unsupported default language 'tlh'"),
])
def test_bad_options(capsys, argv, words):
    assert main(["serve", *argv]) == 2
    assert words in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_real_server_process(tmp_path):
    """`numcheck serve` answers over HTTP with a token, and logs one JSON line per request."""
    port = _free_port()
    token = tmp_path / "token"
    token.write_text("s3cret\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "numcheck", "serve", "--port", str(port), "--token-file", str(token), "--regions", "none"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env={**os.environ, "NO_PROXY": "*"},
    )
    base = f"http://127.0.0.1:{port}"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                health = json.load(opener.open(base + "/healthz", timeout=2))
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the server did not start: {proc.stderr.read() if proc.poll() is not None else 'timeout'}")
                time.sleep(0.2)
        assert health["status"] == "ok"
        req = urllib.request.Request(base + "/api/check", data=json.dumps({"text": SEED, "date": "2024-11-19"}).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer s3cret"})
        doc = json.load(opener.open(req, timeout=30))
        assert doc["summary"]["consistent"] == 1
        unauthorized = urllib.request.Request(base + "/api/check", data=b"{}", headers={"Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as e:
            opener.open(unauthorized, timeout=10)
        assert e.value.code == 401
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    assert f"serving on http://127.0.0.1:{port}/" in err and "token required" in err
    log = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert [(d["path"], d["status"]) for d in log if d["path"] != "/healthz"] == [("/api/check", 200), ("/api/check", 401)]
