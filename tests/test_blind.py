"""The blind held-out set (fixtures/blind/sentences.jsonl, bench/blind.py): floors at what the
rules reach, and today's failures listed by key ("id#claim"), as in test_realtext_sentences.

First measured (before any fix made after reading it, main at e9e55dd): accuracy 0.927 (claims
0.902), paired 0.963, 2 false alarms, ×10/×0.5 caught 0.840. After the fixes of issue 11
(helper blind): 0.993 / 0.991, paired 0.995, 0 false alarms, ×10/×0.5 caught 0.991 — those
figures are no longer held out (the fixes were made after reading the failures); see
notes/issue-11-blind.md.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import blind  # noqa: E402

ACCURACY_FLOOR = 0.993  # 0.9933 measured
CLAIM_ACCURACY_FLOOR = 0.990  # 0.9909
PAIRED_FLOOR = 0.995  # 0.9954
BIG_CAUGHT_FLOOR = 0.99  # 105/106
KNOWN_FAILURES = {
    "da-0192#0",  # "pund" in Danish copy of 2000: GBP, CYP or IEP (no country named) — ambiguous by design
    "fi-0230#0",  # "kruunua" in Finnish copy of 2008: SEK or EEK — ambiguous by design
    "fi-0265#0", "fi-0266#0",  # "30 yhtiön 150 myymälästä eli 10 prosenttia": part before the genitive owner
}
LANGS = {"en", "sv", "nb", "da", "fi", "de", "fr", "es", "nl", "it", "pt"}

#: The second set (fixtures/blind/sentences-2.jsonl), written after set 1's fixes: first run
#: 0.942 (claims 0.928, ×10/×0.5 caught 0.964, 0 false alarms); after the fixes it led to, 0.971.
SET2 = ROOT / "fixtures" / "blind" / "sentences-2.jsonl"
SET2_ACCURACY_FLOOR = 0.970  # 0.971 measured
SET2_KNOWN_FAILURES = {
    # a bare shared word in non-English copy with no country named, before the legacy
    # currency's end: every reading of the day stays (ambiguous by design, see the note)
    "nb-0061#0", "da-0086#0", "es-0177#0", "it-0227#0", "pt-0258#0",  # pund/libras/sterline: GBP, CYP, IEP
    "fi-0105#0", "fi-0111#0",  # kruunua: SEK or EEK
    "es-0184#0",  # pesos with no country: MXN or PHP
}


@pytest.fixture(scope="module")
def result():
    return blind.score(blind.load())


def test_set_shape():
    rows = blind.load()
    assert len(rows) >= 300
    for lang in LANGS:
        mine = [r for r in rows if r["lang"] == lang]
        assert len(mine) >= 20, lang
        assert len({r["form"] for r in mine if r["claims"] and r["claims"][0]["kind"] == "money"}) >= 8, lang
    assert sum(not r["claims"] for r in rows) / len(rows) >= 0.25
    claims = [c for r in rows for c in r["claims"]]
    assert 0.25 <= sum(c["verdict"] == "inconsistent" for c in claims) / len(claims) <= 0.45
    for r in rows:
        for c in r["claims"]:
            assert 0 <= c["span"][0] < c["span"][1] <= len(r["text"])


def test_generator_is_what_is_committed():
    """The JSONL is the generator's output: nobody edited a figure or a label by hand."""
    sys.path.insert(0, str(ROOT / "fixtures" / "blind"))
    import generate

    assert generate.build() == blind.load()


def test_no_new_failures(result):
    failing = {key for key, *_ in result.failures}
    new = sorted(failing - KNOWN_FAILURES)
    fixed = sorted(KNOWN_FAILURES - failing)
    if fixed:
        print(f"now passing, remove from KNOWN_FAILURES: {fixed}")
    assert not new, [f for f in result.failures if f[0] in new]


def test_floors(result):
    t = result.total
    assert t.accuracy >= ACCURACY_FLOOR
    assert t.claim_accuracy >= CLAIM_ACCURACY_FLOOR
    assert t.recall >= PAIRED_FLOOR
    assert t.big_caught_rate >= BIG_CAUGHT_FLOOR


def test_no_false_alarm_and_no_distractor_claimed(result):
    assert result.total.false_alarms == 0
    assert result.total.distractors_claimed == 0


def test_scorer_can_fail():
    """A checker that finds nothing fails every claim and leaves every distractor alone."""
    rows = blind.load()
    res = blind.score(rows, check=lambda *a, **k: types.SimpleNamespace(findings=()))
    assert res.total.claims_right == 0 and res.total.recall == 0
    assert res.total.distractors_clean == res.total.distractors


def test_command_prints_the_table(capsys):
    assert blind.main(["--failures", "0", "--lang", "sv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("blind set: ") and "×10/×0.5 caught" in out and "\nsv " in out


def test_second_set_floor_and_known_failures():
    sys.path.insert(0, str(ROOT / "fixtures" / "blind"))
    import generate

    rows = blind.load(SET2)
    assert generate.build(2) == rows
    res = blind.score(rows)
    failing = {key for key, *_ in res.failures}
    assert not sorted(failing - SET2_KNOWN_FAILURES), [f for f in res.failures if f[0] not in SET2_KNOWN_FAILURES]
    assert res.total.accuracy >= SET2_ACCURACY_FLOOR
    assert res.total.false_alarms == 0 and res.total.distractors_claimed == 0
    assert res.total.big_caught_rate >= 0.98
