"""The bench harness: its matching rule, its adaptors' bookkeeping, and one tiny end-to-end run.

Timings are never asserted; the run only has to complete and write its tables.
"""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `bench` is a top-level directory, not an installed package
    sys.path.insert(0, str(ROOT))

from bench.accuracy import _read_score, run_accuracy  # noqa: E402
from bench.peers import load_peers, numcheck_tool  # noqa: E402
from bench.probe import pathological_text  # noqa: E402
from bench.score import Pred, currency_code, load_suite, score_case, unit_names  # noqa: E402
FIX = ROOT / "fixtures" / "bench"

MONEY = frozenset({"money"})


def money(value, unit="Dollar", iso=None, **kw):
    return {"value": value, "unit": unit, "kind": "money", "unit_name": unit, "iso_currency": iso, **kw}


def unit(value, name, kind="quantity", **kw):
    return {"value": value, "unit": name, "kind": kind, **kw}


# (expected mention, a tool's prediction, should they match)
MATCH_TABLE = [
    # "$275 million": no ISO code expected ("$" is ambiguous), so the value decides
    (money(275e6), Pred(275e6, "USD", "money"), True),
    (money(275e6), Pred(275e3, "USD", "money"), False),
    # "EUR 40" expects EUR: a prediction in another currency does not count
    (money(40.0, "EUR", "EUR"), Pred(40.0, "EUR", "money"), True),
    (money(40.0, "EUR", "EUR"), Pred(40.0, "USD", "money"), False),
    (money(40.0, "EUR", "EUR"), Pred(40.0, None, "money"), False),
    # 1e-6 relative tolerance on the value
    (money(1234.5), Pred(1234.5000001, None, "money"), True),
    (money(1234.5), Pred(1234.6, None, "money"), False),
    # "50 cents" is 50 Cent in the suites; 0.5 dollars is the same amount
    (money(50.0, "Cent", fractional_unit=True), Pred(0.5, "USD", "money"), True),
    # a currency that came only from price-parser's page hint is not required of the tool
    (money(34.99, "GBP", "GBP", currency_from_hint=True), Pred(34.99, None, "money"), True),
    # "between $10 and $20": both ends
    (money(None, range={"min": 10.0, "max": 20.0}), Pred(10.0, "USD", "money", low=10.0, high=20.0), True),
    (money(None, range={"min": 10.0, "max": 20.0}), Pred(10.0, "USD", "money"), False),
    # "under $10": the one bound
    (money(None, range={"min": None, "max": 10.0}), Pred(10.0, "USD", "money"), True),
    # a ranged prediction does not match a single expected value
    (money(2e6), Pred(2e6, "USD", "money", low=2e6, high=3e6), False),
    # "1,500,000 kilometres" written three ways
    (unit(1.5e6, "kilometre"), Pred(1.5e6, "Kilometer", "quantity"), True),
    (unit(1.5e6, "kilometre"), Pred(1.5e6, "km", "quantity"), True),
    (unit(1.5e6, "kilometre"), Pred(1.5e6, "mile", "quantity"), False),
    # Duckling's "M" is metre or mile
    (unit(3.0, "M"), Pred(3.0, "mile", "quantity"), True),
    (unit(3.0, "M"), Pred(3.0, "metre", "quantity"), True),
    (unit(3.0, "M"), Pred(3.0, "foot", "quantity"), False),
    # "3 kilómetros": Recognizers' Spanish model names the unit in Spanish, Duckling in English
    (unit(3.0, "Kilometre"), Pred(3.0, "Kilómetro", "quantity"), True),
    (unit(2.5, "Mile"), Pred(2.5, "Milla", "quantity"), True),
    (unit(2.5, "Mile"), Pred(2.5, "Metro", "quantity"), False),
    # "5 ft 2 in": 5.1667 feet or 62 inches, the same length
    (unit(5 + 2 / 12, "Foot"), Pred(62.0, "inch", "quantity"), True),
    (unit(5 + 2 / 12, "Foot"), Pred(62.0, "foot", "quantity"), False),
    # "500,000 barrels a day" in oil news: the 42-gallon barrel
    (unit(5e5, "Barrel"), Pred(5e5, "oil_barrel", "quantity"), True),
    # "30 degrees Celsius": Recognizers says "C", quantulum3 "degree Celsius", numcheck pint's name
    (unit(30.0, "C", "temperature"), Pred(30.0, "degree Celsius", "temperature"), True),
    (unit(30.0, "C", "temperature"), Pred(30.0, "degree_Celsius", "temperature"), True),
    (unit(30.0, "Grado Celsius", "temperature"), Pred(30.0, "C", "temperature"), True),
    (unit(30.0, "C", "temperature"), Pred(30.0, "degree Fahrenheit", "temperature"), False),
    # "30 grados" / "30 degrés": a degree on no named scale
    (unit(30.0, "Grado", "temperature"), Pred(30.0, "degree_Celsius", "temperature"), True),
    (unit(30.0, "Degré", "temperature"), Pred(30.0, "degree_Fahrenheit", "temperature"), True),
]


@pytest.mark.parametrize("expected,pred,ok", MATCH_TABLE)
def test_matching_rule(expected, pred, ok):
    t = score_case([expected], [pred], frozenset({expected["kind"]}))
    assert (t.tp == 1) is ok
    assert t.tp + t.fn == 1 and t.tp + t.fp == 1


def test_one_to_one_matching_counts_duplicates_as_false_positives():
    exp = [money(10.0), money(20.0)]
    preds = [Pred(10.0, "USD", "money"), Pred(10.0, "USD", "money"), Pred(30.0, "USD", "money")]
    t = score_case(exp, preds, MONEY)
    assert (t.tp, t.fp, t.fn) == (1, 2, 1)
    assert t.precision == pytest.approx(1 / 3) and t.recall == pytest.approx(1 / 2)
    assert t.f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))


def test_predictions_of_kinds_the_file_does_not_test_are_not_counted():
    # a currency file does not count a tool's "12 km" against it, for any tool
    t = score_case([money(48e6, "EUR", "EUR")], [Pred(48e6, "EUR", "money"), Pred(12.0, "km", "quantity")], MONEY)
    assert (t.tp, t.fp, t.fn) == (1, 0, 0)


def test_bare_unit_expectations_are_not_scored():
    t = score_case([unit(None, "fahrenheit", "temperature", unit_only=True)], [], frozenset({"temperature"}))
    assert (t.tp, t.fp, t.fn) == (0, 0, 0)


@pytest.mark.parametrize("raw,iso", [("€", "EUR"), ("US$", "USD"), ("usd", "USD"), ("Kč", "CZK"),
                                     ("руб.", "RUB"), ("$", None), ("£", None), ("kr", None), (None, None)])
def test_peer_currency_as_written_to_iso(raw, iso):
    assert currency_code(raw) == iso


def test_unit_names_unknown_spelling_falls_back_to_itself():
    assert unit_names("Custom:bowls", "quantity") == frozenset({"bowls"})


def test_an_expected_unit_the_tables_do_not_know_leaves_the_value_to_decide():
    # "20 dm" in the French suite is 20 "Décimètres": no alias, no pint name
    exp = unit(20.0, "Décimètres")
    assert score_case([exp], [Pred(20.0, "decimeter", "quantity")], frozenset({"quantity"})).tp == 1
    assert score_case([exp], [Pred(2.0, "decimeter", "quantity")], frozenset({"quantity"})).tp == 0


def test_suite_loader_skips_latent_cases_and_reads_kinds(tmp_path):
    p = tmp_path / "duckling-money-xx.jsonl"
    rows = [
        {"id": "a", "text": "5", "lang": "en", "expected": [money(5.0, "Unnamed")], "upstream": {"latent": True}},
        {"id": "b", "text": "$5", "lang": "en", "expected": [money(5.0)]},
    ]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    s = load_suite(p)
    assert [c["id"] for c in s.cases] == ["b"] and s.kinds == MONEY and s.lang == "en"


@pytest.mark.parametrize("kind,unit_text", [("grouped", "1,234,567.89 "), ("dotted", "1."), ("money", "$1,234,567.89 ")])
def test_pathological_text_has_the_requested_size(kind, unit_text):
    t = pathological_text(kind, 1000)
    assert len(t) == 1000 and t.startswith(unit_text) and "\n" not in t


def test_a_peer_that_cannot_be_imported_is_reported_not_skipped(monkeypatch):
    monkeypatch.setitem(sys.modules, "price_parser", None)  # import price_parser → ImportError
    (tool,) = load_peers(["price-parser"])
    assert not tool.ok
    assert "not installed" in tool.status or "failed to import" in tool.status


@pytest.mark.parametrize("result,want", [
    ({"precision": 0.5, "recall": 0.25, "f1": 1 / 3}, (0.5, 0.25, 1 / 3)),
    ({"total": {"p": 1.0, "r": 0.5, "f1": 2 / 3}}, (1.0, 0.5, 2 / 3)),
    ({"cases": 3}, None),
])
def test_reading_the_project_scorer_result(result, want):
    got = _read_score(result)
    assert got == (pytest.approx(want) if want else None)


def test_numcheck_row_uses_numcheck_peerscore_when_it_exists(monkeypatch):
    calls = []

    def score_file(path, extract_fn=None):
        calls.append(path)
        return {"precision": 0.25, "recall": 0.5, "f1": 1 / 3}

    mod = types.ModuleType("bench.peerscore")
    mod.score_file = score_file
    monkeypatch.setitem(sys.modules, "bench.peerscore", mod)
    suite = FIX / "suites" / "mini-money-en.jsonl"
    (res,) = run_accuracy([suite], numcheck_tool(), [], log=lambda *_: None)
    cell = res.cells["numcheck"]
    assert calls == [str(suite)]
    assert cell.scorer == "bench.peerscore" and cell.f1 == pytest.approx(1 / 3)
    assert cell.tally is not None and cell.bench_f1 is not None  # the bench matcher's figure is kept


def test_unit_files_use_the_units_scorer_and_mixed_files_the_bench_matcher(monkeypatch, tmp_path):
    seen = {"money": [], "units": []}

    def fake(kind):
        mod = types.ModuleType(kind)
        mod.score_file = lambda path, **kw: seen[kind].append(Path(path).name) or {"precision": 1.0, "recall": 1.0, "f1": 1.0}
        return mod

    monkeypatch.setitem(sys.modules, "bench.peerscore", fake("money"))
    monkeypatch.setitem(sys.modules, "bench.units_peerscore", fake("units"))
    mixed = tmp_path / "mixed-en.jsonl"
    mixed.write_text(json.dumps({"id": "m", "text": "two meters of cotton for £2,000", "lang": "en",
                                 "expected": [unit(2.0, "metre"), money(2000.0, "GBP", "GBP")]}) + "\n", encoding="utf-8")
    paths = [FIX / "suites" / "mini-money-en.jsonl", FIX / "suites" / "mini-units-en.jsonl", mixed]
    res = run_accuracy(paths, numcheck_tool(), [], log=lambda *_: None)
    assert seen == {"money": ["mini-money-en.jsonl"], "units": ["mini-units-en.jsonl"]}
    assert [r.cells["numcheck"].scorer for r in res] == ["bench.peerscore", "bench.units_peerscore", "bench"]


def test_python_m_bench_runs_on_the_tiny_fixtures(tmp_path):
    out, js = tmp_path / "RESULTS.md", tmp_path / "results.json"
    cmd = [sys.executable, "-m", "bench", "--corpus", str(FIX / "corpus"), "--suites", str(FIX / "suites"),
           "--out", str(out), "--json", str(js), "--peers", "none", "--reps", "1", "--peer-reps", "1",
           "--sample-mb", "0.001", "--slice-kb", "0.5", "--scales", "1,2", "--patho-sizes", "0.001,0.002",
           "--cold-runs", "1", "--profile-mb", "0.01", "--patho-runs", "1", "--stream", "1,2"]
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-2000:]
    md = out.read_text(encoding="utf-8")
    for heading in ("## Targets", "## Speed", "## Cold start", "## Scaling", "## Accuracy on the peer suites",
                    "## Where numcheck's time goes"):
        assert heading in md
    assert "| mini-money-en | en |" in md
    data = json.loads(js.read_text(encoding="utf-8"))
    full = {r["label"]: r for r in data["speed_full"]}
    assert full["numcheck.check"]["items"] > 0 and full["digit floor"]["items"] > 0
    assert full["amount floor (one regex)"]["items"] > 0  # the fixture corpus has amounts
    assert [r["k"] for r in data["stream"]["rows"]] == [1, 2] and all(r["status"] == "ok" for r in data["stream"]["rows"])
    assert data["stream"]["rows"][1]["articles"] == 2 * data["stream"]["rows"][0]["articles"]
    targets = {t[0]: t for t in data["targets"]}
    assert any(k.startswith("full check ≥ 0.5× the one-regex amount floor") for k in targets)
    acc = {r["suite"]: r for r in data["accuracy"]}
    t = acc["mini-money-en"]["cells"]["numcheck"]["tally"]
    assert t["cases"] == 4 and t["tp"] + t["fn"] == 3  # three expected mentions, whatever numcheck finds
    assert [x["kind"] for x in data["pathological"]["rows"]].count("dotted") == 2


def test_the_amount_floor_is_one_pattern_from_the_language_data():
    from bench.speed import amount_floor_pattern

    en = amount_floor_pattern("en")
    found = [m.group() for m in en.finditer("worth $275 million, 3 billion kronor, a 10-mile (16 km) stretch, 45 of 150 stores")]
    assert found == ["$275", "3 billion kronor", "10-mile", "16 km"]
    sv = amount_floor_pattern("sv")
    assert [m.group() for m in sv.finditer("3 miljarder kronor och 250 mkr, 12 meter")] == ["3 miljarder kronor", "250 mkr", "12 meter"]
