"""`POST /v2/check`: LanguageTool's API, and a real LanguageTool client pointed at numcheck."""

from __future__ import annotations

import json

import pytest

from serve_support import SEED, SLIP, client, engine

from numcheck.serve.languagetool import rule_id, sentence_of, utf16_index

DATED = "---\ndate: 2024-11-19\n---\n"


@pytest.fixture(scope="module")
def c():
    return client()


def lt(c, **form):
    r = c.post("/v2/check", data=form)
    return r.status_code, r.json()


def test_slip_is_a_match_with_the_fields_clients_read(c):
    status, d = lt(c, text=SLIP, language="en-US", date="2024-11-19")
    assert status == 200
    (m,) = d["matches"]
    assert SLIP[m["offset"]:m["offset"] + m["length"]] == "3 million kronor"
    assert m["replacements"] == [{"value": "3 billion kronor"}]
    assert m["rule"]["id"] == "NUMCHECK_MONEY_INCONSISTENT"
    assert m["rule"]["category"]["id"] == "numcheck" and m["rule"]["issueType"]
    assert m["message"].startswith("stated approximately 3 million SEK") and m["shortMessage"]
    ctx = m["context"]
    assert ctx["text"][ctx["offset"]:ctx["offset"] + ctx["length"]] == "3 million kronor"
    assert m["sentence"].startswith("On Tuesday, reports also emerged") and m["sentence"].endswith("the Pentagon.")
    assert d["language"]["code"] == "en-US" and d["software"]["name"] == "numcheck"
    assert m["numcheck"]["rate"]["date"] == "2024-11-19"


def test_consistent_claims_are_off_by_default_like_picky_rules(c):
    status, d = lt(c, text=SEED, language="en", date="2024-11-19")
    assert status == 200 and d["matches"] == []
    _, d = lt(c, text=SEED, language="en", date="2024-11-19", level="picky")
    assert [m["rule"]["id"] for m in d["matches"]] == ["NUMCHECK_MONEY_CONSISTENT"]
    assert d["matches"][0]["replacements"] == []
    _, d = lt(c, text=SEED, language="en", date="2024-11-19", enabledRules="NUMCHECK_MONEY_CONSISTENT")
    assert len(d["matches"]) == 1


def test_rule_and_category_switches(c):
    base = dict(text=SLIP, language="en", date="2024-11-19")
    assert lt(c, **base, disabledRules="NUMCHECK_MONEY_INCONSISTENT")[1]["matches"] == []
    assert lt(c, **base, disabledCategories="numcheck")[1]["matches"] == []
    assert lt(c, **base, enabledOnly="true", enabledRules="NUMCHECK_UNIT_INCONSISTENT")[1]["matches"] == []
    assert len(lt(c, **base, enabledOnly="true", enabledCategories="numcheck")[1]["matches"]) == 1


def test_date_from_front_matter_and_language_auto(c):
    text = DATED + "Paketet är värt 275 miljoner dollar, motsvarande cirka 3 miljoner kronor, enligt Pentagon."
    status, d = lt(c, text=text, language="auto")
    assert status == 200
    (m,) = d["matches"]
    assert d["language"]["code"] == "sv" and d["numcheck"]["date"] == "2024-11-19"
    assert text[m["offset"]:m["offset"] + m["length"]] == "3 miljoner kronor"
    assert m["replacements"] == [{"value": "3 miljarder kronor"}]
    assert m["sentence"] == text[len(DATED):]  # not the front matter


def test_multipart_form_works_too(c):
    r = c.post("/v2/check", files={"text": (None, SLIP), "language": (None, "en-US"), "date": (None, "2024-11-19")})
    assert r.status_code == 200 and len(r.json()["matches"]) == 1


def test_file_parts_are_refused(c):
    """A multipart file part would be spooled to disk: only fields are read."""
    r = c.post("/v2/check", data={"language": "en"}, files={"text": ("story.txt", SLIP.encode(), "text/plain")})
    assert r.status_code == 400 and "send the copy in the text field" in r.json()["error"]


def test_offsets_in_utf16_units_as_languagetool_counts(c):
    text = "😀 Emoji first. 🎉 The $275 million package (about 3 million kronor) landed."
    _, d = lt(c, text=text, language="en", date="2024-11-19")
    (m,) = d["matches"]
    units = text.encode("utf-16-le")
    assert units[2 * m["offset"]:2 * (m["offset"] + m["length"])].decode("utf-16-le") == "3 million kronor"
    assert m["offset"] == text.index("3 million kronor") + 2  # two astral characters before it


def test_annotated_text(c):
    data = {"annotation": [
        {"markup": "<p>"}, {"text": "A "}, {"markup": "<b>"}, {"text": "$275 million"}, {"markup": "</b>"},
        {"text": " package (about 3 million kronor)."}, {"markup": "</p>", "interpretAs": "\n\n"},
    ]}
    whole = "".join(a.get("text", a.get("markup")) for a in data["annotation"])
    status, d = lt(c, data=json.dumps(data), language="en", date="2024-11-19")
    assert status == 200
    (m,) = d["matches"]
    assert whole[m["offset"]:m["offset"] + m["length"]] == "3 million kronor"
    assert m["sentence"] == "A " + " " * 3 + "$275 million" + " " * 4 + " package (about 3 million kronor)."  # markup blanked


@pytest.mark.parametrize("form, field, words", [
    ({"text": "x"}, "language", "missing language"),
    ({"language": "en"}, "text", "missing text"),
    ({"text": "x", "language": "tlh"}, "language", "unsupported language 'tlh'"),
    ({"text": "x", "language": "en", "date": "19/11/2024"}, "date", "invalid date '19/11/2024'"),
    ({"text": "x", "language": "en", "tolerance": "-1"}, "tolerance", "between 0 and 1"),
    ({"data": "{\"annotation\": 5}", "language": "en"}, "data", "invalid data"),
    ({"text": "---\ndate: 2024-99-01\n---\nx", "language": "en"}, "text", "text: front matter: invalid date '2024-99-01'"),
])
def test_errors_are_400(c, form, field, words):
    r = c.post("/v2/check", data=form)
    assert r.status_code == 400, r.text
    assert words in r.json()["error"] and r.json().get("field") == field


def test_languages_list_has_long_codes(c):
    langs = c.get("/v2/languages").json()
    codes = {x["longCode"] for x in langs}
    assert {"en", "en-US", "en-GB", "sv", "sv-SE", "de-CH", "pt-BR"} <= codes
    assert all(x["code"] in engine().languages for x in langs)


def test_helpers():
    assert rule_id("money", "inconsistent") == "NUMCHECK_MONEY_INCONSISTENT"
    assert rule_id("percent change", "ambiguous") == "NUMCHECK_PERCENT_CHANGE_AMBIGUOUS"
    u = utf16_index("a😀b")
    assert [u(i) for i in range(4)] == [0, 1, 3, 4]
    text = "First one. The $5 (€4) figure is here! Next."
    i = text.index("€4")
    assert sentence_of(text, i, i + 2) == "The $5 (€4) figure is here!"


def test_a_real_languagetool_client(monkeypatch):
    """language_tool_python, pointed at a local numcheck server, finds the slip and applies
    numcheck's replacement; the corrected text then has no match."""
    ltp = pytest.importorskip("language_tool_python", reason="language-tool-python is not installed (the test extra)")
    from language_tool_python.utils import correct

    from numcheck.serve.app import Settings, create_app
    from numcheck.serve.local import local_server

    for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    text = DATED + SLIP
    with local_server(create_app(engine(), Settings(access_log=False, timeout=120))) as url:
        tool = ltp.LanguageTool("en-US", remote_server=url)
        try:
            matches = tool.check(text)
            assert [m.rule_id for m in matches] == ["NUMCHECK_MONEY_INCONSISTENT"]
            assert matches[0].category == "numcheck"
            assert matches[0].replacements == ["3 billion kronor"]
            assert text[matches[0].offset:matches[0].offset + matches[0].error_length] == "3 million kronor"
            fixed = correct(text, matches)
            assert "approximately 3 billion kronor" in fixed
            assert tool.check(fixed) == []
        finally:
            tool.close()
