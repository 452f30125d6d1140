"""In-process timings: corpus throughput, the regular-expression floor, scaling, the profile."""

from __future__ import annotations

import cProfile
import functools
import io
import pstats
import re
import statistics
import time
from dataclasses import dataclass, field
from typing import Callable

from .corpus import MB, Article, size_mb

#: The digit floor: one compiled pattern for a written figure, one finditer pass over the text.
#: Any pure-Python scanner has to do at least this much work.
FLOOR_PATTERN = re.compile(r"\d+(?:[.,]\d+)*")


@functools.lru_cache(maxsize=None)
def amount_floor_pattern(lang: str) -> re.Pattern:
    """The issue-15 floor: ONE compiled pattern, built from the same Language data numcheck
    reads (CLDR currency names, generic and scaled words, ISO codes and symbols; the unit
    vocabulary's symbols, words and attached forms; the scale words), that finds a written
    figure followed by an optional scale word and a currency or unit word ("275 million
    dollars", "16 km", "3 mdkr"), or a currency sign before a figure ("$275", "€3"). Words
    are case-blind (as numcheck reads names), symbols and codes as written. Written as the
    regex engine runs it fastest: every branch starts with a digit or a sign (the engine's
    first-character scan skips the rest of the text in C) and the word lists are tries (the
    same trie builder numcheck uses), not flat alternations.
    It reads digit figures only, not number words ("three miles") nor a code before a figure
    ("SEK 3"): a floor, not a rival — it pairs nothing, converts nothing and judges nothing."""
    from numcheck.extraction.money import _alt, _currency_words
    from numcheck.language import get_lexicon
    from numcheck.language.units import get_vocabulary

    lex = get_lexicon(lang)
    v = get_vocabulary(lang)
    words = {w.lower() for w in _currency_words(lex) + list(v.words)}
    marks = list(lex.codes) + list(lex.symbols) + list(v.symbols) + list(v.attached)
    signs = [w for w in lex.symbols if w and not w[:1].isalpha()]
    fig = r"\d+(?:[.,]\d+)*"
    sp = r"[ \u00a0\u202f]?"
    return re.compile(
        rf"(?:{_alt(signs)}){sp}{fig}"
        rf"|{fig}(?:{sp}-?(?:{_alt(lex.scales)})\b)?{sp}-?(?:(?i:{_alt(words)})|{_alt(marks)})(?!\w)"
    )


@dataclass
class Timing:
    label: str
    mb: float
    seconds: list[float] = field(default_factory=list)
    items: int = 0  # mentions (or matches) found in one pass
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    @property
    def mbps(self) -> float:
        return self.mb / self.median if self.seconds and self.median > 0 else float("nan")

    def to_dict(self) -> dict:
        return {"label": self.label, "mb": self.mb, "seconds": self.seconds, "median_s": self.median,
                "mb_per_s": self.mbps, "items": self.items, "note": self.note}


def time_passes(label: str, fn: Callable[[Article], int], articles: list[Article], reps: int,
                note: str = "", log=print, min_pass_s: float = 0.0) -> Timing:
    """``reps`` timed passes of one tool over ``articles`` (see :func:`interleaved`)."""
    return interleaved([(label, fn, note, min_pass_s)], articles, reps, log)[0]


def interleaved(specs: list[tuple[str, Callable[[Article], int], str, float]], articles: list[Article],
                reps: int, log=print) -> list[Timing]:
    """Timed passes over ``articles`` for several tools, taken in turn (tool A, tool B, …, then
    again): on a shared machine a burst of load then hits every tool, not just one, and the
    ratios stay honest. With a minimum pass time, a fast tool goes over the articles several
    times per pass so that a pass lasts at least that long (a 0.1 MB sample takes numcheck a
    few hundredths of a second, too short to time)."""
    mb = size_mb(articles)
    timings, rounds = [], []
    for label, fn, note, min_pass_s in specs:
        inner = 1
        if min_pass_s > 0:
            start = time.perf_counter()
            for a in articles:
                fn(a)
            once = time.perf_counter() - start
            inner = max(1, min(1000, int(min_pass_s / once) + 1)) if once > 0 else 1
        t = Timing(label, mb * inner, note=note)
        if inner > 1:
            t.note = (note + "; " if note else "") + f"each pass = {inner} rounds over the text"
        timings.append(t)
        rounds.append(inner)
    for i in range(reps):
        for (label, fn, _, _), t, inner in zip(specs, timings, rounds):
            n = 0
            start = time.perf_counter()
            for _ in range(inner):
                for a in articles:
                    n += fn(a)
            t.seconds.append(time.perf_counter() - start)
            t.items = n // inner
            log(f"  {label}: pass {i + 1}/{reps}: {t.seconds[-1]:.2f} s, {t.mb / t.seconds[-1]:.3f} MB/s")
    return timings


class CheckErrors:
    """Articles on which numcheck.check raised: counted and reported, the run goes on."""

    def __init__(self) -> None:
        self.failed: dict[str, str] = {}  # article id → the exception, one line

    def to_dict(self) -> dict:
        return {"articles": len(self.failed), "examples": dict(list(self.failed.items())[:5]),
                "kinds": sorted({v.split(":")[0] for v in self.failed.values()})}


def numcheck_check_fn(langs: frozenset[str], errors: CheckErrors | None = None) -> Callable[[Article], int]:
    import numcheck

    def fn(a: Article) -> int:
        try:
            r = numcheck.check(a.text, date=a.date, lang=a.lang if a.lang in langs else "en")
        except Exception as e:  # a crash is a finding of the bench, not the end of it
            if errors is not None:
                errors.failed[a.id] = f"{type(e).__name__}: {e}"
            return 0
        return len(r.mentions)

    return fn


def floor_fn(a: Article) -> int:
    n = 0
    for _ in FLOOR_PATTERN.finditer(a.text):
        n += 1
    return n


def amount_floor_fn(langs: frozenset[str]) -> Callable[[Article], int]:
    """The amount floor over an article, in the article's language (its pattern compiled
    before the timing starts: call it once on a warm-up article)."""
    def fn(a: Article) -> int:
        n = 0
        for _ in amount_floor_pattern(a.lang if a.lang in langs else "en").finditer(a.text):
            n += 1
        return n

    return fn


def scaling(slice_articles: list[Article], factors: list[int], reps: int, log=print,
            min_pass_s: float = 0.5) -> list[Timing]:
    """numcheck.check on the slice concatenated k times, as one text: cost must be linear.
    A small text is checked several times per timed run so that each run lasts ``min_pass_s``."""
    import numcheck

    unit = "\n\n".join(a.text for a in slice_articles)
    date = next((a.date for a in slice_articles if a.date), None)
    out = []
    for k in factors:
        text = "\n\n".join([unit] * k)
        mb = len(text.encode("utf-8")) / MB
        try:
            start = time.perf_counter()
            r = numcheck.check(text, date=date)  # also the warm-up
            once = time.perf_counter() - start
        except Exception as e:  # reported in the table instead of a figure
            out.append(Timing(f"{k}×", mb, note=f"raised {type(e).__name__}: {e}"))
            continue
        inner = max(1, int(min_pass_s / once) + 1) if once < min_pass_s else 1
        t = Timing(f"{k}×", mb * inner, items=len(r.mentions))
        t.note = f"{reps} run(s)" + (f" of {inner} checks" if inner > 1 else "")
        for _ in range(reps):
            start = time.perf_counter()
            for _ in range(inner):
                numcheck.check(text, date=date)
            t.seconds.append(time.perf_counter() - start)
        log(f"  scaling {k}×: {mb:.2f} MB, median {t.median / inner:.3f} s per check, {t.mbps:.3f} MB/s")
        out.append(t)
    return out


def profile(articles: list[Article], langs: frozenset[str], top: int = 15) -> str:
    """cProfile of numcheck.check over ``articles``: top functions by own time and by cumulative."""
    fn = numcheck_check_fn(langs)
    prof = cProfile.Profile()
    prof.enable()
    for a in articles:
        fn(a)
    prof.disable()
    out = []
    for key, title in (("tottime", "by own time"), ("cumulative", "by cumulative time")):
        buf = io.StringIO()
        st = pstats.Stats(prof, stream=buf)
        st.sort_stats(key).print_stats(top)
        lines = buf.getvalue().splitlines()
        # keep the header line with the totals and the table itself
        body = [ln for ln in lines if ln.strip()]
        head = next((ln.strip() for ln in body if "function calls" in ln), "")
        start = next((i for i, ln in enumerate(body) if ln.strip().startswith("ncalls")), 0)
        table = [_short(ln) for ln in body[start:]]
        out.append(f"{title} ({head})\n" + "\n".join(table))
    return "\n\n".join(out)


def _short(line: str) -> str:
    """Trim site-packages/worktree prefixes from pstats paths so the table stays readable."""
    return re.sub(r"\S*/(site-packages|lib/python3\.\d+)/", "", re.sub(r"\S*/((?:numcheck|bench)/)", r"\1", line))
