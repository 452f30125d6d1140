"""Percent changes, points, multiples and shares (issue 12): a table of original sentences
in every language, right, wrong by each usual slip, and distractors that are no claim."""

from __future__ import annotations

from pathlib import Path

import pytest

import numcheck

TABLE = Path(__file__).parent / "data" / "arithmetic" / "sentences.tsv"


def _rows():
    for n, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        lang, verdict, kind, text = line.split("\t")
        yield pytest.param(lang, verdict, kind, text, id=f"{n}-{lang}-{verdict}")


ROWS = list(_rows())


def test_table_is_large_and_covers_every_language():
    langs = {p.values[0] for p in ROWS}
    assert len(ROWS) >= 150
    assert langs == {"en", "sv", "nb", "da", "fi", "de", "fr", "es", "nl", "it", "pt"}
    assert {p.values[1] for p in ROWS} >= {"consistent", "inconsistent", "ambiguous", "none"}


@pytest.mark.parametrize("lang,verdict,kind,text", ROWS)
def test_sentence(lang, verdict, kind, text):
    report = numcheck.check(text, lang=lang, kinds="change,share")
    found = [(f.kind, f.verdict.value) for f in report.findings]
    if verdict == "none":
        assert found == [], [f.message for f in report.findings]
    else:
        assert found == [(kind, verdict)], [f.message for f in report.findings] or "no finding"


@pytest.mark.parametrize("name", ["arith_verdicts.jsonl", "arith_verdicts_2.jsonl"])
def test_held_out_verdict_corpora_have_no_false_alarm(name):
    """The bench's hand-labelled sentences (bench/arith_verdicts*.jsonl): a right sentence or
    a distractor is never called inconsistent, and most verdicts are right."""
    import json

    path = Path(__file__).resolve().parents[1] / "bench" / name
    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("//")]
    right = alarms = 0
    for row in rows:
        got = [f.verdict.value for f in numcheck.check(row["text"], lang=row["lang"], kinds="change,share").findings]
        verdict = got[0] if got else "none"
        right += verdict == row["verdict"]
        alarms += verdict == "inconsistent" and row["verdict"] != "inconsistent"
    assert alarms == 0
    assert right / len(rows) >= 0.9
