"""The live provider against a local HTTP server the tests start: no test touches the network.

The server speaks forex-python's protocol (``/<day or latest>?base=USD&rtype=fpy`` →
``{"base", "date", "rates"}``); the first path segment picks its behaviour.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

pytest.importorskip("forex_python")
requests = pytest.importorskip("requests")

import numcheck
from numcheck.errors import RateUnavailable
from numcheck.model import Verdict
from numcheck.conversion.rates import ChainProvider, get_provider
from numcheck.conversion.rates.ecb import ECBProvider
from numcheck.conversion.rates.live import LiveProvider

SEK_PER_USD = 10.951


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass

    def do_GET(self):
        srv = self.server
        url = urlparse(self.path)
        mode, _, day = url.path.strip("/").partition("/")
        base = parse_qs(url.query).get("base", ["EUR"])[0]
        srv.requests.append((mode, day, base, parse_qs(url.query)))
        answered = day if day != "latest" else "2024-11-19"
        body = {"base": base, "date": answered, "rates": {"SEK": SEK_PER_USD, "EUR": 0.9456}}
        if mode == "slow":
            srv.release.wait(10)  # longer than the client's timeout; released at teardown
        elif mode == "error":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"internal error")
            return
        elif mode == "malformed":
            self._send(b'{"base": "USD", "date": "2024-11-19", "rates": {"SEK": 10.9')
            return
        elif mode == "norates":
            body = {"base": base, "date": answered}
        elif mode == "badvalue":
            body["rates"]["SEK"] = "lots"
        elif mode == "wrongday":  # like theratesapi: a day it lacks is answered with the latest
            body["date"] = "2026-11-20"
        elif mode == "weekend":  # the last publication day before the day asked for
            body["date"] = (date.fromisoformat(day) - timedelta(days=2)).isoformat()
        self._send(json.dumps(body).encode())

    def _send(self, data: bytes):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.daemon_threads = True
    srv.requests = []
    srv.release = threading.Event()
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        yield srv
    finally:
        srv.release.set()
        srv.shutdown()
        srv.server_close()


def url(srv, mode: str) -> str:
    return f"http://127.0.0.1:{srv.server_address[1]}/{mode}/"


@pytest.fixture
def live(server, tmp_path):
    def make(mode: str, **kw) -> LiveProvider:
        kw.setdefault("timeout", 0.5)
        kw.setdefault("cache_dir", tmp_path / "cache")
        return LiveProvider(base_url=url(server, mode), **kw)

    return make


DAY = date(2024, 11, 19)


def test_success_gives_rate_with_day_and_source(live, server):
    r = live("ok").rate("USD", "SEK", DAY)
    assert r.value == SEK_PER_USD
    assert r.date == DAY and r.requested == DAY and r.note is None
    assert r.provider == f"live (127.0.0.1:{server.server_address[1]})"
    mode, day, base, query = server.requests[0]
    assert (day, base, query["rtype"]) == ("2024-11-19", "USD", ["fpy"])  # forex-python's request


def test_latest_when_no_day_says_so(live):
    r = live("ok").rate("USD", "SEK", None)
    assert r.date == DAY and r.requested is None
    assert "latest live rates" in r.note


def test_repeated_check_makes_no_request_even_in_a_new_process(live, server, tmp_path):
    first = live("ok")
    first.rate("USD", "SEK", DAY)
    first.rate("USD", "EUR", DAY)  # same (day, base): same answer
    assert len(server.requests) == 1
    again = live("ok")  # a fresh provider, as in the next run: the disk cache answers
    assert again.rate("USD", "SEK", DAY).value == SEK_PER_USD
    assert len(server.requests) == 1
    live("ok").rate("EUR", "SEK", DAY)  # another base is another request
    assert len(server.requests) == 2
    cached = list((tmp_path / "cache" / "live").rglob("*.json"))
    assert sorted(p.name for p in cached) == ["2024-11-19-EUR.json", "2024-11-19-USD.json"]


def test_damaged_cache_entry_is_refetched(live, server, tmp_path):
    live("ok").rate("USD", "SEK", DAY)
    (entry,) = (tmp_path / "cache" / "live").rglob("*.json")
    entry.write_text("{not json")
    assert live("ok").rate("USD", "SEK", DAY).value == SEK_PER_USD
    assert len(server.requests) == 2


def test_weekend_uses_last_publication_day_with_note(live):
    r = live("weekend").rate("USD", "SEK", date(2024, 11, 17))
    assert r.date == date(2024, 11, 15) and r.requested == date(2024, 11, 17)
    assert "2024-11-17 has no live rates: used those of 2024-11-15" == r.note


@pytest.mark.parametrize(
    "mode, why",
    [
        ("slow", "no answer within 0.5 s"),
        ("error", "Currency Rates Source Not Ready (HTTP 500)"),  # forex-python's RatesNotAvailableError
        ("malformed", "malformed answer: not JSON"),
        ("norates", "malformed answer: no rates"),
        ("badvalue", "malformed answer: rate SEK='lots'"),
        ("wrongday", "it answered with the rates of 2026-11-20 when asked for 2024-11-19"),
    ],
)
def test_failures_are_unavailable_with_reason(live, server, mode, why):
    with pytest.raises(RateUnavailable) as e:
        live(mode).rate("USD", "SEK", DAY)
    msg = str(e.value)
    assert msg.startswith(f"the live rate source (127.0.0.1:{server.server_address[1]}) was unavailable: ")
    assert why in msg


def test_failures_are_not_cached_on_disk(live, server, tmp_path):
    with pytest.raises(RateUnavailable):
        live("error").rate("USD", "SEK", DAY)
    assert not list(tmp_path.rglob("*.json"))


def test_a_failed_source_is_not_asked_again_for_every_claim(live, server):
    p = live("error")
    for _ in range(3):
        with pytest.raises(RateUnavailable):
            p.rate("USD", "SEK", DAY)
    assert len(server.requests) == 1


def test_connection_refused_is_unavailable(tmp_path):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    p = LiveProvider(base_url=f"http://127.0.0.1:{port}/", timeout=0.5, cache_dir=tmp_path)
    with pytest.raises(RateUnavailable, match="cannot connect"):
        p.rate("USD", "SEK", DAY)


class _Session:
    """An injected session: records calls and raises or answers as told."""

    def __init__(self, outcome):
        self.outcome, self.calls = outcome, []

    def get(self, url, params=None, timeout=None):
        self.calls.append((url, params, timeout))
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return self.outcome


class _Response:
    def __init__(self, status, payload):
        self.status_code, self.payload = status, payload

    def json(self):
        if isinstance(self.payload, BaseException):
            raise self.payload
        return self.payload


@pytest.mark.parametrize(
    "outcome, why",
    [
        (requests.ConnectionError("no route"), "cannot connect"),
        (requests.Timeout("slow"), "no answer within 2 s"),
        (requests.TooManyRedirects("loop"), "the request failed (TooManyRedirects)"),
        (_Response(200, json.JSONDecodeError("Expecting value", "x", 0)), "not JSON"),
        (_Response(200, ["not", "an", "object"]), "not a JSON object"),
        (_Response(200, {"base": "EUR", "date": "2024-11-19", "rates": {"SEK": 11.5}}), "for base 'EUR', not USD"),
        (_Response(200, {"base": "USD", "date": "19/11/2024", "rates": {"SEK": 11.5}}), "invalid date '19/11/2024'"),
        (_Response(404, None), "HTTP 404"),
    ],
)
def test_injected_session_failure_modes(outcome, why, tmp_path):
    session = _Session(outcome)
    p = LiveProvider(base_url="http://rates.invalid/api", timeout=2, session=session, cache_dir=tmp_path)
    with pytest.raises(RateUnavailable, match=why.replace("(", r"\(").replace(")", r"\)")):
        p.rate("USD", "SEK", DAY)
    (call,) = session.calls
    assert call == ("http://rates.invalid/api/2024-11-19", {"base": "USD", "rtype": "fpy"}, 2)  # always a timeout


def test_quote_missing_from_answer_is_unavailable(tmp_path):
    answer = _Response(200, {"base": "USD", "date": "2024-11-19", "rates": {"EUR": 0.95}})
    p = LiveProvider(session=_Session(answer), cache_dir=tmp_path)
    with pytest.raises(RateUnavailable, match="has no USD/SEK rate for 2024-11-19"):
        p.rate("USD", "SEK", DAY)


def test_without_forex_python_the_reason_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "forex_python", None)  # import fails
    p = LiveProvider(session=_Session(_Response(200, {})), cache_dir=tmp_path)
    with pytest.raises(RateUnavailable, match=r"pip install 'numcheck\[live\]'"):
        p.rate("USD", "SEK", DAY)


def test_chain_moves_on_and_the_finding_says_live_was_unavailable(live):
    text = "worth $275 million, equivalent to about 3 billion kronor"
    report = numcheck.check(text, date="2024-11-19", rates=[live("error"), ECBProvider()])
    (f,) = report.findings
    assert f.verdict is Verdict.CONSISTENT
    assert f.rate.provider == "ECB"
    assert "live: the live rate source" in f.message and "unavailable" in f.message


def test_chain_uses_live_when_it_answers(live):
    chain = ChainProvider([live("ok"), ECBProvider()])
    r = chain.rate("USD", "SEK", DAY)
    assert r.provider.startswith("live") and r.value == SEK_PER_USD


def test_slow_live_source_never_crashes_a_check(live):
    text = "worth $275 million, equivalent to about 3 billion kronor"
    report = numcheck.check(text, date="2024-11-19", rates=[live("slow", timeout=0.2)])
    (f,) = report.findings
    assert f.verdict is Verdict.UNVERIFIABLE
    assert "no answer within 0.2 s" in f.message


def test_live_spec_builds_a_live_provider():
    p = get_provider("live")
    assert isinstance(p, LiveProvider) and p.base_url == "https://theratesapi.com/api/"
    assert get_provider("live") is p  # one per process
