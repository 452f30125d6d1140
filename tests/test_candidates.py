"""The candidate filter (extraction/candidates.py) must not change what the scanners find:
every text is scanned twice, once through the filter and once with the whole text as one
span (the scanners as they were before the filter), and the mentions must be the same."""

from __future__ import annotations

import re

import pytest

from numcheck.extraction import candidates, money, quantities
from numcheck.extraction.money import get_scanner
from numcheck.extraction.quantities import get_quantity_scanner

TEXTS = [
    ("en", "a weapons package worth at least $275 million, equivalent to approximately 3 billion kronor"),
    ("en", "a 10-mile (16 km) stretch; a mile (1.6 km); a three-foot wall; 104F (40C); 6 ft 2 in; 5'11\""),
    ("en", "MUSD 30 and 30 MSEK, CAD$ 15, $CAD 15, US$ 2-3 million, between 1,250 and 1,500 million Canadian dollars"),
    ("en", "seven to 10 mln dlrs, three to five mln dlrs, two hundred and fifty to three hundred square kilometres"),
    ("en", "It rose 219 mln francs to 19.31 billion francs. He won 3 games in 2 days at 5 in the morning."),
    # a figure longer than the filter's reach: the window starts where its digits start
    ("en", "x " + "1 " * 300 + "123 456 789 dollars and " + "9" * 500 + " km"),
    ("en", "İstanbul İİİ paid €48 million (about $52 million) for 12 kilometres of track"),
    ("sv", "3 miljarder kronor, tjugotre meter, 2 kronor och 23 öre, 250 mkr, 3 mdkr, minus 10 grader"),
    ("de", "16,4 Millionen kanadischen Dollar, zwei bis drei Milliarden Euro, zweiundzwanzig Kilometer"),
    ("fr", "3 milliards d'euros, entre 10 euros et 20 euros, 5 km"),
    # one word anchors both scanners: a unit after a figure ("850 pound") and a currency
    ("en", "Prices rose to 1,850 pound a tonne from 1,790 pound."),
    ("en", "A " + "long sentence without figures, " * 30 + "then 12 pound."),
    # a currency name before its figure; number-word ranges after "between"
    ("en", "Malaysian ringgit 42. A fine of rupees 500 crore; dollars 5 years ago, euro 2024."
           + " x" * 40 + " Between two and three billion dollars, or ringgit 42 and 50 sen."),
    ("fr", "Une amende d'euros 500. Entre deux et trois milliards d'euros."),
    ("nb", "Mellom to og tre milliarder kroner; 2 sveitsiske franc og 23 rappen."),
]


def _unfiltered(monkeypatch):
    whole = lambda text, anchors, before, after: [(0, len(text))] if text else []  # noqa: E731
    monkeypatch.setattr(money, "windows", whole)
    monkeypatch.setattr(quantities, "windows", whole)


@pytest.mark.parametrize("lang,text", TEXTS)
def test_filter_finds_what_the_whole_text_scan_finds(monkeypatch, lang, text):
    monkeypatch.setattr(candidates, "FILTER_FROM", 0)  # short texts are scanned whole otherwise
    filtered = (get_scanner(lang).scan(text), get_quantity_scanner(lang).scan(text))
    _unfiltered(monkeypatch)
    whole = (get_scanner(lang).scan(text), get_quantity_scanner(lang).scan(text))
    assert filtered == whole
    assert whole[0] or whole[1]  # the texts do hold amounts: the comparison is not vacuous


def test_windows_merge_and_follow_a_long_figure_back(monkeypatch):
    monkeypatch.setattr(candidates, "FILTER_FROM", 0)
    anchor = candidates.Anchors(lambda: ((re.compile(r"kronor"), False),))
    text = "a " * 50 + "1 000 000 000 000 kronor" + " b" * 50 + " 5 kronor"
    spans = candidates.windows(text, anchor, 5, 3)
    assert text.index("1 000") - 1 <= spans[0][0] <= text.index("1 000")  # not 5 characters before "kronor"
    assert len(spans) == 2 and spans[0][1] < spans[1][0]
    assert candidates.windows(text, anchor, 200, 3) == [(0, len(text))]


def test_a_match_cut_by_the_span_edge_is_taken_on_the_whole_text():
    pattern = re.compile(r"\d+ km(?![a-z])")
    text = "go 5 kmh now, 5 km"
    # the first span ends inside "kmh": searched alone, "5 km" would match there
    m, k = candidates.search_in(pattern, text, [(0, 7), (14, len(text))], 0)
    assert m is not None and m.start() == 14


def test_the_filter_is_compiled_only_after_a_long_read():
    compiled = []
    spans = candidates.windows("5 km", candidates.Anchors(lambda: compiled.append(1) or ()), 10, 10)
    assert spans == [(0, 4)] and not compiled
    anchors = candidates.Anchors(lambda: compiled.append(1) or ((re.compile("km"), False),))
    for _ in range(candidates.FILTER_FROM // 999 + 1):
        candidates.windows("x" * 995 + "5 km", anchors, 10, 10)
    assert compiled == [1]
    assert candidates.windows("x" * 995 + "5 km", anchors, 10, 10) == [(987, 999)]


def test_one_pass_gives_each_scanner_its_own_anchors_even_where_they_overlap(monkeypatch):
    monkeypatch.setattr(candidates, "FILTER_FROM", 0)
    shared = candidates.AnchorSet()
    money_view = shared.register("money", lambda: ([r"(?:pound|dollars)(?![^\W\d_])"], "$"))
    units_view = shared.register("units", lambda: ([r"(?<=\d) ?(?:pound|km)(?![^\W_])"], ""))
    text = "Pound: 1,850 pound, $5 and 3 km."
    # "0 pound" (units, from the digit) and " pound" (money, from the space) overlap
    assert money_view.hits(text) == [(0, 5), (12, 18)]
    assert units_view.hits(text) == [(11, 18), (27, 31)]
    assert units_view.hits(text) is units_view.hits(text)  # one pass per text, kept for both


def test_a_scanner_registered_after_the_compile_is_in_the_next_pattern(monkeypatch):
    monkeypatch.setattr(candidates, "FILTER_FROM", 0)
    shared = candidates.AnchorSet()
    money_view = shared.register("money", lambda: ([r"dollars"], ""))
    assert money_view.hits("5 dollars, 3 km") == [(1, 9)]
    units_view = shared.register("units", lambda: ([r"(?<=\d) km"], ""))
    assert units_view.hits("5 dollars, 3 km") == [(11, 15)]
    assert money_view.hits("5 dollars, 3 km") == [(1, 9)]
