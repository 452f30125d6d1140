"""The pipeline's shape (stages import only the stages below them, no circles) and the
language object reaching the judging stage with its region applied."""

import subprocess
import sys
from pathlib import Path

import pytest

import numcheck

ROOT = Path(__file__).resolve().parent.parent


def test_import_graph_has_no_cycle_and_no_upward_import():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import importgraph
    finally:
        sys.path.pop(0)
    g = importgraph.graph()
    assert "numcheck.pipeline" in g and "numcheck.extraction.money" in g  # it read the package
    assert importgraph.problems(g) == []


def test_importgraph_detects_a_circle_and_an_upward_import():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import importgraph
    finally:
        sys.path.pop(0)
    g = {"numcheck.extraction.money": {"numcheck.pairing.claims"}, "numcheck.pairing.claims": {"numcheck.extraction.money"}}
    found = importgraph.problems(g)
    assert any(p.startswith("cycle:") for p in found)
    assert "upward import: numcheck.extraction.money (extraction) imports numcheck.pairing.claims (pairing)" in found


def test_importgraph_script_runs():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "importgraph.py")], capture_output=True, text=True, timeout=60)
    assert "extraction  → language, base" in r.stdout


@pytest.mark.parametrize("lang, text, suggestion", [
    # CLDR de-CH: group "’", decimal "." — "13.114" would read as thirteen point one
    ("de-CH", "CHF 12’234.50 (umgerechnet etwa EUR 5.50)", "≈ EUR 13’114.48"),
    ("de", "CHF 12.234,50 (umgerechnet etwa EUR 5,50)", "≈ EUR 13.114,48"),
])
def test_suggestion_is_written_with_the_regions_separators(lang, text, suggestion):
    r = numcheck.check(text, date="2024-11-19", lang=lang)
    assert [f.suggestion for f in r.findings] == [suggestion]


@pytest.mark.parametrize("toml, message", [
    ("[cuess]\nstrong = []\n", "unknown section [cuess]"),
    ("[cues]\nstong = [\", equivalent to\"]\n", "unknown key cues.stong"),
    ("[numbers]\nhundreds = [\"hundred\"]\n", "unknown key numbers.hundreds"),
    ("[hedges]\naprox = [\"about\"]\n", "unknown key hedges.aprox"),
    ("[regions.ch]\n\"Fr.\" = \"CHF\"\n", "[regions.ch]"),
    ("digit_names = [\"rand\"]\n", "digit_names must be a table"),
    ("digit_names = { rand = \"zar\" }\n", "digit_names.rand must be an ISO code"),
    ("[home_names]\nwords = [\"grand\"]\n", "home_names.words must be a table"),
    ("[home_names]\nwords = { grand = \"3\" }\n", "home_names.words.grand must be a power of ten"),
    ("[home_names]\nword = { grand = 3 }\n", "unknown key home_names.word"),
])
def test_a_misspelt_section_or_key_in_language_data_is_an_error(tmp_path, toml, message):
    from numcheck.errors import InputError
    from numcheck.language import _load_toml, _validate

    path = tmp_path / "xx.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InputError) as e:
        _validate(_load_toml(path), path)
    assert message in str(e.value) and str(path) in str(e.value)


def test_every_shipped_language_loads_with_typed_fields():
    from numcheck.language import available_languages, get_lexicon

    for lang in available_languages():
        lex = get_lexicon(lang)
        assert not hasattr(lex, "extra")
        assert isinstance(lex.either, tuple) and isinstance(lex.not_nouns, frozenset)
    ch = get_lexicon("de-CH")
    assert (ch.decimal, ch.group, ch.region) == (".", "’", "CH")


def test_the_language_object_is_called_language_and_keeps_its_first_name():
    from numcheck.language import Language, Lexicon, get_language, get_lexicon
    from numcheck.lexicon import get_lexicon as old_get

    assert Lexicon is Language
    de_ch = get_language("de-CH")
    assert isinstance(de_ch, Language) and de_ch is get_lexicon("de-CH") is old_get("de-CH")
    assert de_ch.group != get_language("de").group  # the region is applied: 1’234.50
