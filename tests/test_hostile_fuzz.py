"""Grammar-built fuzzing in every supported language (issue 18).

Texts are built from each language's own vocabulary — its figures written with its
separators, number words, scale words, currency symbols, codes and names, units, hedges and
pairing cues — into amounts, pairs and noise around them. Over every text:

* ``extract`` and ``check`` raise nothing;
* every figure, expected value, deviation and tolerance is a finite number (or None);
* every offset slices back to the text it claims;
* the report is strict JSON (no bare ``Infinity``/``NaN``), and so are the CLI's JSON and
  SARIF renderings; its text and github renderings raise nothing;
* the same text gives the same result twice.

CI runs a bounded number of examples per language; set ``NUMCHECK_FUZZ_EXAMPLES`` (e.g.
2000) for a longer run.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import numcheck
from numcheck.batch import check_document
from numcheck.documents.readers import parse_document
from numcheck.outputs.report import render_github, render_json, render_text
from numcheck.outputs.sarif import render_sarif
from numcheck.language import available_languages, get_lexicon
from numcheck.language.units import get_vocabulary

EXAMPLES = int(os.environ.get("NUMCHECK_FUZZ_EXAMPLES", "25"))
LANGS = available_languages()
DAY = "2024-11-19"


def _sorted(words) -> list[str]:
    return sorted({w for w in words if w and w.strip()})


def _figure(lex) -> st.SearchStrategy[str]:
    """A figure as the language writes it: "1,234.5", "1 234,5", "3", "0,25", odd ones too."""

    def write(n: int, frac: str, grouped: bool) -> str:
        s = f"{n:,}".replace(",", lex.group) if grouped else str(n)
        return s + (lex.decimal + frac if frac else "")

    normal = st.builds(write, st.integers(0, 10**9), st.sampled_from(["", "5", "25", "05", "999"]), st.booleans())
    odd = st.sampled_from(["0", "00", "1e5", "9" * 40, "1" + "0" * 30, "0." + "0" * 30 + "1", "3,5", "3.5", "1.234,56", "1,234.56", "2–3"])
    return st.one_of(normal, normal, odd)


@functools.lru_cache(maxsize=None)
def _words_of(lang: str) -> dict[str, list[str]]:
    lex = get_lexicon(lang)
    nw = lex.number_words
    voc = get_vocabulary(lang)
    return {
        "numwords": _sorted(list(nw.get("units", {})) + list(nw.get("tens", {})) + list(nw.get("hundred", []))
                            + list(nw.get("half", [])) + list(nw.get("multipliers", {}))),
        "scales": _sorted(lex.scales),
        "pre": _sorted([s for s in lex.symbols if len(s) <= 3] + sorted(lex.codes)[:40]),
        "post": _sorted(list(lex.names)[:200] + list(lex.generic) + list(lex.symbols)[:40]),
        "units": _sorted(list(voc.symbols)[:80] + list(voc.words)[:120]),
        "hedges": _sorted(lex.hedges),
        "cues": _sorted(list(lex.cues_strong)[:60] + list(lex.cues_reverse)[:20] + [" (", ", or "]),
        "joiners": _sorted(list(lex.range_joiners) + list(lex.range_between)),
    }


@functools.lru_cache(maxsize=None)
def _text(lang: str) -> st.SearchStrategy[str]:
    """The grammar of one language, built once: amounts (money before or after the figure,
    in words, ranges; quantities), pairs of amounts joined by the language's cues, noise."""
    w = _words_of(lang)
    lex = get_lexicon(lang)
    sp = st.sampled_from([" ", " ", " ", "\u00a0", "\u202f", "", "-"])
    fig = _figure(lex)
    numwords = (st.tuples(st.sampled_from([" ", "-", ""]), st.lists(st.sampled_from(w["numwords"]), min_size=1, max_size=6))
                .map(lambda t: t[0].join(t[1]))) if w["numwords"] else fig
    scale = st.one_of(st.just(""), st.sampled_from(w["scales"]).map(lambda s: " " + s)) if w["scales"] else st.just("")
    hedge = st.one_of(st.just(""), st.sampled_from(w["hedges"]).map(lambda s: s + " ")) if w["hedges"] else st.just("")
    post = st.sampled_from(w["post"])
    money = st.one_of(
        st.tuples(hedge, st.sampled_from(w["pre"]), sp, fig, scale).map("".join),
        st.tuples(hedge, fig, scale, st.just(" "), post).map("".join),
        st.tuples(hedge, numwords, scale, st.just(" "), post).map("".join),
        st.tuples(fig, st.sampled_from(w["joiners"] or ["-"]).map(lambda j: f" {j} "), fig, scale, st.just(" "), post).map("".join),
    )
    unit = st.tuples(hedge, st.one_of(fig, numwords), sp, st.sampled_from(w["units"] or ["km"])).map("".join)
    amount = st.one_of(money, money, unit)
    pair = st.tuples(amount, st.sampled_from(w["cues"] or [" ("]), st.sampled_from(["", " "]), amount, st.sampled_from(["", ")"])).map("".join)
    noise = st.one_of(st.sampled_from([".", ",", "(", ")", "\n", "  ", "–", "2024", "%", "F-16"]), st.text(max_size=8))
    return st.lists(st.one_of(pair, pair, amount, noise), min_size=1, max_size=6).map(" ".join)


def _finite(x) -> bool:
    return x is None or (isinstance(x, (int, float)) and math.isfinite(x))


def _no_constant(name):
    raise ValueError(f"not JSON: {name}")


def _check_mention(text: str, m) -> None:
    assert text[m.start:m.end] == m.text
    assert m.number_start < 0 or text[m.number_start:m.number_start + len(m.number_text)] == m.number_text or m.number_text in m.text
    if m.hedge_start is not None:
        assert text[m.hedge_start:m.hedge_start + len(m.hedge_text)] == m.hedge_text
    assert _finite(m.value) and _finite(m.value_max) and _finite(m.step)


@pytest.mark.parametrize("lang", LANGS)
def test_grammar_built_text_in_every_language(lang):
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 100,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
    @given(_text(lang))
    def run(text: str) -> None:
        for m in numcheck.extract(text, lang=lang):
            _check_mention(text, m)
        report = numcheck.check(text, date=DAY, lang=lang)
        for f in report.findings:
            _check_mention(text, f.source)
            _check_mention(text, f.target)
            assert _finite(f.expected) and _finite(f.expected_max) and _finite(f.deviation) and _finite(f.tolerance)
            assert f.message and not re.search(r"(?<![^\W\d_])(?:inf|nan)(?![^\W\d_])", f.message, re.I), f.message
        doc = report.to_dict()
        out = json.dumps(doc, allow_nan=False, ensure_ascii=False)
        json.loads(out, parse_constant=_no_constant)
        again = numcheck.check(text, date=DAY, lang=lang).to_dict()
        assert json.dumps(again, allow_nan=False, ensure_ascii=False) == out
        # the CLI's renderers over the same text, as a file: strict JSON and SARIF, and
        # text and github output that raise nothing
        result = check_document(parse_document(text, "fuzz.txt"), date=DAY, lang=lang)
        for render in (render_json, render_sarif):
            json.loads(render([result]), parse_constant=_no_constant)
        render_text([result])
        render_github([result])

    run()
