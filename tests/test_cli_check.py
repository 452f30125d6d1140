"""``numcheck check`` end to end: the seed, formats, batch runs, parallel runs, baselines and
bad input (one line each, exit 2, the other files still checked)."""

from __future__ import annotations

import io
import json
import os
import re
import sys
from pathlib import Path

import pytest

from numcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "ukraine-aid-2024-11-19.txt"
DAY = "2024-11-19"
GOOD = "A package worth $275 million, equivalent to approximately 3 billion kronor."
BAD = "A loan of $275 million, equivalent to 9 billion kronor."
AMBIGUOUS = "A fund of $100 million, or 5 billion kronor over ten years."


def run(argv, capsys, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    try:
        code = main([str(a) for a in argv])
    except SystemExit as e:  # argparse's own usage errors
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


# -- the seed -------------------------------------------------------------------------------


def test_seed_json_reports_one_consistent_money_claim(capsys):
    code, out, err = run(["check", SEED, "--date", DAY, "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    (f,) = data["files"][0]["findings"]
    assert (f["kind"], f["verdict"]) == ("money", "consistent")
    assert (f["source"]["value"], f["source"]["unit"]) == (275_000_000, "USD")
    assert (f["target"]["value"], f["target"]["unit"]) == (3_000_000_000, "SEK")
    assert data["summary"]["claims"] == 1 and data["summary"]["consistent"] == 1


def test_seed_with_3_million_is_inconsistent_and_exits_1(capsys, tmp_path):
    changed = tmp_path / "seed.txt"
    changed.write_text(SEED.read_text().replace("3 billion", "3 million"))
    code, out, _ = run(["check", changed, "--date", DAY, "--format", "json"], capsys)
    assert code == 1
    (f,) = json.loads(out)["files"][0]["findings"]
    assert f["verdict"] == "inconsistent" and f["target"]["value"] == 3_000_000


def test_seed_text_line_and_caret(capsys):
    code, out, _ = run(["check", SEED, "--date", DAY, "--show-all"], capsys)
    lines = out.splitlines()
    assert re.match(r".*ukraine-aid-2024-11-19\.txt:8:116: consistent: stated approximately 3 billion SEK", lines[0])
    assert lines[2].strip() == "^" + "~" * 15
    assert lines[1][lines[2].index("^"):].startswith("3 billion kronor")
    assert lines[-1].endswith("1 claim: 1 consistent")


def test_stdin(capsys, monkeypatch):
    code, out, _ = run(["check", "-", "--date", DAY], capsys, stdin=BAD + "\n", monkeypatch=monkeypatch)
    assert code == 1 and out.startswith("-:1:39: inconsistent:")


# -- bad input: one line each, exit 2, the rest still checked ------------------------------


def test_bad_inputs_one_line_each_and_others_still_checked(capsys, tmp_path):
    good = tmp_path / "good.md"
    good.write_text(BAD + "\n")
    bad_utf8 = tmp_path / "latin1.txt"
    bad_utf8.write_bytes("Line one\nPrice: 5 kr\xf6na\n".encode("latin-1"))
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    (empty_dir / "photo.jpg").write_bytes(b"\xff\xd8")
    bad_date = tmp_path / "dated.md"
    bad_date.write_text("---\ndate: 19 November 2024\n---\n" + GOOD + "\n")
    code, out, err = run(["check", tmp_path / "missing.md", bad_utf8, binary, empty_dir, bad_date, good], capsys)
    assert code == 2
    errors = err.strip().splitlines()
    assert len(errors) == 5, err
    assert all(l.startswith("numcheck: error: ") for l in errors)
    assert "missing.md: no such file" in errors[0]
    assert "latin1.txt:2: invalid UTF-8 (byte 0xf6" in errors[1]
    assert "image.txt: binary file" in errors[2]
    assert "nothing: directory holds no content files" in errors[3]
    assert "dated.md: front matter: invalid date '19 November 2024'" in errors[4]
    assert "good.md:1:39: inconsistent:" in out  # still checked
    assert "Traceback" not in err


@pytest.mark.parametrize("argv,needle", [
    (["--date", "2024-13-45"], "invalid date '2024-13-45'"),
    (["--jobs", "0"], "invalid --jobs 0"),
    (["--severity", "ambiguous=fatal"], "invalid severity level 'fatal'"),
    (["--tolerance", "2"], "invalid tolerance '2'"),
    (["--format", "xml"], "invalid choice: 'xml'"),
])
def test_bad_options_exit_2_with_one_line(capsys, argv, needle):
    code, out, err = run(["check", SEED, *argv], capsys)
    assert code == 2 and needle in err and "Traceback" not in err


def test_bad_baseline_file(capsys, tmp_path):
    code, _, err = run(["check", SEED, "--baseline", tmp_path / "nope.json"], capsys)
    assert code == 2 and "nope.json: no such baseline file" in err


# -- batch runs -----------------------------------------------------------------------------


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    for rel, body in {
        "a.md": f"# A\n\n{GOOD}\n",
        "news/b.md": f"{BAD}\n",
        "news/c.html": f"<html><body><p>{AMBIGUOUS}</p></body></html>",
        "news/drafts/d.txt": f"{BAD}\n",
        "news/e.txt": "No money.\n",
        "notes.py": f"# {BAD}\n",
        ".git/x.md": f"{BAD}\n",
    }.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(body)
    (root / "archive.jsonl").write_text("".join(
        json.dumps({"id": f"n{i}", "date": DAY, "text": f"Story {i}.\n\n{BAD if i % 7 == 0 else GOOD}"}) + "\n" for i in range(60)
    ))
    return root


def _checked(argv, capsys) -> set[str]:
    """Names of the files a run checked (an archive once), from its JSON report."""
    code, out, err = run([*argv, "--format", "json"], capsys)
    return {Path(f.get("file") or f["path"]).name for f in json.loads(out)["files"] if "error" not in f}


def test_directory_is_walked_recursively_with_content_suffixes(capsys, tmp_path):
    root = _tree(tmp_path)
    code, out, err = run(["check", root, "--date", DAY], capsys)
    assert code == 1, err
    names = _checked(["check", root, "--date", DAY], capsys)
    assert names == {"a.md", "b.md", "c.html", "d.txt", "e.txt", "archive.jsonl"}  # not .py, not .git/
    assert out.splitlines()[-1] == (
        "total: 6 files, 60 articles, 64 claims: 52 consistent, 11 inconsistent, 1 ambiguous"
    )


def test_include_and_exclude(capsys, tmp_path):
    root = _tree(tmp_path)
    names = _checked(["check", root, "--include", "*.md", "--include", "*.py", "--exclude", "a.md", "--date", DAY], capsys)
    assert names == {"b.md", "notes.py"}
    names = _checked(["check", root, "--exclude", "news/drafts/*", "--exclude", "*.jsonl", "--date", DAY], capsys)
    assert names == {"a.md", "b.md", "c.html", "e.txt"}
    code, out, err = run(["check", root, "--include", "*.rst"], capsys)
    assert code == 2 and "directory holds no files matching *.rst" in err


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_jobs_2_gives_the_same_report_as_jobs_1(capsys, tmp_path, fmt):
    root = _tree(tmp_path)
    one = run(["check", root, "--date", DAY, "--format", fmt, "--jobs", "1"], capsys)
    two = run(["check", root, "--date", DAY, "--format", fmt, "--jobs", "2"], capsys)
    assert one[0] == two[0] == 1
    assert one[1] == two[1]
    assert one[1].count("inconsistent") >= 11


def test_progress_bar_on_stderr_and_summary(capsys, tmp_path):
    root = _tree(tmp_path)
    code, out, err = run(["check", root, "--date", DAY, "--progress", "always"], capsys)
    assert re.search(r"\r\[#+\] 65/65 100%", err)
    assert err.endswith("\r\033[K")
    assert "[#" not in out
    code, out, err = run(["check", root, "--date", DAY], capsys)  # not a terminal: no bar
    assert err == ""


def test_colour_never_by_default_off_a_terminal_and_always_on_request(capsys, tmp_path):
    code, out, _ = run(["check", SEED, "--date", DAY], capsys)
    assert "\033[" not in out
    code, out, _ = run(["check", SEED, "--date", DAY, "--color", "always", "--show-all"], capsys)
    assert "\033[1;32mconsistent:\033[0m" in out


# -- baseline through the command line ------------------------------------------------------


def test_write_baseline_then_baseline(capsys, tmp_path):
    root = _tree(tmp_path)
    base = tmp_path / "baseline.json"
    code, out, err = run(["check", root, "--date", DAY, "--write-baseline", base], capsys)
    assert code == 0 and "wrote 12 findings" in err  # 11 inconsistent + 1 ambiguous
    code, out, err = run(["check", root, "--date", DAY, "--baseline", base], capsys)
    assert code == 0
    assert out.splitlines()[-1].endswith("52 consistent, 12 baseline")
    (root / "news" / "b.md").write_text(f"New intro line.\n\n{BAD}\n\nA gift of $10 million, equivalent to 10 billion kronor.\n")
    code, out, err = run(["check", root, "--date", DAY, "--baseline", base, "--format", "github"], capsys)
    assert code == 1
    ann = [l for l in out.splitlines() if l.startswith("::")]
    assert len(ann) == 1 and "line=5," in ann[0] and "10 billion" in ann[0]


def test_severity_option_changes_the_exit_status(capsys, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(AMBIGUOUS + "\n")
    assert run(["check", p, "--date", DAY], capsys)[0] == 0
    assert run(["check", p, "--date", DAY, "--severity", "ambiguous=error"], capsys)[0] == 1


# -- the pre-commit hook definition ---------------------------------------------------------


def test_pre_commit_hook_definition():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["id"] == "numcheck" and hook["entry"] == "numcheck check" and hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "html", "text"}
    assert re.search(hook["files"], "content/story.md") and not re.search(hook["files"], "setup.py")


# -- the real corpus (skipped when absent) ------------------------------------------------

CORPUS = Path(os.environ.get("NUMCHECK_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.mark.skipif(not (CORPUS / "wikinews-en.jsonl").exists(), reason="shared corpus not present")
def test_batch_over_a_real_archive(capsys):
    code, out, err = run(["check", CORPUS / "wikinews-en.jsonl", "--format", "json"], capsys)
    data = json.loads(out)
    assert data["summary"]["articles"] >= 250 and data["summary"]["files"] == 1
    assert "Traceback" not in err


def test_a_crash_in_one_file_is_one_line_and_the_others_are_checked(capsys, tmp_path, monkeypatch):
    import numcheck.batch as batch

    real = batch.check

    def flaky(text, **kw):
        if "boom" in text:
            raise KeyError("MLN")
        return real(text, **kw)

    monkeypatch.setattr(batch, "check", flaky)
    (tmp_path / "a.txt").write_text("boom\n")
    (tmp_path / "b.txt").write_text(BAD + "\n")
    code, out, err = run(["check", tmp_path, "--date", DAY], capsys)
    assert code == 2
    assert err.count("\n") == 1 and "a.txt: internal error while checking (KeyError: 'MLN')" in err
    assert "b.txt:1:39: inconsistent:" in out


def test_extract_reports_file_positions_for_markdown(capsys, tmp_path):
    p = tmp_path / "a.md"
    src = "---\ndate: 2024-11-19\n---\n# Aid\n\nWorth **$275 million**, see [x](https://e.com/$5).\n"
    p.write_text(src)
    code, out, _ = run(["extract", p, "--format", "text"], capsys)
    assert code == 0
    assert out.splitlines() == [f"{p}:6:9: money: '$275 million' = 2.75e+08 USD"]


def test_rate_spec_builds_providers_once_per_process():
    from numcheck.batch import RateSpec
    from numcheck.config import Config

    spec = RateSpec(("ecb",), Config())
    assert spec.provider() is spec.provider()
    import pickle

    assert pickle.loads(pickle.dumps(spec)) == spec  # what crosses to a worker is names and settings


def test_config_file_applies_in_worker_processes(capsys, tmp_path):
    root = _tree(tmp_path)
    # 3.3 billion kronor for $275 million is off by ~10%: inconsistent by default, consistent at 0.2
    (root / "news" / "f.md").write_text("A package worth $275 million, equivalent to 3.3 billion kronor.\n")
    (tmp_path / "numcheck.toml").write_text('tolerance = 0.2\nrates = ["ecb"]\n')
    one = run(["check", root, "--date", DAY, "--format", "json", "--jobs", "1"], capsys)
    two = run(["check", root, "--date", DAY, "--format", "json", "--jobs", "2"], capsys)
    assert one == two
    f = next(x for x in json.loads(one[1])["files"] if x["path"].endswith("f.md"))
    assert f["findings"][0]["verdict"] == "consistent" and f["findings"][0]["tolerance"] >= 0.2
