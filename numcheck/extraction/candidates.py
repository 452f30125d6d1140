"""Where a mention can be: the candidate filter that keeps the scanners' Python loops and big
patterns off the bulk of the text.

A money or quantity mention needs its currency or unit written next to the figure. Each
scanner compiles, lazily and once per language, one *anchor* pattern from the same Language
data its full pattern is built from (currency symbols, codes and names; unit words and
symbols after a figure, a number word or a scale word), so new data is covered by the filter
the day it is added. One C-level ``finditer`` of the anchor over the text gives the spans
around the anchors (``windows``); the scanners then run their full patterns only there, on
the whole text (offsets, look-behinds and the hedge before a figure are unchanged), with
every match re-taken on the whole text so that a span's edge can never cut a match short.

The reach (how far before its anchor a mention can start) is a bound on what a figure, its
scale word, a range and a linking word can span; a run of digits and separators longer than
that is followed back to its start.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Sequence

#: Characters a scanner reads whole before it compiles its filter: compiling the anchors
#: (~50 ms) would be most of a one-paragraph CLI run, and pays back only over a longer read.
FILTER_FROM = 100_000


class Anchors:
    """A scanner's anchor patterns, compiled on demand: ``patterns(n)`` is None (scan the
    whole text) until the scanner has read ``FILTER_FROM`` characters, then the patterns."""

    def __init__(self, build: Callable[[], Sequence[tuple[re.Pattern, bool]]]):
        self._build = build
        self._patterns: Sequence[tuple[re.Pattern, bool]] | None = None
        self._read = 0

    def patterns(self, n: int) -> Sequence[tuple[re.Pattern, bool]] | None:
        if self._patterns is None:
            self._read += n
            if self._read < FILTER_FROM:
                return None
            self._patterns = self._build()
        return self._patterns

    def hits(self, text: str) -> list[tuple[int, int]] | None:
        """The anchors' matches in ``text``, in order; None: scan the whole text."""
        patterns = self.patterns(len(text))
        if patterns is None:
            return None
        hits: list[tuple[int, int]] = []
        for pattern, on_lower in patterns:
            hits.extend(m.span() for m in pattern.finditer(lowered(text) if on_lower else text))
        if len(patterns) > 1:
            hits.sort()
        return hits


class AnchorSet(Anchors):
    """The anchors of every scanner of one language in ONE pattern, one pass over the text
    shared by the scanners (money and quantities read the same windows: each scanner's
    windows are a superset of its own).

    Each scanner registers its *branches*: regular expressions, in lower case, that match
    from the character before a word (or a figure's last digit, or a sign) on; the
    pattern is ``[first](?:branch|branch|…)``, where ``[first]`` is every character that can
    start a branch (any non-letter, and the scanners' extra characters such as "½"). A
    pattern that starts with a character class lets the regex engine skip in C to the next
    position that can start one, instead of trying a look-behind at every character; one
    space is put in front of the text so that a word at its very start is read too.
    Branches added after the pattern was compiled make it compile again."""

    def __init__(self) -> None:
        super().__init__(self._compile)
        self._branches: dict[str, tuple[tuple[str, ...], str]] = {}
        self._recent: dict[str, tuple[re.Pattern, list[tuple[int, int]]]] = {}

    def register(self, name: str, branches: Callable[[], tuple[Sequence[str], str]]) -> "ScannerAnchors":
        """``branches()`` gives (branches, extra first characters); called when compiled.
        ``name`` (an identifier) names the scanner; the result gives its windows."""
        if name not in self._branches:
            self._branches[name] = branches  # type: ignore[assignment]
            self._patterns = None  # compiled again (with the new branches) on the next long read
            if self._read >= FILTER_FROM:
                self._read = FILTER_FROM  # the next read compiles at once: no whole-text phase
        return ScannerAnchors(self, name)

    def _compile(self) -> Sequence[tuple[re.Pattern, bool]]:
        parts: list[tuple[str, str]] = []
        first = set()
        for name, build in self._branches.items():
            branches, extra = build()  # type: ignore[operator]
            if branches:
                parts.append((name, "|".join(branches)))
            first.update(extra)
        if not parts:
            return ()
        # Each scanner's branches in a look-ahead group of its own, so that a match consumes
        # only its first character: anchors that overlap ("1,850 pound" is a unit after a
        # figure and a currency word) are all found, each for its scanner. Alternative k:
        # scanner k's anchor here, and any later scanner's too.
        alts = []
        for k, (name, body) in enumerate(parts):
            alts.append(f"(?=(?P<{name}__{k}>{body}))"
                        + "".join(f"(?=(?P<{other}__{k}>{b}))?" for other, b in parts[k + 1:]))
        extra = "".join(sorted(re.escape(c) for c in first))
        return ((re.compile(rf"[\W\d_{extra}](?:{'|'.join(alts)})"), True),)

    def hits_of(self, text: str, name: str) -> list[tuple[int, int]] | None:
        """The hits of scanner ``name``'s anchors in ``text``; None: scan the whole text."""
        patterns = self.patterns(len(text))
        if patterns is None:
            return None
        if not patterns:
            return []
        # the last texts' hits kept: the money and the quantity scanner of one check both ask
        # (keyed by the text alone — a compiled pattern's hash reads its whole program)
        pattern = patterns[0][0]
        got = self._recent.get(text)
        if got is None or got[0] is not pattern:
            by: dict[str, list[tuple[int, int]]] = {}
            # on " " + text, offsets are one more than in the text
            groups = [(i, g.rsplit("__", 1)[0]) for g, i in pattern.groupindex.items()]
            for m in pattern.finditer(" " + lowered(text)):
                start = max(0, m.start() - 1)
                for i, scanner in groups:
                    end = m.end(i)  # -1: that group did not take part
                    if end >= 0:
                        by.setdefault(scanner, []).append((start, end - 1))
            got = (pattern, by)
            if len(self._recent) >= 4:
                del self._recent[next(iter(self._recent))]
            self._recent[text] = got
        return got[1].get(name, [])

    def hits(self, text: str) -> list[tuple[int, int]] | None:
        raise TypeError("an AnchorSet's hits are per scanner: use register(...).hits")


class ScannerAnchors:
    """One scanner's view of its language's AnchorSet (what ``windows`` reads)."""

    def __init__(self, anchors: AnchorSet, name: str):
        self.anchors, self.name = anchors, name

    def hits(self, text: str) -> list[tuple[int, int]] | None:
        return self.anchors.hits_of(text, self.name)


_SETS: dict[str, AnchorSet] = {}


def anchor_set(lang: str) -> AnchorSet:
    """The one AnchorSet of a language tag, shared by its scanners."""
    got = _SETS.get(lang)
    if got is None:
        got = _SETS.setdefault(lang, AnchorSet())
    return got


#: Characters a written figure is made of: a window that starts inside one starts at its start.
_FIGURE_CHARS = frozenset("0123456789.,'’ \u00a0\u202f")


@functools.lru_cache(maxsize=4)
def lowered(text: str) -> str:
    """``text`` in lower case, offset for offset (the anchors are matched case-blind this way:
    a case-insensitive pattern defeats the regex engine's first-character scan and costs
    several times more). A character whose lower case is longer ("İ") is kept as written."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def windows(text: str, anchors: Anchors | ScannerAnchors, before: int, after: int) -> list[tuple[int, int]]:
    """Disjoint, ordered spans [lo, hi) of ``text``: ``before`` characters before each anchor
    match to ``after`` characters after it, overlapping spans merged. The anchors' patterns
    each say whether they run on the lower-cased text (their words written in lower case);
    before they are compiled the whole text is one span."""
    hits = anchors.hits(text)
    if hits is None:
        return [(0, len(text))] if text else []
    out: list[tuple[int, int]] = []
    n = len(text)
    for start, end in hits:
        lo, hi = max(0, start - before), min(n, end + after)
        floor = out[-1][1] if out else 0
        while lo > floor and text[lo - 1] in _FIGURE_CHARS:
            lo -= 1  # "1 234 567 890 kronor" longer than the reach: from the figure's start
        if out and lo <= floor:
            out[-1] = (out[-1][0], max(floor, hi))
        else:
            out.append((lo, hi))
    return out


def search_in(pattern: re.Pattern, text: str, spans: list[tuple[int, int]], pos: int, k: int = 0) -> tuple[re.Match | None, int]:
    """``pattern.search(text, pos)`` restricted to ``spans`` (from index ``k`` on): the first
    match on the whole text that starts at ``pos`` or later inside a span, and the index of
    that span (pass it back as ``k`` to continue). The search runs on the span, the match is
    re-taken on the whole text: a start that only matches because the span ends there is
    skipped, as the whole-text search would."""
    while k < len(spans):
        lo, hi = spans[k]
        if pos >= hi:
            k += 1
            continue
        t = pattern.search(text, max(pos, lo), hi)
        if t is None:
            k += 1
            continue
        full = pattern.match(text, t.start())
        if full is None:
            pos = t.start() + 1
            continue
        return full, k
    return None, k


def finditer_in(pattern: re.Pattern, text: str, spans: list[tuple[int, int]]):
    """``pattern.finditer(text)``, restricted to matches that start inside ``spans``."""
    pos, k = 0, 0
    while True:
        m, k = search_in(pattern, text, spans, pos, k)
        if m is None:
            return
        yield m
        pos = m.end() if m.end() > m.start() else m.start() + 1


__all__ = ["AnchorSet", "Anchors", "ScannerAnchors", "anchor_set", "finditer_in", "search_in", "windows"]
