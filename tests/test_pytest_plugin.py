"""The pytest plugin, run the way a content repository runs it: pytester builds a small tree
(articles + an ordinary test) and runs pytest on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.model import Finding, Mention, Verdict
from numcheck.testing import claim_name, unique_names

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ukraine-aid-2024-11-19.txt"
SEED_FIGURE = "approximately 3 billion kronor"
PLANTED = "approximately 3 million kronor"
# Consistent on 2024-11-19 (10.951 SEK/USD → 3.01 billion); not with 2014's rate (6.46 → 1.78 billion).
CLAIM = "A new package worth at least $275 million, equivalent to approximately 3 billion kronor, was announced.\n"
ORDINARY_TEST = "def test_ordinary():\n    assert 1 + 1 == 2\n"


def front(date: str | None = None, **extra: str) -> str:
    keys = ({"date": date} if date else {}) | extra
    if not keys:
        return ""
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in keys.items()) + "---\n"


def seed_text() -> str:
    text = SEED.read_text(encoding="utf-8")
    assert SEED_FIGURE in text
    return text


@pytest.fixture
def content(pytester: pytest.Pytester):
    """A content repository: the seed article as Markdown (passes), the same article with
    a planted error (fails) and one ordinary test."""
    pytester.makepyfile(test_ordinary=ORDINARY_TEST)
    (pytester.path / "content").mkdir()
    (pytester.path / "content" / "aid.md").write_text(front("2024-11-19") + seed_text(), encoding="utf-8")
    (pytester.path / "content" / "bad.md").write_text(front("2024-11-19") + seed_text().replace(SEED_FIGURE, PLANTED), encoding="utf-8")
    return pytester


def write(pytester: pytest.Pytester, rel: str, text: str) -> Path:
    p = pytester.path / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


# --------------------------------------------------------------------------- activation


def test_inactive_unless_asked_for(content: pytest.Pytester):
    # a fresh process: the plugin is loaded but imports none of numcheck's pipeline
    content.makepyfile(test_lazy="""
        import sys

        def test_pipeline_not_imported():
            assert "numcheck.pytest_plugin" in sys.modules
            heavy = [m for m in ("numcheck.pipeline", "numcheck.extraction.money", "numcheck.conversion.rates", "numcheck.testing") if m in sys.modules]
            assert heavy == []
        """)
    result = content.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
    out = result.stdout.str()
    assert "content/" not in out and "numcheck: files" not in out


def test_ordinary_tests_are_collected_the_same_when_active(content: pytest.Pytester):
    def collected(*args: str) -> list[str]:
        out = content.runpytest("--collect-only", "-q", "-p", "no:cacheprovider", *args).stdout.lines
        return [line for line in out if "::" in line]

    plain = collected()
    active = collected("--numcheck")
    assert plain == ["test_ordinary.py::test_ordinary"]
    assert [i for i in active if i.startswith("test_")] == plain
    assert sorted(i for i in active if i.startswith("content/")) == ["content/aid.md::usd-275m-to-sek", "content/bad.md::usd-275m-to-sek"]


def test_ini_numcheck_paths_turns_it_on_for_those_globs(content: pytest.Pytester):
    content.makepyprojecttoml('[tool.pytest.ini_options]\nnumcheck_paths = ["content/*.md"]\n')
    write(content, "notes/draft.txt", CLAIM.replace("3 billion", "3 million"))
    write(content, "content/other.txt", CLAIM.replace("3 billion", "3 million"))
    result = content.runpytest("-p", "no:cacheprovider", "--numcheck-date", "2024-11-19")
    result.assert_outcomes(passed=2, failed=1)  # aid.md, the ordinary test; bad.md
    assert "draft.txt" not in result.stdout.str() and "other.txt" not in result.stdout.str()


def test_help_lists_the_options_in_their_own_group(pytester: pytest.Pytester):
    out = pytester.runpytest("--help").stdout.str()
    group = out[out.index("numcheck: check the conversions"):]
    for opt in ("--numcheck ", "--numcheck-date", "--numcheck-lang", "--numcheck-tolerance", "--numcheck-strict"):
        assert opt in group.split("\n\n")[0], opt
    for ini in ("numcheck_paths", "numcheck_date", "numcheck_lang", "numcheck_tolerance", "numcheck_strict", "numcheck_empty_files"):
        assert ini in out, ini


# --------------------------------------------------------------------------- the seed and a planted error


def test_seed_passes_and_planted_error_fails_with_an_editors_report(content: pytest.Pytester):
    result = content.runpytest("-p", "no:cacheprovider", "--numcheck", "-v")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["content/aid.md::usd-275m-to-sek PASSED*", "content/bad.md::usd-275m-to-sek FAILED*"])
    line = 3 + seed_text().splitlines().index(next(x for x in seed_text().splitlines() if SEED_FIGURE in x)) + 1
    col = next(x for x in seed_text().splitlines() if SEED_FIGURE in x).index("3 billion kronor") + 1
    result.stdout.fnmatch_lines([
        f"content/bad.md:{line}:{col}: inconsistent: $275 million → 3 million kronor",
        "*equivalent to approximately »3 million kronor«, from the US and the Pentagon.",
        "  stated:*approximately 3 million SEK*",
        "  expected:*3.01 billion SEK*from $275 million*",
        "  rate:*1 USD = 10.951 SEK*(ECB, 2024-11-19)",
        "  date:*2024-11-19 (front matter)",
        "  tolerance:*±13%*",
        "  suggestion:*≈ 3 billion kronor",
    ])
    out = result.stdout.str()
    assert "Traceback" not in out and "pytest_plugin.py" not in out and "def runtest" not in out


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "header, args, outcome, date_line",
    [
        (front("2024-11-19"), [], "passed", None),
        (front("2014-01-15"), [], "failed", "2014-01-15 (front matter)"),
        # front matter wins over the option: the article knows its own date
        (front("2014-01-15"), ["--numcheck-date", "2024-11-19"], "failed", "2014-01-15 (front matter)"),
        ("", ["--numcheck-date", "2024-11-19"], "passed", None),
        ("", ["--numcheck-date", "2014-01-15"], "failed", "2014-01-15 (--numcheck-date)"),
        (front("2014-01-15 09:30:00", title="'A datetime'"), [], "failed", "2014-01-15 (front matter)"),
    ],
)
def test_article_date(pytester: pytest.Pytester, header, args, outcome, date_line):
    write(pytester, "content/a.md", header + CLAIM)
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck", *args)
    result.assert_outcomes(**{outcome: 1})
    if date_line:
        result.stdout.fnmatch_lines([f"  date:*{date_line}"])


def test_ini_date_and_the_report_says_where_it_came_from(pytester: pytest.Pytester):
    pytester.makeini("[pytest]\nnumcheck_paths = *.md\nnumcheck_date = 2014-01-15\n")
    write(pytester, "a.md", CLAIM)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["  date:*2014-01-15 (ini numcheck_date)"])


def test_without_any_date_the_latest_rates_are_named(pytester: pytest.Pytester):
    write(pytester, "a.md", "It cost $1 million (about 40 million euros).\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["  date:*none given: used the latest rates (ECB, ????-??-??)"])


@pytest.mark.parametrize(
    "args, message",
    [
        (["--numcheck-date", "19/11/2024"], "numcheck: --numcheck-date: invalid date '19/11/2024': expected YYYY-MM-DD or a year (YYYY)"),
        (["--numcheck-tolerance", "5"], "numcheck: --numcheck-tolerance: invalid tolerance '5'*"),
    ],
)
def test_bad_option_is_one_usage_line(pytester: pytest.Pytester, args, message):
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck", *args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"ERROR: {message}"])
    assert "Traceback" not in result.stderr.str()


def test_bad_front_matter_is_one_line_naming_the_file(pytester: pytest.Pytester):
    write(pytester, "content/a.md", "---\ndate: 19 November 2024\n---\n" + CLAIM)
    write(pytester, "content/b.md", front("2024-11-19") + CLAIM)
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck")
    result.assert_outcomes(passed=1, failed=1)  # the other files are still checked
    result.stdout.fnmatch_lines(["content/a.md: front matter: invalid date '19 November 2024': expected YYYY-MM-DD or a year (YYYY)",
                                 "FAILED content/a.md::input-error*"])
    assert "Traceback" not in result.stdout.str()


def test_language_option_applies_to_files_without_front_matter_lang(pytester: pytest.Pytester):
    write(pytester, "a.md", front("2024-11-19") + CLAIM)
    write(pytester, "b.md", front("2024-11-19", language="en-GB") + CLAIM)
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck", "--numcheck-lang", "xx")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["a.md: unsupported language 'xx'*", "FAILED a.md::input-error*"])


def test_front_matter_language_overrides_the_option(pytester: pytest.Pytester):
    # "xx" is no language numcheck knows: the error proves the front matter was read
    write(pytester, "a.md", front("2024-11-19", lang="xx") + CLAIM)
    write(pytester, "b.md", front("2024-11-19") + CLAIM)
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck", "--numcheck-lang", "en-GB")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["a.md: unsupported language 'xx'*"])


# --------------------------------------------------------------------------- suppressions


def test_ignore_comment_makes_the_claim_xfail_with_the_editors_reason(pytester: pytest.Pytester):
    bad = CLAIM.replace("3 billion", "3 million")
    text = front("2024-11-19") + "<!-- numcheck: ignore the desk used the bank's rate -->\n" + bad + "\n" + bad
    write(pytester, "a.md", text)
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck", "-ra")
    result.assert_outcomes(xfailed=1, failed=1)  # an ignore covers only the next claim
    result.stdout.fnmatch_lines(["XFAIL a.md::usd-275m-to-sek - *numcheck: ignore: the desk used the bank's rate (inconsistent)"])
    result.stdout.fnmatch_lines(["FAILED a.md::usd-275m-to-sek-2*"])


def test_off_on_region_and_a_stale_ignore(pytester: pytest.Pytester):
    bad = CLAIM.replace("3 billion", "3 million")
    text = (front("2024-11-19") + "<!-- numcheck: off quoted from the 1990s report -->\n" + bad + bad
            + "<!-- numcheck: on -->\n<!-- numcheck: ignore -->\n" + CLAIM)
    write(pytester, "a.md", text)
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck", "-ra")
    # the ignored claim holds: XPASS tells the editor the comment can go
    result.assert_outcomes(xfailed=2, xpassed=1)
    result.stdout.fnmatch_lines(["XFAIL*numcheck: ignore: quoted from the 1990s report (inconsistent)"])


# --------------------------------------------------------------------------- strict mode


UNVERIFIABLE = "The fund got $5 million (about 450 million rubles) last year.\n"


@pytest.mark.parametrize(
    "ini, args, outcome",
    [
        ("", [], {"skipped": 1}),
        ("", ["--numcheck-strict"], {"failed": 1}),
        ("numcheck_strict = true\n", [], {"failed": 1}),
    ],
)
def test_strict_mode_fails_what_cannot_be_checked(pytester: pytest.Pytester, ini, args, outcome):
    pytester.makeini("[pytest]\nnumcheck_paths = *.md\n" + ini)
    write(pytester, "a.md", front("2024-11-19") + "Intro.\n\n" + UNVERIFIABLE)
    result = pytester.runpytest("-p", "no:cacheprovider", "-rs", *args)
    result.assert_outcomes(**outcome)
    if "skipped" in outcome:
        # reported at the claim's line, with the reason
        result.stdout.fnmatch_lines(["SKIPPED ?1? a.md:6: unverifiable: *the ECB has not quoted RUB since 2022-03-01*date: 2024-11-19 (front matter)?"])
    else:
        result.stdout.fnmatch_lines(["a.md:6:*: unverifiable: $5 million → 450 million rubles", "*»450 million rubles«*"])


def test_ambiguous_is_skipped_with_its_reason(pytester: pytest.Pytester):
    write(pytester, "a.md", front("2024-11-19") + "The deal was worth $3 billion, equivalent to about €2.6 billion.\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck", "-rs")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["SKIPPED*ambiguous: *holds only if “$3 billion” is itself rounded*"])


# --------------------------------------------------------------------------- files and names


def test_files_without_claims_yield_no_item_unless_asked(pytester: pytest.Pytester):
    write(pytester, "content/plain.md", "No figures here, only words.\n")
    write(pytester, "content/a.html", "<p>" + front() + CLAIM + "</p>\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck", "--numcheck-date", "2024-11-19", "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["content/a.html::usd-275m-to-sek PASSED*"])
    pytester.makeini("[pytest]\nnumcheck_empty_files = item\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck", "--numcheck-date", "2024-11-19", "-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["content/plain.md::no-claims PASSED*"])


def test_bad_empty_files_mode_is_a_usage_error(pytester: pytest.Pytester):
    pytester.makeini("[pytest]\nnumcheck_empty_files = always\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: numcheck: ini numcheck_empty_files: expected one of none, item, got 'always'"])


def _mention(text: str, value: float, unit: str, value_max: float | None = None) -> Mention:
    return Mention(text=text, start=0, end=len(text), value=value, unit=unit, value_max=value_max, unit_text=text)


@pytest.mark.parametrize(
    "source, target, name",
    [
        (_mention("$275 million", 275e6, "USD"), _mention("3 billion kronor", 3e9, "SEK"), "usd-275m-to-sek"),
        (_mention("€1.5bn", 1.5e9, "EUR"), _mention("$1.6bn", 1.6e9, "USD"), "eur-1.5bn-to-usd"),
        (_mention("$2–3 million", 2e6, "USD", 3e6), _mention("£1.6m", 1.6e6, "GBP"), "usd-2m-3m-to-gbp"),
        (_mention("£750,000", 750_000, "GBP"), _mention("$950,000", 950_000, "USD"), "gbp-750k-to-usd"),
        (_mention("$2.5 trillion", 2.5e12, "USD"), _mention("€2.3 trillion", 2.3e12, "EUR"), "usd-2.5tn-to-eur"),
        (_mention("10 miles", 10, "mile"), _mention("16 km", 16, "kilometer"), "mile-10-to-kilometer"),
    ],
)
def test_claim_names(source, target, name):
    f = Finding("money", Verdict.CONSISTENT, source, target, None, None, None, None, None, "")
    assert claim_name(f) == name


def test_names_are_unique_within_a_file():
    assert unique_names(["a", "b", "a", "a", "a-2"]) == ["a", "b", "a-2", "a-3", "a-2-2"]


# --------------------------------------------------------------------------- the fixture


def test_fixture_check_and_assert_consistent(pytester: pytest.Pytester):
    pytester.makepyfile(
        test_copy=f'''
        SEED_SENTENCE = {CLAIM!r}

        def test_check(numcheck):
            report = numcheck.check(SEED_SENTENCE, date="2024-11-19")
            assert [f.verdict.value for f in report.findings] == ["consistent"]

        def test_consistent(numcheck):
            numcheck.assert_consistent(SEED_SENTENCE, date="2024-11-19")

        def test_planted_error(numcheck):
            numcheck.assert_consistent(SEED_SENTENCE.replace("3 billion", "3 million"), date="2024-11-19")

        def test_ignored_in_text(numcheck):
            numcheck.assert_consistent("<!-- numcheck: ignore -->" + SEED_SENTENCE.replace("3 billion", "3 million"), date="2024-11-19")

        def test_unverifiable_strict(numcheck):
            numcheck.assert_consistent({UNVERIFIABLE!r}, date="2024-11-19")
            numcheck.assert_consistent({UNVERIFIABLE!r}, date="2024-11-19", strict=True)
        '''
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=2)
    result.stdout.fnmatch_lines([
        "E*AssertionError: numcheck: 1 stated conversion does not hold",
        "E*<text>:1:*: inconsistent: $275 million → 3 million kronor",
        "E*equivalent to approximately »3 million kronor«, was announced.",
        "E*rate:*1 USD = 10.951 SEK*(ECB, 2024-11-19)",
        "E*date:*2024-11-19 (given as date=)",
        "E*suggestion:*≈ 3 billion kronor",
        "E*assert not (<inconsistent usd-275m-to-sek at 1:*>,)",
    ])
    result.stdout.fnmatch_lines(["E*<text>:1:*: unverifiable: $5 million → 450 million rubles"])
    out = result.stdout.str()
    assert "numcheck/testing.py" not in out and "batch.py" not in out  # the helper's frames are hidden


def test_fixture_takes_the_session_defaults(pytester: pytest.Pytester):
    pytester.makepyfile(
        test_copy=f'''
        def test_uses_option_date(numcheck):
            numcheck.assert_consistent({CLAIM!r})
        '''
    )
    pytester.runpytest("-p", "no:cacheprovider", "--numcheck-date", "2024-11-19").assert_outcomes(passed=1)
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck-date", "2014-01-15")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["E*date:*2014-01-15 (session default)"])


# --------------------------------------------------------------------------- pytest-xdist


RATE_LOAD_LOGGER = '''
import os
from numcheck.conversion.rates import ecb

_original = ecb.ECBHistory.load.__func__  # every load, from the file or the parsed cache

def _logged(cls, path):
    with open(os.environ["NUMCHECK_LOAD_LOG"], "a") as log:
        log.write(f"{os.getpid()}\\n")
    return _original(cls, path)

ecb.ECBHistory.load = classmethod(_logged)
'''


@pytest.mark.parametrize("workers", [None, "2"])
def test_rates_are_loaded_once_per_process(content: pytest.Pytester, monkeypatch, workers):
    pytest.importorskip("xdist")
    for i in range(6):
        write(content, f"content/more/a{i}.md", front("2024-11-19") + CLAIM + "\n" + CLAIM.replace("$275", "$27.5").replace("3 billion", "300 million"))
    content.makeconftest(RATE_LOAD_LOGGER)
    log = content.path / "loads.log"
    monkeypatch.setenv("NUMCHECK_LOAD_LOG", str(log))
    args = ["-p", "no:cacheprovider", "--numcheck"] + (["-n", workers] if workers else [])
    result = content.runpytest_subprocess(*args)
    result.assert_outcomes(passed=1 + 1 + 12, failed=1)  # ordinary, aid.md, 6×2 claims; bad.md
    result.stdout.fnmatch_lines(["content/bad.md:*: inconsistent: $275 million → 3 million kronor", "  suggestion:*≈ 3 billion kronor"])
    pids = log.read_text().split()
    assert len(pids) == len(set(pids)), f"a process loaded the rates more than once: {pids}"
    assert len(pids) == (int(workers) if workers else 1)


def test_doctest_text_files_keep_their_items(pytester: pytest.Pytester):
    # pytest's doctest plugin collects test*.txt too: both sets of items exist side by side
    write(pytester, "test_notes.txt", CLAIM + "\n>>> 1 + 1\n2\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "--numcheck", "--numcheck-date", "2024-11-19", "-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["test_notes.txt::usd-275m-to-sek PASSED*", "test_notes.txt::test_notes.txt PASSED*"])
