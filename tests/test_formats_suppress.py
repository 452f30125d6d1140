"""Suppressions in the text (ignore, off … on, with reasons) and baseline files."""

from __future__ import annotations

import json

import pytest

from numcheck.baseline import apply_baseline, load_baseline, write_baseline
from numcheck.batch import check_document, check_paths
from numcheck.checkrun import exit_status
from numcheck.documents.readers import parse_document
from numcheck.errors import InputError
from numcheck.model import Verdict
from numcheck.outputs.report import render_json, render_text, summary_counts

DAY = "2024-11-19"
BAD1 = "A package worth $275 million, equivalent to 9 billion kronor."
BAD2 = "A loan of $100 million, equivalent to 5 billion kronor."
GOOD = "A package worth $275 million, equivalent to approximately 3 billion kronor."


def run(src: str, name: str = "a.md"):
    return check_document(parse_document(src, name), date=DAY)


@pytest.mark.parametrize("name", ["a.md", "a.txt", "a.html"])
def test_ignore_covers_the_next_claim_only_with_its_reason(name):
    wrap = (lambda s: f"<p>{s}</p>") if name.endswith("html") else (lambda s: s)
    src = "\n\n".join([wrap("Intro."), "<!-- numcheck: ignore checked with the desk -->", wrap(BAD1), wrap(BAD1)]) + "\n"
    r = run(src, name)
    assert [f.verdict for f in r.report.findings] == [Verdict.INCONSISTENT, Verdict.INCONSISTENT]
    assert r.suppressed == {0: "checked with the desk"}
    assert r.inconsistent == 1


def test_two_ignores_cover_the_claim_after_each():
    src = f"<!-- numcheck: ignore first -->\n{BAD1}\n\n{BAD2}\n\n<!-- numcheck: ignore -->\n{BAD1}\n"
    r = run(src)
    assert r.suppressed == {0: "first", 2: "ignored by the editor"}


@pytest.mark.parametrize("name", ["a.md", "a.txt"])
def test_off_on_region(name):
    src = f"{BAD1}\n\n<!-- numcheck: off: legacy copy -->\n{BAD1}\n\n{BAD2}\n<!-- numcheck: on -->\n\n{BAD2}\n"
    r = run(src, name)
    assert len(r.report.findings) == 4
    assert r.suppressed == {1: "legacy copy", 2: "legacy copy"}


def test_off_without_on_runs_to_the_end_and_reason_defaults():
    r = run(f"{BAD1}\n<!-- numcheck: off -->\n{BAD1}\n{BAD2}\n")
    assert r.suppressed == {1: "numcheck turned off here", 2: "numcheck turned off here"}


def test_suppressed_reason_is_carried_into_text_and_json():
    r = run(f"<!-- numcheck: ignore figure from the ministry -->\n{BAD1}\n")
    text = render_text([r])
    assert "[suppressed: figure from the ministry]" in text
    assert "1 claim: 1 suppressed" in text
    data = json.loads(render_json([r]))
    assert data["files"][0]["findings"][0]["suppressed"] == "figure from the ministry"
    assert data["summary"]["suppressed"] == 1 and data["summary"]["inconsistent"] == 0
    assert exit_status([r]) == 0


def test_an_unrelated_comment_does_not_suppress():
    r = run(f"<!-- TODO: check numcheck output -->\n{BAD1}\n")
    assert r.suppressed == {}


# -- baseline -------------------------------------------------------------------------------


def test_baseline_round_trip_survives_edits_elsewhere(tmp_path):
    doc = tmp_path / "story.md"
    doc.write_text(f"# Story\n\n{BAD1}\n\n{GOOD}\n")
    first = check_paths([str(doc)], date=DAY)
    assert exit_status(first) == 1
    base = tmp_path / "baseline.json"
    assert write_baseline(first, base) == 1
    saved = json.loads(base.read_text())
    assert saved["findings"][0]["verdict"] == "inconsistent" and saved["findings"][0]["count"] == 1

    # edits elsewhere move the finding to another line; a new wrong figure is added
    doc.write_text(f"# Story\n\nA new first paragraph.\n\nAnother one.\n\n{BAD1}\n\n{GOOD}\n\n{BAD2}\n")
    again = apply_baseline(check_paths([str(doc)], date=DAY), load_baseline(base))
    r = again[0]
    assert len(r.report.findings) == 3
    assert r.baselined == frozenset({0})
    counts = summary_counts(again)
    assert counts["baseline"] == 1 and counts["inconsistent"] == 1
    assert exit_status(again) == 1  # the new one still fails
    text = render_text(again)
    assert "5 billion" in text and "9 billion" not in text  # the known one is hidden
    assert "1 baseline" in text


def test_baseline_counts_repeated_claims(tmp_path):
    doc = tmp_path / "story.txt"
    doc.write_text(f"{BAD1}\n")
    base = tmp_path / "b.json"
    write_baseline(check_paths([str(doc)], date=DAY), base)
    doc.write_text(f"{BAD1}\n{BAD1}\n")  # the same wrong sentence pasted a second time
    r = apply_baseline(check_paths([str(doc)], date=DAY), load_baseline(base))[0]
    assert r.baselined == frozenset({0}) and r.inconsistent == 1


def test_baseline_is_per_file_and_per_verdict(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(BAD1)
    b.write_text(BAD1)
    base = tmp_path / "b.json"
    write_baseline(check_paths([str(a)], date=DAY), base)
    results = apply_baseline(check_paths([str(a), str(b)], date=DAY), load_baseline(base))
    assert [r.inconsistent for r in results] == [0, 1]


@pytest.mark.parametrize("content,needle", [
    (None, "no such baseline file"),
    ("{", "invalid baseline"),
    ('{"findings": []}', "not a numcheck baseline"),
])
def test_bad_baseline_file_is_one_line(tmp_path, content, needle):
    p = tmp_path / "base.json"
    if content is not None:
        p.write_text(content)
    with pytest.raises(InputError) as e:
        load_baseline(p)
    assert needle in str(e.value) and "\n" not in str(e.value)
