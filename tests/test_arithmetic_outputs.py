"""Change and share findings (issue 12) through every output: library, kinds selection,
CLI formats, configuration, suppressions, pytest plugin items."""

from __future__ import annotations

import json

import pytest

import numcheck
from numcheck.cli import main
from numcheck.errors import InputError
from numcheck.model import Verdict

WRONG = "Operating profit grew 15% to €690 million from €500 million."
RIGHT_SHARE = "The bank will close 18 of its 60 branches, or 30%."
CONVERSION = "A package worth $275 million, equivalent to approximately 3 billion kronor."


def test_finding_fields_show_the_arithmetic():
    (f,) = numcheck.check(WRONG).findings
    assert (f.kind, f.verdict) == ("change", Verdict.INCONSISTENT)
    assert f.target.text == "15%" and WRONG[f.target.start:f.target.end] == "15%"
    assert f.source.text == "€500 million"  # the base the change is computed from
    assert f.expected == pytest.approx(38.0)
    assert "€690 million / €500 million = +38%, not +15%" in f.message
    assert f.suggestion == "38%"
    assert (f.line, f.column) == (1, WRONG.index("15%") + 1)


def test_diagnosis_names_the_slip():
    msg = numcheck.check("Mortgage rates climbed from 3% to 4.5%, a rise of 1.5%.").findings[0].message
    assert "points stated as percent" in msg
    msg = numcheck.check("Ticket sales rose 200% to 1.8 million from 0.9 million.").findings[0].message
    assert "a doubling is +100%" in msg
    msg = numcheck.check("Sales rose 27.3% to 704 from 512.").findings[0].message
    assert "share of the new figure" in msg


def test_kinds_select_what_is_checked():
    text = f"{WRONG}\n{RIGHT_SHARE}\n{CONVERSION}"
    kinds = lambda k: sorted(f.kind for f in numcheck.check(text, date="2024-11-19", kinds=k).findings)
    assert kinds(None) == ["change", "money", "share"]
    assert kinds("money") == ["money"]
    assert kinds(["change", "share"]) == ["change", "share"]
    assert kinds("share,money") == ["money", "share"]
    with pytest.raises(InputError, match="invalid kind 'percent'"):
        numcheck.check(text, kinds="money,percent")


def test_changes_with_nothing_to_compute_them_from_are_not_claims():
    for text in ("The policy rate went up by half a point to 4.75%.", "Inflation was 1.9%.",
                 "Sales rose 15% in the quarter."):
        assert numcheck.check(text).findings == ()


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(f"---\ndate: 2024-11-19\n---\n{WRONG}\n\n{RIGHT_SHARE}\n", encoding="utf-8")
    return p


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_cli_every_format_carries_the_finding(article, fmt, capsys):
    assert main(["check", str(article), "--format", fmt]) == 1
    out = capsys.readouterr().out
    assert "+38%" in out
    if fmt == "json":
        kinds = [f["kind"] for f in json.loads(out)["files"][0]["findings"]]
        assert kinds == ["change", "share"]
    if fmt == "github":
        assert "title=numcheck%3A inconsistent change::" in out


def test_cli_kinds_flag_and_config_key(article, tmp_path, capsys):
    assert main(["check", str(article), "--kinds", "share"]) == 0
    assert "+38%" not in capsys.readouterr().out
    (tmp_path / "numcheck.toml").write_text('kinds = ["money", "share"]\n', encoding="utf-8")
    assert main(["check", str(article)]) == 0
    assert main(["check", str(article), "--kinds", "change"]) == 1  # the flag wins
    capsys.readouterr()
    (tmp_path / "numcheck.toml").write_text('kinds = ["percent"]\n', encoding="utf-8")
    assert main(["check", str(article)]) == 2
    assert "invalid kind 'percent': expected some of money, unit, change, share" in capsys.readouterr().err


def test_cli_bad_kinds_flag_is_one_line_exit_2(article, capsys):
    assert main(["check", str(article), "--kinds", "money,foo"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["numcheck: error: --kinds: invalid kind 'foo': expected some of money, unit, change, share"]


def test_suppression_covers_a_change(tmp_path):
    from numcheck.batch import check_document
    from numcheck.documents.readers import parse_document

    r = check_document(parse_document(f"<!-- numcheck: ignore checked with finance -->\n{WRONG}\n", "a.md"))
    assert [f.kind for f in r.report.findings] == ["change"]
    assert r.suppressed == {0: "checked with finance"}
    assert r.inconsistent == 0


def test_pytest_plugin_item_fails_on_a_wrong_change(pytester: pytest.Pytester):
    (pytester.path / "content").mkdir()
    (pytester.path / "content" / "q3.md").write_text(f"---\ndate: 2024-11-19\n---\n{WRONG}\n\n{RIGHT_SHARE}\n", encoding="utf-8")
    result = pytester.runpytest("--numcheck", "content", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1, passed=1)
    result.stdout.fnmatch_lines(["*+38%, not +15%*"])


@pytest.mark.parametrize("toml, message", [
    ("[chnage]\nto = [\"to\"]\n", "unknown section [chnage]"),
    ("[change]\nfrmo = [\"from\"]\n", "unknown key change.frmo"),
    ("[multiples]\ndoubled = \"two\"\n", "multiples.'doubled' must be a number > 0"),
])
def test_a_misspelt_arithmetic_data_file_is_an_error(tmp_path, toml, message):
    from numcheck.language.arithmetic import validate
    from numcheck.tomlfile import read_toml

    path = tmp_path / "xx.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InputError) as e:
        validate(read_toml(path), path)
    assert message in str(e.value) and str(path) in str(e.value)


def test_every_language_has_arithmetic_words():
    from numcheck.language import available_languages
    from numcheck.language.arithmetic import get_words

    for lang in available_languages():
        w = get_words(lang)
        assert w.percent and w.points and w.multiples and w.fractions and (w.to or w.to_suffixes), lang
