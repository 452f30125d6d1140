"""The unit data files agree with pint, and one surface never means two things in a language."""

from __future__ import annotations

import pytest

from numcheck.conversion import units as convert
from numcheck.language.units import DATA, NEUTRAL, common, get_vocabulary

LANGS = sorted(p.stem for p in DATA.glob("*.toml") if p.stem not in ("common", "peers"))

#: numcheck's dimension names → a pint unit of that dimension.
REFERENCE = {
    "length": "meter", "area": "meter ** 2", "volume": "meter ** 3", "mass": "kilogram",
    "temperature": "kelvin", "speed": "meter / second", "energy": "joule", "power": "watt",
    "pressure": "pascal", "fuel_economy": "meter / meter ** 3", "fuel_consumption": "meter ** 3 / meter",
}


@pytest.mark.parametrize("unit,spec", sorted(common()["units"].items()))
def test_every_unit_is_a_pint_unit_of_its_dimension(unit, spec):
    ureg = convert.registry()
    assert ureg.Quantity(1, unit).dimensionality == ureg.Quantity(1, REFERENCE[spec["dim"]]).dimensionality, unit


@pytest.mark.parametrize("lang", LANGS)
def test_language_files_load_and_name_known_units(lang):
    v = get_vocabulary(lang)
    units = common()["units"]
    for word, cands in v.words.items():
        assert cands and all(c in units for c in cands), (lang, word)
        assert len(set(cands)) == len(cands), (lang, word)


@pytest.mark.parametrize("lang", LANGS)
def test_no_word_is_also_a_symbol_of_another_unit(lang):
    v = get_vocabulary(lang)
    for s, u in v.symbols.items():
        if s.lower() in v.words:
            assert set(u) <= set(v.words[s.lower()]) or s.lower() in v.guarded, (lang, s)


def test_neutral_vocabulary_has_symbols_only():
    v = get_vocabulary(NEUTRAL)
    assert v.words == {} and "km" in v.symbols


def test_reciprocal_conversion_constant():
    k, offset, label = convert.conversion("mile_per_gallon", "liter_per_100_kilometer", reciprocal=True)
    assert k == pytest.approx(235.215, rel=1e-4) and offset == 0 and "÷" in label


@pytest.mark.parametrize(
    "a,b,difference,factor,offset",
    [
        ("mile", "kilometer", False, 1.609344, 0.0),
        ("degree_Fahrenheit", "degree_Celsius", False, 5 / 9, -160 / 9),
        ("degree_Celsius", "degree_Fahrenheit", True, 1.8, 0.0),
        ("scandinavian_mile", "kilometer", False, 10.0, 0.0),
        ("short_ton", "metric_ton", False, 0.90718474, 0.0),
        ("acre", "hectare", False, 0.404687, 0.0),  # pint: the US survey acre
    ],
)
def test_conversions_come_from_pint(a, b, difference, factor, offset):
    f, o, _ = convert.conversion(a, b, difference)
    assert f == pytest.approx(factor, rel=1e-6) and o == pytest.approx(offset, abs=1e-9)


def test_bad_unit_data_is_one_clear_error(tmp_path, monkeypatch):
    from numcheck.errors import InputError
    from numcheck.language import units as vocab

    (tmp_path / "common.toml").write_text((vocab.DATA / "common.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "xx.toml").write_text('[names]\nfurlong = ["furlong", "furlongs"]\n', encoding="utf-8")
    (tmp_path / "yy.toml").write_text('[names\nkilometer = ["km"]\n', encoding="utf-8")
    monkeypatch.setattr(vocab, "DATA", tmp_path)
    vocab.get_vocabulary.cache_clear()
    vocab.common.cache_clear()
    try:
        with pytest.raises(InputError, match=r"xx\.toml: \[names\] 'furlong' is not a unit"):
            vocab.get_vocabulary("xx")
        with pytest.raises(InputError, match=r"yy\.toml: invalid unit data"):
            vocab.get_vocabulary("yy")
    finally:
        vocab.get_vocabulary.cache_clear()
        vocab.common.cache_clear()


def test_peerscore_reports_a_missing_file_in_one_line(capsys, tmp_path):
    from bench.units_peerscore import main

    assert main([str(tmp_path / "nope.jsonl")]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope.jsonl" in err[0] and "cannot read" in err[0]


def test_peerscore_scores_a_small_file(tmp_path):
    import json

    from bench.units_peerscore import score_file

    cases = [
        {"id": "t-1", "text": "a 10-mile walk", "lang": "en",
         "expected": [{"text": "10-mile", "start": 2, "end": 9, "value": 10.0, "unit": "Mile", "kind": "quantity"}]},
        {"id": "t-2", "text": "0.002 kg", "lang": "en",
         "expected": [{"text": "0.002 kg", "start": 0, "end": 8, "value": 2.0, "unit": "Gram", "kind": "quantity"}]},
        {"id": "t-3", "text": "page 10 and 5 km", "lang": "en", "expected": []},
        {"id": "t-4", "text": "it was 5 miles", "lang": "en",
         "expected": [{"text": "5 miles", "start": 7, "end": 14, "value": 5.0, "unit": "Kilometer", "kind": "quantity"}]},
    ]
    path = tmp_path / "duckling-distance-xx.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in cases), encoding="utf-8")
    r = score_file(path)
    assert (r["tp"], r["fp"], r["fn"], r["cases"]) == (2, 2, 1, 4)
    assert r["precision"] == pytest.approx(0.5) and r["recall"] == pytest.approx(2 / 3)
