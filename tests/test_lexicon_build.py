"""The shipped lexicons are what the generator makes from CLDR (so they cannot drift apart
silently), and every language has both halves: generated/<lang>.json and data/<lang>.toml."""

from __future__ import annotations

import pytest

from numcheck.language import available_languages, get_lexicon
from numcheck.language.build import LANGUAGES, OUT, render, scale_words


@pytest.mark.parametrize("lang", LANGUAGES)
def test_generated_file_is_current(lang):
    import json

    import babel

    shipped = (OUT / f"{lang}.json").read_text(encoding="utf-8")
    made_with = json.loads(shipped)["generated_from"]
    if not made_with.endswith(f"babel {babel.__version__}"):
        pytest.skip(f"generated/{lang}.json was made with {made_with}; this is babel {babel.__version__}")
    assert shipped == render(lang), f"generated/{lang}.json is stale: run python -m numcheck.language.build"


def test_generated_files_are_from_the_pinned_babel():
    """The `test` extra pins the babel the shipped files were built with, so CI (which
    installs '.[test]') runs the byte-for-byte comparison above instead of skipping it."""
    import json
    import re
    from pathlib import Path

    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    pins = re.findall(r'"babel==([\d.]+)"', pyproject)
    assert len(pins) == 1, "pyproject.toml's test extra must pin babel==X.Y.Z"
    for lang in LANGUAGES:
        made_with = json.loads((OUT / f"{lang}.json").read_text(encoding="utf-8"))["generated_from"]
        assert made_with.endswith(f"babel {pins[0]}"), f"generated/{lang}.json: {made_with}, pinned babel {pins[0]}"


def test_every_language_has_data():
    assert sorted(LANGUAGES) == available_languages()


@pytest.mark.parametrize("lang,word,power", [
    ("en", "billion", 9), ("sv", "miljard", 9), ("sv", "biljon", 12), ("sv", "md", 9), ("sv", "mn", 6),
    ("de", "Mrd.", 9), ("de", "Mio.", 6), ("de", "billion", 12), ("da", "mia.", 9), ("nb", "mrd.", 9),
    ("fr", "Md", 9), ("fr", "billion", 12), ("es", "mil millones", 9), ("es", "billón", 12),
    ("nl", "mln.", 6), ("nl", "biljoen", 12), ("fi", "miljardia", 9), ("it", "miliardi", 9),
    ("pt", "bilhões", 9),
])
def test_scale_words_from_cldr(lang, word, power):
    from babel import Locale

    assert scale_words(Locale.parse(lang))[word] == power
    assert get_lexicon(lang).scales[word] == power


@pytest.mark.parametrize("lang,group", [("sv", "\u00a0"), ("fr", "\u202f"), ("de", "."), ("de-CH", "’"), ("en", ",")])
def test_separators(lang, group):
    assert get_lexicon(lang).group == group


def test_eras_file_is_current():
    import json

    import babel

    from numcheck.language.build import render_eras

    shipped = (OUT / "eras.json").read_text(encoding="utf-8")
    made_with = json.loads(shipped)["generated_from"]
    if not made_with.endswith(f"babel {babel.__version__}"):
        pytest.skip(f"generated/eras.json was made with {made_with}; this is babel {babel.__version__}")
    assert shipped == render_eras(), "generated/eras.json is stale: run python -m numcheck.language.build"


def test_eras_know_when_and_where_currencies_were_tender():
    import json

    eras = json.loads((OUT / "eras.json").read_text(encoding="utf-8"))
    assert ["FR", "1960-01-01", "2002-02-17"] in eras["retired"]["FRF"]
    assert eras["since"]["XCG"] >= "2025-01-01"  # "guilders" in 1987 are never XCG
    assert "FRF" in eras["langs"]["en"]["heads"]["francs"]
    assert "french" in eras["langs"]["en"]["territories"]["FRF"]
    assert eras["langs"]["de"]["home"] == "DE"
