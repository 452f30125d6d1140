"""numcheck.extract scored against the peer test suites (../shared/peer-suites, or
$NUMCHECK_PEER_SUITES): precision and recall of (value, currency) per money file must not
drop below what was reached (the floors below, rounded down a little). Skips when the
suites are absent. See numcheck/peerscore.py for the matching rule."""

from __future__ import annotations

import json

import pytest

from bench.peerscore import money_files, score_cases, score_file, suites_dir

# file: (precision floor, recall floor)
FLOORS = {
    "duckling-money-ar.jsonl": (0.89, 0.31),  # reached 0.913 / 0.328
    "duckling-money-bg.jsonl": (0.84, 0.29),  # reached 0.864 / 0.311
    "duckling-money-ca.jsonl": (0.87, 0.57),  # reached 0.885 / 0.590 (Catalan is read as English: "3 gbp 1 cèntims" gives 3 GBP, the Catalan sub-unit unread)
    "duckling-money-en.jsonl": (0.98, 0.93),  # reached 1.000 / 0.955 (coin counts left out)
    "duckling-money-es.jsonl": (0.98, 0.98),  # reached 1.000 / 1.000
    "duckling-money-fr.jsonl": (0.98, 0.92),  # reached 1.000 / 0.946
    "duckling-money-ga.jsonl": (0.85, 0.59),  # reached 0.870 / 0.606
    "duckling-money-he.jsonl": (0.98, 0.12),  # reached 1.000 / 0.140
    "duckling-money-hr.jsonl": (0.80, 0.27),  # reached 0.818 / 0.286
    "duckling-money-id.jsonl": (0.73, 0.61),  # reached 0.755 / 0.635
    "duckling-money-it.jsonl": (0.98, 0.98),  # reached 1.000 / 1.000
    "duckling-money-ka.jsonl": (0.90, 0.35),  # reached 0.917 / 0.367
    "duckling-money-ko.jsonl": (0.98, 0.04),  # reached 1.000 / 0.061
    "duckling-money-mn.jsonl": (0.98, 0.48),  # reached 1.000 / 0.500
    "duckling-money-nb.jsonl": (0.97, 0.96),  # reached 0.995 / 0.980
    "duckling-money-nl.jsonl": (0.98, 0.96),  # reached 1.000 / 0.981
    "duckling-money-pt.jsonl": (0.98, 0.98),  # reached 1.000 / 1.000
    "duckling-money-ro.jsonl": (0.57, 0.27),  # reached 0.588 / 0.294
    "duckling-money-ru.jsonl": (0.87, 0.45),  # reached 0.887 / 0.475
    "duckling-money-sv.jsonl": (0.98, 0.98),  # reached 1.000 / 1.000
    "duckling-money-tr.jsonl": (0.65, 0.11),  # reached 0.667 / 0.133
    "duckling-money-vi.jsonl": (0.80, 0.30),  # reached 0.821 / 0.324
    "duckling-money-zh.jsonl": (0.98, 0.00),  # reached 1.000 / 0.000
    "recognizers-currency-de.jsonl": (0.98, 0.95),  # reached 1.000 / 0.974
    "recognizers-currency-en.jsonl": (0.91, 0.83),  # reached 0.922 / 0.851 (sub-units: "34 cents")
    "recognizers-currency-es.jsonl": (0.94, 0.86),  # reached 0.965 / 0.880
    "recognizers-currency-fr.jsonl": (0.93, 0.84),  # reached 0.951 / 0.858
    "recognizers-currency-hi.jsonl": (0.45, 0.23),  # reached 0.468 / 0.248
    "recognizers-currency-it.jsonl": (0.93, 0.82),  # reached 0.947 / 0.840
    "recognizers-currency-ja.jsonl": (0.48, 0.01),  # reached 0.500 / 0.030
    "recognizers-currency-ko.jsonl": (0.98, 0.00),  # reached 1.000 / 0.000
    "recognizers-currency-nl.jsonl": (0.98, 0.77),  # reached 1.000 / 0.789
    "recognizers-currency-pt.jsonl": (0.86, 0.73),  # reached 0.887 / 0.752
    "recognizers-currency-sv.jsonl": (0.98, 0.93),  # reached 1.000 / 0.949
    "recognizers-currency-tr.jsonl": (0.75, 0.20),  # reached 0.774 / 0.216
    "recognizers-currency-zh.jsonl": (0.98, 0.01),  # reached 1.000 / 0.029
    "price-parser.jsonl": (0.91, 0.54),  # reached 0.928 / 0.564
}

SUITES = suites_dir()
needs_suites = pytest.mark.skipif(not SUITES.is_dir(), reason=f"peer suites not found at {SUITES}")


@needs_suites
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_score_does_not_drop(name):
    path = SUITES / name
    if not path.exists():
        pytest.skip(f"{name} not in {SUITES}")
    r = score_file(path)
    p_floor, r_floor = FLOORS[name]
    assert r["precision"] >= p_floor and r["recall"] >= r_floor, (name, r)


@needs_suites
def test_every_money_file_has_a_floor():
    assert {p.name for p in money_files(SUITES)} <= set(FLOORS)


def test_matching_rule():
    """Value within 1e-6 relative; currency only when the expectation has an ISO code."""
    cases = [
        {"text": "x", "lang": "en", "expected": [{"kind": "money", "value": 10.0, "iso_currency": "USD"}]},
        {"text": "y", "lang": "en", "expected": [{"kind": "money", "value": 5.0, "iso_currency": None, "unit": "Dollar"}]},
        {"text": "z", "lang": "en", "expected": []},
    ]
    preds = {"x": [{"kind": "money", "value": 10.0000000001, "unit": "CAD"}],
             "y": [{"kind": "money", "value": 5.0, "unit": "AUD"}],
             "z": [{"kind": "money", "value": 1.0, "unit": "EUR"}, {"kind": "unit", "value": 3.0, "unit": "km"}]}
    r = score_cases(cases, lambda text, lang: preds[text])
    assert (r["tp"], r["fp"], r["fn"], r["cases"]) == (1, 2, 1, 3)
    assert r["precision"] == pytest.approx(1 / 3) and r["recall"] == pytest.approx(0.5)
    assert set(r) >= {"precision", "recall", "f1", "tp", "fp", "fn", "cases"}


def test_bad_line_is_one_clear_error(tmp_path):
    from numcheck.errors import InputError

    f = tmp_path / "bad.jsonl"
    f.write_text(json.dumps({"text": "5 euro", "lang": "de", "expected": []}) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:2: not JSON"):
        score_file(f)


def test_cli_prints_a_table(tmp_path, capsys):
    from bench.peerscore import main

    f = tmp_path / "mini.jsonl"
    cases = [
        {"text": "Det kostar 3 miljarder kronor.", "lang": "sv",
         "expected": [{"kind": "money", "value": 3e9, "iso_currency": "SEK"}]},
        {"text": "Den 19 november 2024.", "lang": "sv", "expected": []},
        {"text": "£5", "lang": None, "expected": [{"kind": "money", "value": 5.0, "iso_currency": None, "unit": "£"}]},
    ]
    f.write_text("\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8")
    assert main([str(f)]) == 0
    out = capsys.readouterr().out
    assert "mini.jsonl" in out and "1.000" in out
    r = score_file(f)
    assert (r["tp"], r["fp"], r["fn"], r["cases"]) == (2, 0, 0, 3)


def test_cli_missing_file_is_one_line(tmp_path, capsys):
    from bench.peerscore import main

    assert main([str(tmp_path / "nope.jsonl")]) == 2
    err = capsys.readouterr().err.strip()
    assert "nope.jsonl" in err and "\n" not in err


def test_coin_counts_left_out_and_range_bounds():
    """Coin counts ("a quarter") are not scored; either bound of a two-sided range matches,
    and the other bound read as its own mention is not spurious."""
    def fake(text, lang):
        return {"r": [{"kind": "money", "value": 10.0, "unit": "USD"}, {"kind": "money", "value": 20.0, "unit": "USD"}],
                "s": [{"kind": "money", "value": 20.0, "unit": "USD"}]}.get(text, [])

    rng = {"kind": "money", "value": None, "range": {"min": 10.0, "max": 20.0}, "iso_currency": "USD"}
    cases = [
        {"text": "a quarter", "lang": "en", "expected": [{"kind": "money", "value": 0.25, "iso_currency": "USD"}]},
        {"text": "r", "lang": "en", "expected": [rng]},
        {"text": "s", "lang": "en", "expected": [rng]},
    ]
    r = score_cases(cases, fake)
    assert (r["cases"], r["tp"], r["fp"], r["fn"]) == (2, 2, 0, 0)


def test_suite_currency_label_is_read_as_its_iso_code():
    """Duckling's "PTS" (iso_currency empty) is the peseta: a reading in ESP matches, one in
    another currency does not (it would on value alone)."""
    case = {"text": "15 Ptas", "lang": "es", "expected": [
        {"kind": "money", "value": 15.0, "unit": "PTS", "iso_currency": None}]}
    assert score_cases([case], lambda t, l: [{"kind": "money", "value": 15.0, "unit": "ESP"}])["tp"] == 1
    r = score_cases([case], lambda t, l: [{"kind": "money", "value": 15.0, "unit": "EUR"}])
    assert (r["tp"], r["fp"], r["fn"]) == (0, 1, 1)
    dollar = {"text": "10 dollars", "lang": "es", "expected": [
        {"kind": "money", "value": 10.0, "unit": "Dollar", "iso_currency": None}]}
    assert score_cases([dollar], lambda t, l: [{"kind": "money", "value": 10.0, "unit": "CAD"}])["tp"] == 1


def test_a_predicted_range_matches_by_either_bound():
    """ "7-9 lakh rupees": numcheck reads 700,000–900,000 INR, upstream stores 7–900,000; the
    upper bounds agree. A range whose bounds are both off is still a miss and a spurious."""
    def fake(text, lang):
        return {"hit": [{"kind": "money", "value": 700000.0, "value_max": 900000.0, "unit": "INR"}],
                "off": [{"kind": "money", "value": 70.0, "value_max": 90.0, "unit": "INR"}]}[text]

    rng = {"kind": "money", "value": None, "range": {"min": 7.0, "max": 900000.0}, "iso_currency": "INR"}
    cases = [{"text": "hit", "lang": "en", "expected": [rng]}, {"text": "off", "lang": "en", "expected": [rng]}]
    r = score_cases(cases, fake)
    assert (r["tp"], r["fp"], r["fn"]) == (1, 1, 1)
