"""text → mentions: every money amount in the text, with its span, value, currency and hedge.

The scanner is language-neutral: it compiles one pattern per language from the
:class:`~numcheck.lexicon.Lexicon` (separators, scale words, currency names and symbols
from CLDR; number words and hedges from the language's data file) and walks the text with
it once. A figure is money only when a currency is written next to it — "$275 million",
"USD 34.6m", "3 billion kronor" — so years, counts, percentages and model numbers ("F-16",
"Boeing 737") never become mentions.

Other kinds of amount (physical quantities) register a scanner with :func:`register_scanner`
and share the rest of the pipeline.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Callable, Iterable

from .lexicon import Lexicon, get_lexicon
from .model import Hedge, Mention

_SP = r"[ \u00a0\u202f]"  # space, no-break space, narrow no-break space
_DIGIT_RUN = re.compile(r"(?<![\d.,])\d+")  # where a figure can start


def _alt(words: Iterable[str]) -> str:
    """An alternation of literal words, as a trie ("dollar(?:s)?|d(?:kk|…)"): Python's
    regex engine tries a flat alternation branch by branch, so a 500-name list costs 500
    comparisons at every figure; a trie costs the length of the word. The trie is greedy,
    so the longest word wins ("US$" over "U", "kronor" over "kr")."""
    trie: dict = {}
    for w in {w for w in words if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return _render(trie) if trie else "(?!)"


def _render(node: dict) -> str:
    alts = [re.escape(ch) + _render(child) for ch, child in sorted((k, v) for k, v in node.items() if k)]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body


def digits_pattern(lex: Lexicon) -> str:
    """A written figure with the language's separators: "1,234.5", "1 234,5", "3.5", "275"."""
    d = re.escape(lex.decimal)
    g = lex.group
    if g in ("\u00a0", "\u202f", " "):
        g_re = _SP
    elif g == "'" or g == "’":
        g_re = "['’]"
    else:
        g_re = re.escape(g)
    return (
        rf"(?<![\d.,'’])(?:\d{{1,3}}(?:{g_re}\d{{3}})+(?!\d)(?:{d}\d+)?|\d+(?:{d}\d+)?)"
        rf"(?!\d|[.,]\d)"
    )


def number_words_pattern(lex: Lexicon) -> str:
    nw = lex.number_words
    units = list(nw.get("units", {})) + list(nw.get("tens", {}))
    hundred = list(nw.get("hundred", []))
    head = _alt(list(nw.get("half", [])) + list(nw.get("quarter", [])))
    word = _alt(units)
    joiners = "|".join(re.escape(j) for j in nw.get("joiners", []) if j != "-")
    hund = _alt(hundred) or "(?!)"
    half_tail = _alt(nw.get("and_a_half", [])) or "(?!)"
    seq = rf"(?:{word})(?:(?:{_SP}|-)(?:(?:{joiners}){_SP})?(?:{word}|{hund}))*(?:{_SP}(?:{half_tail}))?"
    if head:
        return rf"(?i:\b(?:(?:{head})|{seq})\b)"
    return rf"(?i:\b{seq}\b)"


@functools.lru_cache(maxsize=None)
def _money_regex(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    lex = get_lexicon(lang)
    digits = digits_pattern(lex)
    words = number_words_pattern(lex)
    long_scales = [w for w in lex.scales if len(w) > 3 or w.islower() and len(w) > 2]
    short_scales = [w for w in lex.scales if w not in long_scales]
    scale = rf"(?:(?i:{_alt(long_scales)})|{_alt(short_scales)})(?![^\W\d_])"
    codes = _alt(lex.codes)
    symbols = _alt(lex.symbols)
    pre = rf"(?:(?<![^\W\d_])(?:{codes})|{symbols})"
    names = _alt(list(lex.names) + list(lex.generic) + [k for k in lex.defaults if k.isalpha()])
    post = rf"(?:(?i:{names})|(?<![^\W\d_])(?:{codes})|{symbols})(?![^\W\d_])"
    joiners = _alt(j for j in lex.range_joiners)
    money = rf"""
        (?:(?P<pre>{pre}){_SP}?)?
        (?P<num>{digits})
        (?:(?:{_SP}|-)?(?P<scale>{scale}))?
        (?:
            {_SP}?(?P<rj>{joiners}){_SP}?
            (?:(?P<pre2>{pre}){_SP}?)?
            (?P<num2>{digits})
            (?:(?:{_SP}|-)?(?P<scale2>{scale}))?
        )?
        (?:{_SP}?(?P<post>{post}))?
      | (?P<wnum>{words})
        (?:(?:{_SP}|-)(?P<wscale>{scale}))?
        {_SP}(?P<wpost>(?i:{names})(?![^\W\d_]))
    """
    hedge = rf"(?i)(?<![^\W\d_])(?P<h>{_alt(lex.hedges)}){_SP}*\Z"
    nw = lex.number_words
    starts = {w[0] for group in ("units", "tens") for w in nw.get(group, {})} | {w[0] for group in ("half", "quarter") for w in nw.get(group, [])}
    # A leading character class lets the regex engine skip to candidate letters quickly.
    first = "(?=[" + "".join(sorted(re.escape(c) for c in starts | {c.upper() for c in starts})) + "])" if starts else ""
    word_money = rf"{first}(?P<wnum>{words})(?:(?:{_SP}|-)(?P<wscale>{scale}))?{_SP}(?P<wpost>(?i:{names})(?![^\W\d_]))"
    pre_before = rf"(?:{pre}){_SP}?\Z"
    return re.compile(money, re.X), re.compile(hedge), re.compile(word_money), re.compile(pre_before)


class MoneyScanner:
    """Finds money amounts in one language. Built once per language (see get_scanner)."""

    def __init__(self, lang: str):
        self.lex = get_lexicon(lang)
        self.pattern, self.hedge_pattern, self.word_pattern, self.pre_before = _money_regex(self.lex.lang)
        nw = self.lex.number_words
        self._word_values = {k.lower(): v for k, v in {**nw.get("units", {}), **nw.get("tens", {})}.items()}
        self._hundred = {w.lower() for w in nw.get("hundred", [])}
        self._half = {w.lower() for w in nw.get("half", [])}
        self._quarter = {w.lower() for w in nw.get("quarter", [])}
        self._and_half = {w.lower() for w in nw.get("and_a_half", [])}
        self._between = tuple(w.lower() for w in self.lex.range_between)

    # -- numbers ---------------------------------------------------------------------------
    def power(self, word: str) -> int:
        """The power of ten of a scale word; long words match in any case ("MLN", "Million")."""
        scales = self.lex.scales
        p = scales.get(word)
        if p is None:
            p = scales.get(word.lower())
        if p is None:
            p = next(v for k, v in scales.items() if k.lower() == word.lower())
        return p

    def parse_digits(self, s: str) -> tuple[float, float]:
        """"1,234.5" → (1234.5, 0.1): the value and the rounding step its writing implies."""
        lex = self.lex
        s = re.sub(r"[ \u00a0\u202f'’]", "", s) if lex.group not in (",", ".") else s
        if lex.group in (",", "."):
            s = s.replace(lex.group, "")
        if lex.decimal in s:
            whole, frac = s.split(lex.decimal, 1)
            value = float(f"{whole or '0'}.{frac}")
            return value, 10.0 ** -len(frac)
        value = float(s)
        stripped = s.rstrip("0")
        zeros = len(s) - len(stripped) if stripped else 0
        # Trailing zeros of a whole number are read as rounding ("3,000" → to the thousand):
        # the lenient reading, because a false alarm costs more than a miss.
        return value, 10.0 ** zeros

    def parse_words(self, s: str) -> tuple[float, float] | None:
        low = re.sub(r"[\s\u00a0\u202f]+", " ", s.lower()).strip()
        if low in self._half:
            return 0.5, 0.1
        if low in self._quarter:
            return 0.25, 0.05
        extra = 0.0
        for tail in self._and_half:
            if low.endswith(" " + tail):
                low = low[: -len(tail) - 1]
                extra = 0.5
        total = 0.0
        current = 0.0
        for tok in re.split(r"[ -]+", low):
            if tok in self._word_values:
                current += self._word_values[tok]
            elif tok in self._hundred:
                current = (current or 1) * 100
            elif tok in ("and",):
                continue
            else:
                return None
        total += current + extra
        if total <= 0:
            return None
        step = 0.1 if extra else (10.0 if total >= 20 and total % 10 == 0 else 1.0)
        return total, step

    # -- currency --------------------------------------------------------------------------
    def currency(self, *surfaces: str | None) -> tuple[tuple[str, ...], str]:
        """Candidates for the written currency; the most specific surface form wins."""
        best: tuple[str, ...] = ()
        best_text = ""
        for s in surfaces:
            if not s:
                continue
            c = self.lex.currency_candidates(s)
            if c and (not best or len(c) < len(best)):
                best, best_text = c, s
        return best, best_text

    def hedge_before(self, text: str, start: int) -> tuple[Hedge, str, int] | None:
        lo = max(0, start - 40)
        m = self.hedge_pattern.search(text, lo, start)
        if not m:
            return None
        phrase = m.group("h")
        return self.lex.hedges[phrase.lower()], phrase, m.start("h")

    def _preceded_by(self, text: str, start: int, words: tuple[str, ...]) -> bool:
        before = text[max(0, start - 12) : start].lower().rstrip()
        return any(before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum()) for w in words)

    # -- scanning --------------------------------------------------------------------------
    def scan(self, text: str) -> list[Mention]:
        """Every money mention, in order. The full pattern is tried only where a figure
        starts (a run of digits, or a number word found by its own pattern): trying it at
        every position of the text costs ~40× a plain digit scan."""
        out: list[Mention] = []
        last_end = 0
        match = self.pattern.match
        pre_before = self.pre_before.search
        for a in _DIGIT_RUN.finditer(text):
            i = a.start()
            if i < last_end:
                continue
            m = None
            p = pre_before(text, max(last_end, i - 12), i)
            if p is not None:
                m = match(text, p.start())
            if m is None or m.group("num") is None:
                m = match(text, i)
            if m is None or m.group("num") is None:
                continue
            if m.group("pre", "pre2", "post") == (None, None, None):
                continue  # a figure with no currency: not money
            mention, resume = self._build(text, m)
            if mention is not None:
                out.append(mention)
                last_end = mention.end
            else:
                last_end = max(last_end, min(resume, a.end()))
        for m in self.word_pattern.finditer(text):
            mention = self._build_words(text, m)
            if mention is not None:
                out.append(mention)
        out.sort(key=lambda x: x.start)
        return out

    def _build(self, text: str, m: re.Match) -> tuple[Mention | None, int]:
        if m.group("wnum") is not None:
            return self._build_words(text, m), m.end()
        pre, post = m.group("pre"), m.group("post")
        pre2 = m.group("pre2")
        num2 = m.group("num2")
        rj = m.group("rj")
        if num2 is not None:
            joiner = rj.strip().lower()
            # "and" makes a range only after "between"; "to" not after "from" (a change:
            # "rose from $2m to $3m" is two amounts). Otherwise keep the first amount alone
            # and rescan from the second.
            ok = True
            if joiner == "and" and not self._preceded_by(text, m.start(), self._between):
                ok = False
            if joiner in ("to", "-", "–", "—") and self._preceded_by(text, m.start(), ("from",)):
                ok = False
            if pre2 and pre and pre2 != pre:
                ok = False
            post = m.group("post")
            if ok and pre and post and not set(self.lex.currency_candidates(pre)) & set(self.lex.currency_candidates(post)):
                ok = False  # "€3,000 – 3,616 Swiss francs": two amounts, not a range
            if not ok:
                return self._single(text, m, m.start(), m.end("scale") if m.group("scale") else m.end("num"), pre, None), m.start("rj")
        cands, unit_text = self.currency(pre, pre2, post)
        if not cands:
            return None, m.end("num")
        start = m.start()
        end = m.end()
        if not post:
            end = m.end("scale2") if m.group("scale2") else (m.end("num2") if num2 else (m.end("scale") if m.group("scale") else m.end("num")))
        v1, step1 = self.parse_digits(m.group("num"))
        s1 = m.group("scale")
        v2 = None
        s2 = m.group("scale2")
        if num2 is not None:
            v2, step2 = self.parse_digits(num2)
            scale2 = 10.0 ** self.power(s2) if s2 else 1.0
            if not s1 and s2:
                s1 = s2  # "$2–3 million": the scale word is written once, after the range
            v2 *= scale2
            step1 = min(step1, step2)
        scale = 10.0 ** self.power(s1) if s1 else 1.0
        value = v1 * scale
        if v2 is not None and not v2 > value:
            v2 = None  # "$5-4 million" is not a range we can read
        hedge = self.hedge_before(text, start)
        return (
            Mention(
                text=text[start:end],
                start=start,
                end=end,
                value=value,
                unit=cands[0],
                kind="money",
                hedge=hedge[0] if hedge else None,
                hedge_text=hedge[1] if hedge else None,
                hedge_start=hedge[2] if hedge else None,
                value_max=v2,
                step=step1 * scale,
                candidates=cands,
                unit_text=unit_text,
                number_text=m.group("num"),
                number_start=m.start("num"),
                scale_text=s1 or "",
                scale=scale,
            ),
            end,
        )

    def _single(self, text: str, m: re.Match, start: int, end: int, pre: str | None, post: str | None) -> Mention | None:
        cands, unit_text = self.currency(pre, post)
        if not cands:
            return None
        v, step = self.parse_digits(m.group("num"))
        s = m.group("scale")
        scale = 10.0 ** self.power(s) if s else 1.0
        hedge = self.hedge_before(text, start)
        return Mention(
            text=text[start:end], start=start, end=end, value=v * scale, unit=cands[0], kind="money",
            hedge=hedge[0] if hedge else None, hedge_text=hedge[1] if hedge else None,
            hedge_start=hedge[2] if hedge else None, step=step * scale, candidates=cands,
            unit_text=unit_text, number_text=m.group("num"), number_start=m.start("num"),
            scale_text=s or "", scale=scale,
        )

    def _build_words(self, text: str, m: re.Match) -> Mention | None:
        post = m.group("wpost")
        s = m.group("wscale")
        if not post:
            return None  # "three billion" with no currency is not money
        parsed = self.parse_words(m.group("wnum"))
        if parsed is None:
            return None
        cands, unit_text = self.currency(post)
        if not cands:
            return None
        if s and s.lower() not in {k.lower() for k in self.lex.scales}:
            return None
        if s and len(s) <= 2 and not s.islower():
            return None  # "a B dollars": only long scale words follow number words
        v, step = parsed
        scale = 10.0 ** self.power(s) if s else 1.0
        start, end = m.start(), m.end()
        hedge = self.hedge_before(text, start)
        return Mention(
            text=text[start:end], start=start, end=end, value=v * scale, unit=cands[0], kind="money",
            hedge=hedge[0] if hedge else None, hedge_text=hedge[1] if hedge else None,
            hedge_start=hedge[2] if hedge else None, step=step * scale, candidates=cands,
            unit_text=unit_text, number_text=m.group("wnum"), number_start=m.start("wnum"),
            scale_text=s or "", scale=scale,
        )


@functools.lru_cache(maxsize=None)
def get_scanner(lang: str) -> MoneyScanner:
    return MoneyScanner(lang)


#: Extra scanners (physical quantities, …): each takes (text, lang) and returns Mentions.
_EXTRA_SCANNERS: list[Callable[[str, str], list[Mention]]] = []


def register_scanner(fn: Callable[[str, str], list[Mention]]) -> None:
    if fn not in _EXTRA_SCANNERS:
        _EXTRA_SCANNERS.append(fn)


def extract(text: str, *, lang: str = "en") -> list[Mention]:
    """Every amount in ``text``, paired or not, in order of position."""
    from .lexicon import normalize_lang

    base = normalize_lang(lang)
    mentions = get_scanner(base).scan(text)
    from . import units  # noqa: F401  registers the quantity scanner; never imports pint
    for fn in _EXTRA_SCANNERS:
        mentions.extend(fn(text, lang))
    mentions.sort(key=lambda x: (x.start, x.end))
    return _drop_overlaps(mentions)


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for x in mentions:
        if out and x.start < out[-1].end:
            # longer wins; on the very same span a quantity beats money: its scanner claims
            # "5 pounds" only when the context says mass ("5 pounds (2.3 kg)")
            same = (x.start, x.end) == (out[-1].start, out[-1].end) and out[-1].kind == "money"
            if (x.end - x.start) > (out[-1].end - out[-1].start) or same and x.kind != "money":
                out[-1] = x
            continue
        out.append(x)
    return out


def significant_step(value: float) -> float:  # pragma: no cover - used by later stages
    return 10.0 ** math.floor(math.log10(abs(value))) if value else 1.0
