"""Everyday use as a linter (issue 17): each point run as a user runs it — the command in a
subprocess, or pytest through pytester — on a small content repository built per test."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import numcheck

pytest_plugins = ["pytester"]

DAY = "2024-11-19"
GOOD = "On Tuesday a package worth $275 million, equivalent to approximately 3 billion kronor, was announced.\n"
BAD = "On Tuesday a package worth $275 million, equivalent to approximately 3 million kronor, was announced.\n"
# consistent at a house rate of 12 SEK/USD, inconsistent at the ECB's 10.951
HOUSE = "The fund holds $123.4 million (about 1.48 billion kronor).\n"
HOUSE_CSV = "date,base,quote,rate,note\n2024-11-19,USD,SEK,12.0,agreed\n"


def run(*args: str, cwd: Path, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    e = {k: v for k, v in os.environ.items() if not k.startswith("NUMCHECK_") or k in ("NUMCHECK_DATA_DIR", "NUMCHECK_CACHE_DIR")}
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "numcheck", *args], cwd=cwd, input=stdin, capture_output=True,
                          text=True, env=e, timeout=120)


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def front(text: str, day: str = DAY, lang: str | None = None) -> str:
    extra = f"lang: {lang}\n" if lang else ""
    return f"---\ndate: {day}\n{extra}---\n{text}"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A content repository: house rates in pyproject, drafts to skip."""
    write(tmp_path / "pyproject.toml", '[tool.numcheck]\nrates = ["table:rates/house.csv", "ecb"]\nexclude = ["drafts/"]\n'
          '[tool.pytest.ini_options]\nnumcheck_paths = ["content/*.md"]\n')
    write(tmp_path / "rates" / "house.csv", HOUSE_CSV)
    write(tmp_path / "content" / "house.md", front(HOUSE))
    write(tmp_path / "content" / "drafts" / "bad.md", front(BAD))
    return tmp_path


# -- 1. one configuration -------------------------------------------------------------------


def test_config_prints_resolved_values_and_origins(repo):
    r = run("config", "--format", "json", cwd=repo, env={"NUMCHECK_TOLERANCE": "0.05"})
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)["settings"]
    assert s["rates"]["value"][0].endswith("rates/house.csv") and "pyproject.toml" in s["rates"]["origin"]
    assert s["tolerance"] == {"value": 0.05, "origin": "env NUMCHECK_TOLERANCE", "env": "NUMCHECK_TOLERANCE"}
    assert s["jobs"]["origin"] == "default"
    text = run("config", cwd=repo, env={"NUMCHECK_JOBS": "2"}).stdout
    assert "jobs              = 2  # env NUMCHECK_JOBS" in text


def test_flags_beat_environment_beat_file(repo):
    # the file's house table makes the claim consistent; the env and then a flag change the providers
    assert run("check", "content", cwd=repo).returncode == 0
    assert run("check", "content", cwd=repo, env={"NUMCHECK_RATES": "ecb"}).returncode == 1
    assert run("check", "content", "--rates", "table:rates/house.csv", cwd=repo, env={"NUMCHECK_RATES": "ecb"}).returncode == 0
    bad = run("check", "content", cwd=repo, env={"NUMCHECK_JOBS": "zero"})
    assert bad.returncode == 2 and bad.stderr.strip().count("\n") == 0 and "NUMCHECK_JOBS" in bad.stderr


def test_pytest_plugin_uses_the_house_rate_table(repo, pytester):
    for p in repo.iterdir():
        dest = pytester.path / p.name
        shutil.copytree(p, dest) if p.is_dir() else shutil.copy(p, dest)
    result = pytester.runpytest("-p", "no:cacheprovider", "-rs")
    result.assert_outcomes(passed=1)  # the house rate, as the CLI uses it; drafts/ not collected by the globs
    help_text = pytester.runpytest("-p", "no:cacheprovider", "--help").stdout.str()
    assert "--numcheck-rates" in help_text


def test_library_file_api_reads_the_configuration(repo):
    report = numcheck.check_file(repo / "content" / "house.md")
    assert [f.verdict.value for f in report.findings] == ["consistent"]
    assert report.findings[0].rate.provider.startswith("table:")
    assert numcheck.check_file(repo / "content" / "house.md", rates="ecb").findings[0].verdict.value == "inconsistent"


def test_currency_hint_flag_and_config_key(tmp_path):
    write(tmp_path / "a.txt", front("The team raised $10 million (about 7.2 million euros).\n"))
    plain = json.loads(run("check", "a.txt", "--format", "json", cwd=tmp_path).stdout)
    hinted = json.loads(run("check", "a.txt", "--format", "json", "--currency-hint", "$=CAD", cwd=tmp_path).stdout)
    assert plain["files"][0]["findings"][0]["source"]["unit"] == "USD"
    assert hinted["files"][0]["findings"][0]["source"]["unit"] == "CAD"
    write(tmp_path / "numcheck.toml", 'currency_hints = {"$" = "CAD"}\n')
    again = json.loads(run("check", "a.txt", "--format", "json", cwd=tmp_path).stdout)
    assert again["files"][0]["findings"][0]["source"]["unit"] == "CAD"


# -- 2. output like ruff/eslint --------------------------------------------------------------


def test_clean_archive_prints_one_summary_line(tmp_path):
    for i in range(300):
        write(tmp_path / "site" / f"a{i:03}.md", front(GOOD))
    r = run("check", "site", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.splitlines() == ["total: 300 files, 300 claims: 300 consistent"]


def test_problems_only_show_all_quiet_statistics_exit_zero(tmp_path):
    write(tmp_path / "good.md", front(GOOD))
    write(tmp_path / "bad.md", front(BAD))
    r = run("check", ".", cwd=tmp_path)
    assert r.returncode == 1
    assert "inconsistent:" in r.stdout and "consistent: stated" not in r.stdout.replace("inconsistent:", "")
    assert r.stdout.splitlines()[-1] == "total: 2 files, 2 claims: 1 consistent, 1 inconsistent"
    every = run("check", ".", "--show-all", cwd=tmp_path).stdout
    assert "good.md:4:" in every and "good.md: 1 claim: 1 consistent" in every
    assert run("check", ".", "--verbose", cwd=tmp_path).stdout == every
    quiet = run("check", ".", "--quiet", cwd=tmp_path)
    assert quiet.stdout.splitlines() == ["total: 2 files, 2 claims: 1 consistent, 1 inconsistent"] and quiet.returncode == 1
    stats = run("check", ".", "--statistics", cwd=tmp_path).stdout.splitlines()
    assert stats[0].split() == ["1", "inconsistent", "money"]
    assert run("check", ".", "--exit-zero", cwd=tmp_path).returncode == 0
    shown = run("check", ".", "--severity", "consistent=warning", cwd=tmp_path).stdout
    assert "good.md:4:" in shown  # --severity applies to text too


# -- 3. files as users name them -------------------------------------------------------------


@pytest.mark.parametrize("pattern", ["drafts", "drafts/", "content/drafts"])
def test_exclude_a_folder_as_gitignore_does(repo, pattern):
    r = run("check", "content", "--exclude", pattern, "--rates", "ecb", "--show-all", cwd=repo)
    assert "drafts" not in r.stdout and "house.md" in r.stdout


def test_stdin_with_a_filename_is_read_as_that_format(tmp_path):
    md = front("```\n$1 million (about 5 kronor)\n```\n\n" + BAD)
    r = run("check", "-", "--stdin-filename", "story.md", cwd=tmp_path, stdin=md)
    assert r.returncode == 1
    assert r.stdout.startswith("story.md:8:") and "1 claim" in r.stdout  # the fenced code is not read; front matter is
    assert run("check", "--stdin-filename", "x.md", "a.md", cwd=tmp_path).returncode == 2


def test_extract_takes_directories(tmp_path):
    write(tmp_path / "c" / "a.md", GOOD)
    write(tmp_path / "c" / "sub" / "b.html", "<p>It cost €5 million.</p>")
    r = run("extract", "c", "--format", "text", cwd=tmp_path)
    assert r.returncode == 0
    assert "c/a.md:1:" in r.stdout and "c/sub/b.html:1:" in r.stdout


def test_missing_file_is_one_error_line_and_nothing_on_stdout(tmp_path):
    r = run("check", "nope.md", cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == "" and r.stderr == "numcheck: error: nope.md: no such file\n"


def test_invalid_lang_is_one_error_for_the_run(tmp_path):
    for n in "abc":
        write(tmp_path / f"{n}.md", GOOD)
    r = run("check", ".", "--lang", "xx", cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == "" and r.stderr.count("\n") == 1 and "unsupported language 'xx'" in r.stderr


# -- 4. the file API -------------------------------------------------------------------------


def test_check_file_and_check_document_positions(tmp_path):
    src = front("# Aid\n\nA package worth **$275 million**, equivalent to about *3 million kronor*.\n")
    p = write(tmp_path / "a.md", src)
    f = numcheck.check_file(p).findings[0]
    assert src[f.offset:f.end_offset] == "3 million kronor"
    lines = src.split("\n")
    assert lines[f.line - 1][f.column - 1:f.end_column - 1] == "3 million kronor" and f.end_line == f.line
    g = numcheck.check_document(src, format="markdown").findings[0]
    assert (g.line, g.column, g.end_offset) == (f.line, f.column, f.end_offset)
    d = json.loads(run("check", "a.md", "--format", "json", cwd=tmp_path).stdout)["files"][0]["findings"][0]
    assert (d["end_line"], d["end_column"], d["offset"], d["end_offset"]) == (f.end_line, f.end_column, f.offset, f.end_offset)
    ignored = numcheck.check_document(src.replace("kronor*.", "kronor*. <!-- numcheck: ignore agreed -->"))
    assert ignored.findings[0].suppressed == "agreed" and ignored.ok
    with pytest.raises(numcheck.InputError, match="no such file"):
        numcheck.check_file(tmp_path / "missing.md")


# -- 5. fixes --------------------------------------------------------------------------------


def test_fix_and_diff(tmp_path):
    other = "Unrelated: it rained 10 mm.\n"
    p = write(tmp_path / "a.md", front("**Aid.** " + BAD + other + "Also $10 million (about 9 billion kronor) <!-- numcheck: ignore -->\n"))
    before = p.read_text()
    d = run("check", "a.md", "--diff", cwd=tmp_path)
    assert d.returncode == 1 and p.read_text() == before
    assert "-**Aid.** On Tuesday" in d.stdout and "approximately 3 billion kronor" in d.stdout
    changed = [x for x in d.stdout.splitlines() if x[:1] in "+-" and not x.startswith(("+++", "---"))]
    assert len(changed) == 2  # one line out, one in: the suppressed claim is left alone
    r = run("check", "a.md", "--fix", cwd=tmp_path)
    after = p.read_text()
    assert r.returncode == 0, r.stdout + r.stderr
    assert after == before.replace("approximately 3 million kronor", "approximately 3 billion kronor")
    assert "fixed 1 finding in 1 file" in r.stderr
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".numcheck-fix")]


def test_sarif_fixes_and_help_uri(tmp_path):
    write(tmp_path / "a.md", front(BAD))
    doc = json.loads(run("check", "a.md", "--format", "sarif", cwd=tmp_path).stdout)
    drv = doc["runs"][0]["tool"]["driver"]
    assert drv["informationUri"].startswith("https://")
    assert all(rule["helpUri"].startswith(drv["informationUri"]) for rule in drv["rules"])
    fix = doc["runs"][0]["results"][0]["fixes"][0]
    rep = fix["artifactChanges"][0]["replacements"][0]
    assert rep["insertedContent"]["text"] == "3 billion kronor" and rep["deletedRegion"]["startLine"] == 4


def test_pytest_failure_shows_the_diff(pytester):
    pytester.makeini("[pytest]\nnumcheck_paths = *.md\n")
    pytester.path.joinpath("bad.md").write_text(front(BAD), encoding="utf-8")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*fix:*numcheck check --fix bad.md*", "*- On Tuesday*3 million kronor*",
                                 "*+ On Tuesday*3 billion kronor*"])


# -- 6. messages in the article's language ----------------------------------------------------


def test_swedish_article_gets_swedish_message_and_number_style(tmp_path):
    write(tmp_path / "a.md", front("Det kostar 4 100 euro, motsvarande ungefär 475 000 kronor.\n", lang="sv"))
    r = run("check", "a.md", cwd=tmp_path)
    line = r.stdout.splitlines()[0]
    assert "angivet ungefär 475\u00a0000 kr" in line and "11,584 SEK/EUR" in line and "blir 47\u00a0500 kr" in line
    assert "skalmiss" in line and "förslag: ”≈ 47\u00a0500 kronor”" in line
    assert "47\u00a0494" not in line and "47,494" not in line
    en = run("check", "a.md", "--messages", "en", cwd=tmp_path).stdout
    assert "stated ungefär 475,000 SEK" in en


@pytest.mark.parametrize("lang, text, word", [
    ("de", "Die Hilfe beträgt 1,5 Mrd. Euro (umgerechnet etwa 16 Mrd. Dollar).", "Größenordnungsfehler"),
    ("fr", "L'aide atteint 275 millions de dollars, soit environ 26 millions d'euros.", "erreur d'échelle"),
    ("nb", "Pakken er verdt 275 millioner dollar, tilsvarende rundt 30 milliarder kroner.", "skalafeil"),
])
def test_templates_per_language(lang, text, word):
    f = numcheck.check_document(text, format="text", lang=lang, date=DAY).findings[0]
    assert f.verdict.value == "inconsistent" and word in f.message, f.message


def test_every_language_template_file_renders_every_verdict():
    from numcheck.language.messages import Num, languages, render, template

    en = set(__import__("numcheck.language.messages", fromlist=["templates"]).templates("en")["templates"])
    for lang in languages():
        for key in en:
            assert template(key, lang)
        assert render("too_small", {"times": Num(1004, kind="times")}, lang)
    assert {"sv", "nb", "da", "fi", "de", "fr", "es", "nl", "it", "pt"} <= set(languages())


def test_unit_failure_never_mentions_rate_drift(pytester):
    pytester.makeini("[pytest]\nnumcheck_paths = *.md\n")
    pytester.path.joinpath("u.md").write_text("The fire burned along a 10-mile (26 km) stretch.\n", encoding="utf-8")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    assert "rate drift" not in result.stdout.str()


def test_factor_ten_is_named_a_scale_slip_before_another_currency():
    f = numcheck.check("€100 (about 115 kronor)", date=DAY).findings[0]
    assert "scale slip" in f.message and "conversion from" not in f.message and "conversion into" not in f.message


# -- 7. suppressions -------------------------------------------------------------------------


def test_trailing_ignore_silences_its_own_line_only(tmp_path):
    write(tmp_path / "a.md", front(BAD.rstrip("\n") + " <!-- numcheck: ignore checked with the desk -->\n\n" + BAD))
    r = run("check", "a.md", "--format", "json", cwd=tmp_path)
    fs = json.loads(r.stdout)["files"][0]["findings"]
    assert [f["suppressed"] for f in fs] == ["checked with the desk", None]
    assert r.returncode == 1


def test_report_unused_ignores_and_strict(tmp_path):
    write(tmp_path / "a.md", front("<!-- numcheck: ignore -->\nNo figures here.\n\n" + GOOD))
    assert run("check", "a.md", cwd=tmp_path).returncode == 0
    # the ignore silenced the next claim (GOOD): used; a second one after it silences nothing
    write(tmp_path / "b.md", front(GOOD + "\nThe end. <!-- numcheck: ignore -->\n"))
    r = run("check", "b.md", "--report-unused-ignores", cwd=tmp_path)
    assert r.returncode == 1 and "b.md:6:10: unused-ignore:" in r.stdout
    assert run("check", "b.md", "--strict", cwd=tmp_path).returncode == 1
    assert run("check", "b.md", cwd=tmp_path).returncode == 0


# -- 8. the stale-rate hint ------------------------------------------------------------------


def test_stale_rate_hint_names_only_earlier_days():
    # 10.95 SEK/USD is the rate of late 2024, and of 2001: an article of 2014 may only be told 2001
    f = numcheck.check("$100 million (about 1,095 million kronor)", date="2014-07-02").findings[0]
    assert "stale rate" in f.message
    day = f.message.split("rate of ")[1][:10]
    assert day < "2014-07-02", f.message


# -- 9. packaging, 11. completion ------------------------------------------------------------


def test_license_and_packaging_metadata():
    root = Path(__file__).resolve().parents[1]
    assert "MIT License" in (root / "LICENSE").read_text()
    py = (root / "pyproject.toml").read_text()
    assert 'license = "MIT"' in py and "license-files" in py


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion(tmp_path, shell):
    r = run("completion", shell, cwd=tmp_path)
    assert r.returncode == 0 and "show-all" in r.stdout and "exclude" in r.stdout
    if shell == "bash" and shutil.which("bash"):
        script = write(tmp_path / "c.bash", r.stdout)
        probe = subprocess.run(["bash", "-c", f"source {script} && complete -p numcheck"], capture_output=True, text=True)
        assert probe.returncode == 0 and "numcheck" in probe.stdout


# -- 10. docs ---------------------------------------------------------------------------------


def test_why_not_checked_page_lists_the_phrasings_the_code_reads():
    from numcheck.phrasings import section

    page = (Path(__file__).resolve().parents[1] / "docs" / "why-not-checked.md").read_text(encoding="utf-8")
    assert section() in page, "run: python -m numcheck.phrasings"
    assert "motsvarande" in section() and "umgerechnet" in section()


def test_every_docs_page_is_in_the_site_navigation():
    root = Path(__file__).resolve().parents[1]
    nav = (root / "mkdocs.yml").read_text(encoding="utf-8")
    pages = [p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*.md")]
    assert pages and all(p in nav for p in pages), [p for p in pages if p not in nav]


def test_hard_wrapped_markdown_paragraph_is_one_claim(tmp_path):
    src = front("A package worth $275 million,\nequivalent to approximately 3 million kronor.\n\n"
                "- a list item of $1 million\n- (about 5 kronor) is another item\n")
    write(tmp_path / "a.md", src)
    r = run("check", "a.md", "--format", "json", cwd=tmp_path)
    fs = json.loads(r.stdout)["files"][0]["findings"]
    assert [(f["verdict"], f["line"], f["column"]) for f in fs] == [("inconsistent", 5, 29)]
    assert src[fs[0]["offset"]:fs[0]["end_offset"]] == "3 million kronor"


def test_unit_hints_in_the_articles_language():
    f = numcheck.check_document("Branden spred sig längs en 10 mile (6 km) lång sträcka.", format="text", lang="sv").findings[0]
    assert "omräkningen åt fel håll (10 ÷ 1,609 = 6,21)" in f.message and "rate" not in f.message
