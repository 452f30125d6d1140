"""`numcheck serve`: every endpoint and every error, through an in-process client."""

from __future__ import annotations

import builtins
import io
import json
import logging
import os

import pytest

from serve_support import SEED, SLIP, client, engine

from numcheck.serve.app import CHECK_FIELDS, Settings
from numcheck.serve.engine import Engine

SV = "Paketet är värt 275 miljoner dollar, motsvarande cirka 3 miljarder kronor, enligt Pentagon."


@pytest.fixture(scope="module")
def c():
    return client()


def check(c, **body):
    r = c.post("/api/check", json=body)
    return r.status_code, r.json()


# -- /api/check -----------------------------------------------------------------------------


def test_seed_is_consistent_with_offsets_into_the_text(c):
    status, doc = check(c, text=SEED, date="2024-11-19", lang="en")
    assert status == 200
    assert doc["summary"]["claims"] == 1 and doc["summary"]["consistent"] == 1
    f = doc["files"][0]["findings"][0]
    assert f["verdict"] == "consistent"
    assert "within the rounding" in f["message"]
    o = f["offsets"]
    assert SEED[o["start"]:o["end"]] == "3 billion kronor"
    assert SEED[o["hedge_start"]:o["end"]] == "approximately 3 billion kronor"
    assert SEED[o["claim_start"]:o["claim_end"]] == "at least $275 million, equivalent to approximately 3 billion kronor"
    assert doc["files"][0]["length"] == len(SEED)


def test_slip_is_inconsistent_with_suggestion(c):
    status, doc = check(c, text=SLIP, date="2024-11-19")
    f = doc["files"][0]["findings"][0]
    assert status == 200 and f["verdict"] == "inconsistent" and doc["files"][0]["ok"] is False
    assert f["suggestion"] == "≈ 3 billion kronor"
    assert f["rate"]["date"] == "2024-11-19" and f["rate"]["quote"] == "SEK"


def test_same_json_as_the_cli(c, tmp_path, capsys):
    """The report is the document `numcheck check --format json` writes, plus offsets."""
    from numcheck.cli import main

    p = tmp_path / "story.txt"
    p.write_text(SLIP, encoding="utf-8")
    assert main(["check", str(p), "--format", "json", "--date", "2024-11-19", "--lang", "en"]) == 1
    cli = json.loads(capsys.readouterr().out)
    _, api = check(c, text=SLIP, date="2024-11-19", lang="en")
    for doc in (cli, api):
        doc["files"][0].pop("path")
        doc["files"][0].pop("length", None)
        for f in doc["files"][0]["findings"]:
            f.pop("offsets", None)
            f.pop("fingerprint")  # it hashes the path
    assert api == cli


def test_markdown_offsets_point_into_the_markdown(c):
    text = "# Aid\n\nA **$275 million** package (about *3 billion* kronor) was [announced](https://x.test).\n"
    status, doc = check(c, text=text, date="2024-11-19", lang="en", format="markdown")
    assert status == 200
    (f,) = doc["files"][0]["findings"]
    assert f["verdict"] == "consistent"
    o = f["offsets"]
    assert text[o["start"]:o["end"]] == "3 billion* kronor"
    # read as plain text, the markup hides the claim's figure from nothing but its position
    status, plain = check(c, text=text, date="2024-11-19", lang="en", format="plain")
    assert status == 200


def test_html_offsets_point_into_the_html(c):
    text = "<p>A <b>$275&nbsp;million</b> package, equivalent to about 3 billion kronor.</p>"
    status, doc = check(c, text=text, date="2024-11-19", lang="en", format="html")
    (f,) = doc["files"][0]["findings"]
    assert status == 200 and f["verdict"] == "consistent"
    assert text[f["offsets"]["start"]:f["offsets"]["end"]] == "3 billion kronor"
    assert text[f["offsets"]["claim_start"]:f["offsets"]["claim_end"]].startswith("$275&nbsp;million</b>")


def test_date_and_language_from_front_matter(c):
    text = "---\ndate: 2024-11-19\nlang: sv\n---\n" + SV
    status, doc = check(c, text=text)
    assert status == 200
    assert doc["files"][0]["date"] == "2024-11-19" and doc["files"][0]["lang"] == "sv"
    f = doc["files"][0]["findings"][0]
    assert text[f["offsets"]["start"]:f["offsets"]["end"]] == "3 miljarder kronor"
    # the request's date wins over the front matter's
    _, doc = check(c, text=text, date="2014-07-02")
    assert doc["files"][0]["date"] == "2014-07-02"


@pytest.mark.parametrize("lang", [None, "", "auto"])
def test_language_guessed_when_empty(c, lang):
    body = {"text": SV, "date": "2024-11-19"}
    if lang is not None:
        body["lang"] = lang
    status, doc = check(c, **body)
    assert status == 200
    assert doc["files"][0]["lang"] == "sv"
    assert any(n.startswith("language not given") for n in doc["files"][0]["notes"])
    assert doc["files"][0]["findings"][0]["verdict"] == "consistent"


def test_tolerance_changes_the_verdict(c):
    text = "a $100 million (€97 million) deal"  # 94.5 at the day's rate: 2.6% off
    _, loose = check(c, text=text, date="2024-11-19", lang="en", tolerance=0.05)
    _, tight = check(c, text=text, date="2024-11-19", lang="en", tolerance="0")
    assert loose["files"][0]["findings"][0]["tolerance"] > tight["files"][0]["findings"][0]["tolerance"]


def test_astral_characters_count_as_one(c):
    text = "🙂🙂 $275 million (about 3 billion kronor)"
    _, doc = check(c, text=text, date="2024-11-19", lang="en")
    o = doc["files"][0]["findings"][0]["offsets"]
    assert text[o["start"]:o["end"]] == "3 billion kronor"


def test_rates_field_picks_enabled_providers(c):
    status, doc = check(c, text=SEED, date="2024-11-19", rates=["ecb"])
    assert status == 200 and doc["files"][0]["findings"][0]["rate"]["provider"] == "ECB"
    status, doc = check(c, text=SEED, date="2024-11-19", rates="ecb")
    assert status == 200


@pytest.mark.parametrize("body, field, words", [
    ({"text": "x", "date": "2024-13-01"}, "date", "invalid date '2024-13-01'"),
    ({"text": "x", "date": "yesterday"}, "date", "expected YYYY-MM-DD"),
    ({"text": "x", "date": 20241119}, "date", "expected YYYY-MM-DD"),
    ({"text": "x", "lang": "xx"}, "lang", "unsupported lang 'xx'"),
    ({"text": "x", "lang": "e n"}, "lang", "invalid lang 'e n'"),
    ({"text": "x", "lang": 5}, "lang", "invalid lang 5"),
    ({"text": "x", "tolerance": "abc"}, "tolerance", "invalid tolerance 'abc'"),
    ({"text": "x", "tolerance": 2}, "tolerance", "between 0 and 1"),
    ({"text": "x", "tolerance": True}, "tolerance", "invalid tolerance True"),
    ({"text": "x", "rates": ["live"]}, "rates", "'live' is not enabled on this server (enabled: ecb)"),
    ({"text": "x", "rates": ["table:/etc/passwd"]}, "rates", "not enabled"),
    ({"text": "x", "rates": 3}, "rates", "invalid rates 3"),
    ({"text": "x", "format": "docx"}, "format", "invalid format 'docx'"),
    ({"text": "x", "format": 1}, "format", "invalid format 1"),
    ({"date": "2024-11-19"}, "text", "missing text"),
    ({"text": 42}, "text", "expected a string, got int"),
    ({"text": "x", "colour": "red"}, "colour", "unknown field 'colour'"),
])
def test_bad_fields_are_400_naming_the_field(c, body, field, words):
    r = c.post("/api/check", json=body)
    assert r.status_code == 400
    err = r.json()
    assert err["status"] == 400 and err["field"] == field
    assert words in err["error"] and "\n" not in err["error"]


def test_bad_bodies(c):
    r = c.post("/api/check", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 400 and r.json()["error"].startswith("invalid JSON")
    r = c.post("/api/check", json=["text"])
    assert r.status_code == 400 and "JSON object" in r.json()["error"]
    r = c.post("/api/check", content=b"text=x", headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415 and "application/json" in r.json()["error"]
    r = c.post("/api/check", content=b"\xff\xfe", headers={"content-type": "application/json"})
    assert r.status_code == 400


def test_check_fields_match_the_openapi_request(c):
    spec = c.get("/openapi.json").json()
    assert set(spec["components"]["schemas"]["CheckRequest"]["properties"]) == set(CHECK_FIELDS)


# -- /api/rates -----------------------------------------------------------------------------


def test_rates(c):
    r = c.get("/api/rates", params={"base": "usd", "quote": "SEK", "date": "2024-11-19"})
    assert r.status_code == 200
    d = r.json()
    assert d["base"] == "USD" and d["quote"] == "SEK" and d["date"] == "2024-11-19" and d["provider"] == "ECB"
    assert 10.9 < d["value"] < 11.0
    # a Sunday: the last published day, and the reason
    d = c.get("/api/rates", params={"base": "USD", "quote": "SEK", "date": "2024-11-17"}).json()
    assert d["date"] == "2024-11-15" and d["requested"] == "2024-11-17" and d["note"]
    d = c.get("/api/rates", params={"base": "EUR", "quote": "USD"}).json()
    assert d["date"] and d["requested"] is None


@pytest.mark.parametrize("params, status, words", [
    ({"quote": "SEK"}, 400, "missing base"),
    ({"base": "USD"}, 400, "missing quote"),
    ({"base": "US", "quote": "SEK"}, 400, "invalid base 'US'"),
    ({"base": "USD", "quote": "S3K"}, 400, "invalid quote 'S3K'"),
    ({"base": "USD", "quote": "SEK", "date": "2024-02-30"}, 400, "invalid date '2024-02-30'"),
    ({"base": "USD", "quote": "SEK", "day": "2024-02-03"}, 400, "unknown parameter 'day'"),
    ({"base": "USD", "quote": "SEK", "rates": "live"}, 400, "not enabled"),
    ({"base": "UAH", "quote": "SEK", "date": "2024-11-19"}, 404, "does not quote UAH"),
])
def test_rates_errors(c, params, status, words):
    r = c.get("/api/rates", params=params)
    assert r.status_code == status and words in r.json()["error"]


# -- the rest -------------------------------------------------------------------------------


def test_healthz(c):
    d = c.get("/healthz").json()
    assert d["status"] == "ok" and "sv" in d["languages"] and d["rates"]["enabled"] == ["ecb"]
    assert d["rates"]["first"] == "1999-01-04"
    assert d["limits"]["max_body"] == 2 * 1024 * 1024


def test_unknown_endpoint_and_method(c):
    r = c.get("/api/nothing")
    assert r.status_code == 404 and r.json()["error"] == "no such endpoint: /api/nothing"
    r = c.get("/api/check")
    assert r.status_code == 405 and "GET not allowed" in r.json()["error"]


def test_page_has_no_external_assets(c):
    r = c.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    for bad in ("http://", "https://", "//cdn", "<link rel=\"stylesheet\"", "src=\""):
        assert bad not in html, bad
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "unsafe-inline" not in csp


# -- limits ---------------------------------------------------------------------------------


def test_body_over_the_limit_is_413():
    small = client(Settings(max_body=1000, access_log=False))
    r = small.post("/api/check", json={"text": "x" * 2000})
    assert r.status_code == 413 and r.json() == {"error": "request body too large: the limit is 1,000 bytes", "status": 413}
    # without a Content-Length (chunked), counted as it arrives
    r = small.post("/api/check", content=iter([b'{"text": "', b"x" * 600, b"x" * 600, b'"}']),
                   headers={"content-type": "application/json"})
    assert r.status_code == 413
    r = small.post("/api/check", json={"text": "x" * 100})
    assert r.status_code == 200


def test_default_limit_is_two_megabytes(c):
    r = c.post("/api/check", content=b" " * (2 * 1024 * 1024 + 1), headers={"content-type": "application/json"})
    assert r.status_code == 413


class SlowEngine(Engine):
    """A check that ends only when the test says so (or after 30 s)."""

    def __init__(self, **kw):
        import threading

        super().__init__(**kw)
        self.release, self.finished = threading.Event(), threading.Event()

    def check(self, req):
        self.release.wait(30)
        self.finished.set()
        return super().check(req)


def test_time_limit_is_503():
    slow = SlowEngine(warm=False)
    c = client(Settings(timeout=0.2, access_log=False), eng=slow)
    r = c.post("/api/check", json={"text": SEED, "date": "2024-11-19"})
    answered_before_the_check_ended = not slow.finished.is_set()
    slow.release.set()
    assert r.status_code == 503
    assert "took longer than 0.2 s" in r.json()["error"]
    assert answered_before_the_check_ended  # the limit answered, not the end of the check


class BrokenEngine(Engine):
    def check(self, req):
        raise RuntimeError("stage exploded\nsecond line")


def test_internal_error_is_one_json_line():
    c = client(eng=BrokenEngine(warm=False), raise_server_exceptions=False)
    r = c.post("/api/check", json={"text": "x"})
    assert r.status_code == 500
    assert r.json()["error"] == "internal error while checking (RuntimeError: stage exploded); please report it"


def test_token_required_when_configured():
    c = client(Settings(token="s3cret", access_log=False))
    r = c.post("/api/check", json={"text": SEED})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    assert "missing bearer token" in r.json()["error"]
    r = c.post("/api/check", json={"text": SEED}, headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and "wrong bearer token" in r.json()["error"]
    assert c.get("/api/rates", params={"base": "USD", "quote": "SEK"}).status_code == 401
    assert c.post("/v2/check", data={"text": SEED, "language": "en"}).status_code == 401
    r = c.post("/api/check", json={"text": SEED}, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200
    # the page and the health check are open: the page asks for the token
    assert c.get("/").status_code == 200 and c.get("/healthz").status_code == 200


def test_cors_off_unless_configured():
    r = client().post("/api/check", json={"text": "x"}, headers={"Origin": "https://cms.example"})
    assert "access-control-allow-origin" not in r.headers
    c = client(Settings(cors_origins=("https://cms.example",), token="t", access_log=False))
    pre = c.options("/api/check", headers={"Origin": "https://cms.example", "Access-Control-Request-Method": "POST",
                                           "Access-Control-Request-Headers": "authorization,content-type"})
    assert pre.status_code == 200 and pre.headers["access-control-allow-origin"] == "https://cms.example"
    r = c.post("/api/check", json={"text": "x"}, headers={"Origin": "https://cms.example", "Authorization": "Bearer t"})
    assert r.headers["access-control-allow-origin"] == "https://cms.example"
    r = c.post("/api/check", json={"text": "x"}, headers={"Origin": "https://evil.example", "Authorization": "Bearer t"})
    assert "access-control-allow-origin" not in r.headers


def test_access_log_is_structured_and_holds_no_copy(caplog):
    c = client(Settings(access_log=True))
    with caplog.at_level(logging.INFO, logger="numcheck.serve.access"):
        c.post("/api/check", json={"text": SLIP, "date": "2024-11-19"})
        c.get("/api/nothing")
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "numcheck.serve.access"]
    assert [(d["method"], d["path"], d["status"]) for d in lines] == [("POST", "/api/check", 200), ("GET", "/api/nothing", 404)]
    assert all(d["ms"] >= 0 and d["bytes"] > 0 and d["ts"] for d in lines)
    assert "kronor" not in caplog.text


def test_no_request_reads_or_writes_a_file(c, monkeypatch):
    """Rates and language data are loaded when the engine starts, never by a request."""
    # started (and warmed) before the requests below; the other regions load in a background
    # thread at start-up, which is not a request: let it finish before open() is refused
    assert engine().regions_done.wait(300)
    opened = []

    def refuse(name):
        def fn(*a, **k):
            opened.append((name, a[0] if a else None))
            raise AssertionError(f"a request opened a file: {a[:1]}")
        return fn

    monkeypatch.setattr(builtins, "open", refuse("open"))
    monkeypatch.setattr(io, "open", refuse("io.open"))
    monkeypatch.setattr(os, "open", refuse("os.open"))
    for lang in engine().languages:
        assert check(c, text=SEED, date="2024-11-19", lang=lang)[0] == 200
    assert check(c, text="---\ndate: 2024-11-19\n---\n" + SV, format="markdown")[0] == 200
    assert check(c, text="<p>" + SLIP + "</p>", format="html", lang="en-GB")[0] == 200
    assert check(c, text="a 10-mile (16 km) stretch and 5 kg (11 pounds)", lang="en")[0] == 200
    assert c.post("/v2/check", data={"text": SEED, "language": "auto"}).status_code == 200
    assert c.get("/api/rates", params={"base": "USD", "quote": "JPY", "date": "2001-01-05"}).status_code == 200
    assert opened == []


def test_regions_are_loaded_ones_only(c):
    status, doc = check(c, text=SEED, date="2024-11-19", lang="en_gb")
    assert status == 200 and doc["files"][0]["lang"] == "en-GB"
    r = c.post("/api/check", json={"text": "x", "lang": "sv-US"})
    assert r.status_code == 400 and "no such region of 'sv'" in r.json()["error"]
    r = c.post("/api/check", json={"text": "---\nlang: klingon\n---\nx"})
    assert r.status_code == 400 and r.json()["field"] == "lang (front matter)"


def test_cldr_regions_and_likely_region():
    from numcheck.serve.engine import cldr_regions, likely_region

    assert likely_region("pt") == "pt-BR" and likely_region("en") == "en-US" and likely_region("nb") == "nb-NO"
    tags = cldr_regions(["de", "sv"])
    assert {"de-CH", "de-AT", "sv-FI", "sv-SE"} <= set(tags) and not any(t.startswith("en") for t in tags)


def test_openapi_matches_the_routes_and_the_responses(c):
    jsonschema = pytest.importorskip("jsonschema")
    spec = c.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    routes = {(r.path, m.lower()) for r in c.app.routes for m in r.methods if m != "HEAD"}
    described = {(p, m) for p, ops in spec["paths"].items() for m in ops}
    assert routes == described

    def valid(name, instance):
        schema = {"$ref": f"#/components/schemas/{name}", "components": spec["components"]}
        jsonschema.Draft202012Validator(schema).validate(instance)

    valid("Report", check(c, text=SLIP, date="2024-11-19")[1])
    valid("Report", check(c, text="nothing to see")[1])
    valid("CheckRequest", {"text": "x", "date": "2024-11-19", "lang": "sv", "tolerance": 0.05, "rates": ["ecb"], "format": "markdown"})
    valid("Rate", c.get("/api/rates", params={"base": "USD", "quote": "SEK"}).json())
    valid("Error", c.post("/api/check", json={"text": "x", "date": "no"}).json())
    valid("LanguageToolResponse", c.post("/v2/check", data={"text": SLIP, "language": "en", "date": "2024-11-19"}).json())
    with pytest.raises(jsonschema.ValidationError):
        valid("CheckRequest", {"text": "x", "colour": "red"})
