"""text → mentions: every money amount in the text, with its span, value, currency and hedge.

The scanner is language-neutral: it compiles one pattern per language from the
:class:`~numcheck.lexicon.Lexicon` (separators, scale words, currency names and symbols
from CLDR; number words and hedges from the language's data file) and walks the text with
it once. A figure is money only when a currency is written next to it — "$275 million",
"USD 34.6m", "3 billion kronor" — so years, counts, percentages and model numbers ("F-16",
"Boeing 737") never become mentions.

Physical quantities have their own scanner (:mod:`.quantities`) on the same number reading;
and share the rest of the pipeline.
"""

from __future__ import annotations

import functools
import math
import re
from decimal import Decimal
from typing import Callable, Iterable

from ..language import Lexicon, get_lexicon, lowercase_codes
from ..model import Hedge, Mention
from .candidates import anchor_set, finditer_in, windows

_SP = r"[ \u00a0\u202f]"  # space, no-break space, narrow no-break space
_SPACES = frozenset(" \u00a0\u202f")
_DIGIT_RUN = re.compile(r"(?<![\d.,])\d+")  # where a figure can start
#: How far before its currency a money mention can start (figure, scale word, range, linking
#: and country words: "between 1,250 and 1,500 million Canadian dollars" is 52; a range of two
#: number phrases at the full pattern's bound of 20 words each is longer, and hostile), and after.
MONEY_REACH_BEFORE = 400
MONEY_REACH_AFTER = 60


def _alt(words: Iterable[str], space: str | None = None) -> str:
    """An alternation of literal words, as a trie ("dollar(?:s)?|d(?:kk|…)"): Python's
    regex engine tries a flat alternation branch by branch, so a 500-name list costs 500
    comparisons at every figure; a trie costs the length of the word. The trie is greedy,
    so the longest word wins ("US$" over "U", "kronor" over "kr"). ``space``: what a space
    in a word matches (the unit scanner passes a backslash-s, which compiles faster than a class)."""
    trie: dict = {}
    for w in {w for w in words if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return _render(trie, space) if trie else "(?!)"


def _render(node: dict, space: str | None = None) -> str:
    alts = [(space if ch == " " and space else re.escape(ch)) + _render(child, space)
            for ch, child in sorted((k, v) for k, v in node.items() if k)]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body


def _group_re(g: str) -> str:
    if g in ("\u00a0", "\u202f", " "):
        return _SP
    if g in ("'", "’"):
        return "['’]"
    return re.escape(g)


#: The most thousands groups one figure is read with (10^24). Unbounded, "100 000 100 000 …"
#: (a space-grouped language) was one figure read to its end from each of its groups: n².
MAX_GROUPS = 8


def digits_pattern(lex: Lexicon) -> str:
    """A written figure with the language's separators: "1,234.5", "1 234,5", "3.5", "275"."""
    d = re.escape(lex.decimal)
    groups = [lex.group] + [g for g in lex.number_words.get("extra_groups", []) if g != lex.decimal]
    g_re = "(?:" + "|".join(dict.fromkeys(_group_re(g) for g in groups)) + ")"
    # "2:50 kronor" (Swedish öre after a colon): marks the language also writes decimals with
    extra = "".join(re.escape(x) for x in lex.number_words.get("extra_decimals", []))
    dec = rf"(?:{d}\d+|[{extra}]\d{{2}}(?!\d))" if extra else rf"{d}\d+"
    # Indian grouping ("1,00,000", "12,34,56,789": lakhs and crores) where the group mark is
    # a comma: a two-digit group can never be read otherwise there.
    indian = rf"\d{{1,2}}(?:,\d{{2}}){{1,{MAX_GROUPS}}},\d{{3}}(?!\d)(?:{dec})?|" if lex.group == "," and lex.decimal == "." else ""
    # "000" never starts an amount: it is the tail of a grouped figure ("300 000").
    return (
        rf"(?<![\d.,'’{extra}])(?!0\d)(?:{indian}\d{{1,3}}(?:{g_re}\d{{3}}){{1,{MAX_GROUPS}}}(?!\d)(?:{dec})?|\d+(?:{dec})?)"
        rf"(?!\d|[.,]\d)"
    )


def other_decimal(lex: Lexicon) -> str:
    """The decimal mark of the other convention: "," for English, "." for Swedish."""
    return "," if lex.decimal == "." else "."


def foreign_decimal_pattern(lex: Lexicon) -> str:
    """A figure written in the other convention: "3,5" or "1.234,56" in English copy, "3.5"
    or "1,234.56" in German. A mark followed by one or two digits cannot be a thousands
    group, so the reading is safe: "3,5 million kronor" is 3.5 million, "€1'049,95" is
    1049.95 (translators and price tags keep their own convention)."""
    o = re.escape(other_decimal(lex))
    d = re.escape(lex.decimal)
    lead = r"(?<![\d.,'’])(?!0\d)"
    tail = rf"{o}\d{{1,2}}(?!\d|[.,]\d)"
    # "1.144.000" in English copy (or "1,144,000" in German): two groups or more of the other
    # convention cannot be a decimal either
    many = rf"\d{{1,3}}(?:{d}\d{{3}}){{2,{MAX_GROUPS}}}(?!\d|[.,]\d)"
    return rf"{lead}(?:\d{{1,3}}(?:(?:[ \u00a0\u202f'’]|{d})\d{{3}}){{1,{MAX_GROUPS}}}{tail}|\d+{tail}|{many})"


def _times(value: float, scale: float) -> float:
    """value × 10^n without binary noise: 16.4 × 10^6 is 16400000.0, not 16399999.999999998."""
    if scale == 1.0:
        return value
    # Decimal, not a float's repr glued to "e6": "1e-05e6" and "infe6" are no numbers
    return float(Decimal(repr(value)).scaleb(round(math.log10(scale))))


def _links_pattern(lex: Lexicon) -> str:
    """Words between a figure and its currency ("d'" of "3 milliards d'euros")."""
    links = sorted(lex.links, key=len, reverse=True)
    if not links:
        return "(?!)"
    return "|".join(re.escape(w.strip()) + (_SP if w.endswith(" ") else "") for w in links)


#: The longest number phrase read, in words after the first ("nine hundred and ninety-nine
#: thousand nine hundred and ninety-nine" is 8), and in parts of one compound word
#: ("yhdeksänsataayhdeksänkymmentäyhdeksäntuhatta…" is 11). Longer runs are hostile text.
_MAX_PHRASE_WORDS = 20
_MAX_WORD_PARTS = 16


def number_words_pattern(lex: Lexicon) -> str:
    nw = lex.number_words
    units = list(nw.get("units", {})) + list(nw.get("tens", {}))
    hundred = list(nw.get("hundred", [])) + list(nw.get("multipliers", {}))
    head = _alt(list(nw.get("half", [])) + list(nw.get("quarter", [])))
    word = _alt(units + hundred)
    if nw.get("compound"):
        # "zweiundzwanzig", "tjugotre", "tvåhundra", "kaksikymmentä": number words written
        # as one word are a run of the same vocabulary, optionally joined by an infix.
        infix = _alt(nw.get("infix", [])) or "(?!)"
        word = rf"(?:{word})(?:(?:{infix})?(?:{word})){{0,{_MAX_WORD_PARTS}}}"
    joiners = "|".join(re.escape(j) for j in nw.get("joiners", []) if j != "-")
    joiners = joiners or "(?!)"
    half_tail = _alt(nw.get("and_a_half", [])) or "(?!)"
    # `word` holds the hundred words already: a second alternative for them made every
    # "hundred" matchable two ways, 2^n paths on "hundred hundred …" (issue 18). The
    # repetition is bounded so that a run of number words costs the same at every start:
    # without a bound, "three three …" was tried to its end from each of its words (n²).
    seq = rf"(?:{word})(?:(?:{_SP}|-)(?:(?:{joiners}){_SP})?(?:{word})){{0,{_MAX_PHRASE_WORDS}}}(?:{_SP}(?:{half_tail}))?"
    seq += _spoken_decimals(lex)
    if head:
        return rf"(?i:(?<![^\W\d_])(?:(?:{head})|{seq})(?![^\W\d_]))"
    return rf"(?i:(?<![^\W\d_]){seq}(?![^\W\d_]))"


#: The most digits read after a spoken decimal point ("one point two five" is 1.25).
_MAX_SPOKEN_DECIMALS = 6


def _spoken_decimals(lex: Lexicon, head: str = "") -> str:
    """The spoken decimals after a whole number, as an optional tail ("one point three",
    "deux virgule cinq", "tre komma fem"): the decimal word (numbers.decimal_words) and one
    digit word (0–9) or more, or digits. With ``head``, the whole number in digits first
    ("1 point 1"). "(?!)" when the language lists no decimal word."""
    nw = lex.number_words
    points = _alt(nw.get("decimal_words", []))
    digit_words = _alt(w for w, v in nw.get("units", {}).items() if 0 <= v <= 9)
    if not nw.get("decimal_words"):
        return "(?!)" if head else ""
    tail = (rf"{_SP}(?i:{points}){_SP}(?:\d{{1,{_MAX_SPOKEN_DECIMALS}}}(?![\d.,]?\d)|(?i:{digit_words})"
            rf"(?:{_SP}(?i:{digit_words})){{0,{_MAX_SPOKEN_DECIMALS - 1}}}(?![^\W\d_]))")
    return rf"(?<![\d.,]){head}{tail}" if head else rf"(?:{tail})?"


def _symbol_alt(symbols: Iterable[str]) -> str:
    """Symbols as tries; one that starts with a letter ("kr", "Fr.") must start a word."""
    letters = [w for w in symbols if w[:1].isalpha()]
    others = [w for w in symbols if w and not w[:1].isalpha()]
    parts = ([rf"(?<![^\W\d_]){_alt(letters)}"] if letters else []) + ([_alt(others)] if others else [])
    return "|".join(parts) or "(?!)"


def _currency_words(lex: Lexicon) -> list[str]:
    """The currency words read after a figure wherever they stand: CLDR names, generic words
    ("dollars"), the bare words read by default or by region, scaled words ("mkr"), names
    written as one word. Not the words read only in some places (``_guarded_words``)."""
    bare = [k for k in list(lex.defaults) + list(lex.fallbacks) + list(lex.region_defaults) if k.replace("-", "").isalpha()]
    special = set(lex.home_words) | set(lex.digit_names)
    words = list(lex.names) + list(lex.generic) + bare + list(lex.scaled_names) + list(lex.glued_names)
    return [w for w in words if w not in special]


def _guarded_words(lex: Lexicon) -> tuple[str, str, str]:
    """Alternatives of the currency words that are read only in some places ("" when the
    language has none): ``[home_names]`` ("a grand", "10 grand": lower case, and only before
    the end of a clause or a word of ``followed_by``, so "a grand jury", "3 grand slams" and
    "Grand Prix" stay words), after a figure in digits (a comma may follow) and after number
    words (no comma: "a grand, sweeping view"); ``digit_names`` ("10 rand") and lower-case ISO
    codes ("3 gbp", see language.lowercase_codes) after digits only; codes that are words in
    capitals too (``glued_codes``: "TRY", "MNT") only glued to the figure ("10MNT")."""
    home = home_w = digit_only = ""
    if lex.home_words:
        follow = _alt(lex.home_followers)
        end = rf"{_SP}*(?:[.!?;:()\[\]–—]|\Z)|{_SP}+(?i:{follow})(?![^\W\d_]|-)"
        word = rf"(?<![^\W\d_])(?:{_alt(lex.home_words)})"
        home = rf"|{word}(?=,|{end})"
        home_w = rf"|{word}(?={end})"
    if lex.glued_codes:
        digit_only += rf"|(?<=\d)(?:{_alt(lex.glued_codes)})"  # "10MNT": a code that is a word apart
    lower = [c.lower() for c in lex.codes if c in lowercase_codes()]
    if lower:
        # "3 gbp", "20usd": a lower-case code right after a figure in digits, never after a
        # year ("in 2010 ils ont": the year alone, and "ils" is no such code anyway)
        after = r"(?:(?<=\d)|(?<=\d[ \u00a0\u202f]))"
        year = r"(?<!(?<![\d.,])[12]\d{3})(?<!(?<![\d.,])[12]\d{3}[ \u00a0\u202f])"
        digit_only += rf"|{after}{year}(?<![^\W\d_])(?:{_alt(lower)})"
    if lex.digit_names:
        digit_only += rf"|(?<=[\d \u00a0\u202f])(?i:(?<![^\W\d_])(?:{_alt(lex.digit_names)}))"
    return home, home_w, digit_only


@functools.lru_cache(maxsize=None)
def _money_regex(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern | None]:
    lex = get_lexicon(lang)
    digits = digits_pattern(lex)
    foreign = foreign_decimal_pattern(lex)
    words = number_words_pattern(lex)
    long_scales = [w for w in lex.scales if len(w) > 3 or w.islower() and len(w) > 2]
    short_scales = [w for w in lex.scales if w not in long_scales]
    scale = rf"(?:(?i:{_alt(long_scales)})|{_alt(short_scales)})(?![^\W\d_])"
    codes = _alt(lex.codes)
    symbols = _symbol_alt(lex.symbols)
    # "CAD$ 15", "aud$ 15": an ISO code written before "$" names the dollar
    # "MUSD 30", "30 MSEK": an M before the code is millions
    mcode = rf"(?<![^\W\d_])M(?:{codes})(?![^\W\d_])"
    codes_dollar = _alt([c + "$" for c in lex.codes] + [c.lower() + "$" for c in lex.codes])
    pre = rf"(?:{mcode}|(?<![^\W\d_])(?:{codes_dollar})|(?<![^\W\d_])(?:{codes})|{symbols})"
    names = _alt(_currency_words(lex))
    home, home_w, digit_only = _guarded_words(lex)
    # "$CAD", "$ CAD" (French copy): a "$" followed by an ISO code names that dollar
    # Symbols before names: "3 mia. kr., svarende til" ends with the Danish symbol "kr.";
    # the word boundary after the group sends "kronor" on to the names.
    post = rf"(?:{mcode}|\${_SP}?(?:{codes})|{symbols}|(?i:(?<![^\W\d_])(?:{names}))|(?<![^\W\d_])(?:{codes}){home}{digit_only})(?![^\W\d_])"
    link = rf"(?:{_links_pattern(lex)})"
    # "16,4 Millionen kanadischen Dollar", "10 svenske kr": a country word in front of a
    # bare currency word picks that country's currency (words from CLDR, see currency.py)
    ev = _alt(w for ws in lex.evidence.values() for w in ws)
    qual = rf"(?i:(?<![^\W\d_])(?:{ev})[^\W\d_]*){_SP}" if ev else "(?!)"
    joiners = _alt(j for j in lex.range_joiners)
    num = rf"(?:{foreign}|{digits})"
    money = rf"""
        (?:(?P<pre>{pre}){_SP}?)?
        (?P<num>{num})
        (?:(?:{_SP}|-)?(?P<scale>{scale}))?
        (?:
            {_SP}?(?P<rj>{joiners}){_SP}?
            (?:(?P<pre2>{pre}){_SP}?)?
            (?P<num2>{num})
            (?:(?:{_SP}|-)?(?P<scale2>{scale}))?
        )?
        (?:{_SP}?{link}?(?:(?P<qual>{qual})??)(?P<post>{post})
           (?:{_SP}(?P<scale3>(?i:{_alt(long_scales)})(?![^\W\d_])))?)?
    """
    hedge = rf"(?i)(?<![^\W\d_])(?P<h>{_alt(lex.hedges)}){_SP}*\Z"
    nw = lex.number_words
    starts = {w[0] for group in ("units", "tens", "multipliers") for w in nw.get(group, {})} | {w[0] for group in ("half", "quarter", "hundred") for w in nw.get(group, [])}
    # A leading character class lets the regex engine skip to candidate letters quickly.
    first = "(?=[" + "".join(sorted(re.escape(c) for c in starts | {c.upper() for c in starts})) + "])" if starts else ""
    # "three to five mln dlrs", "zwei bis drei Milliarden Euro", "seven to 10 mln dlrs": a
    # range that starts with a number word; "1 point 1 dollars": spoken decimals after digits
    spoken = _spoken_decimals(lex, r"\d{1,3}")

    def word_money(wnum: str, wnum2: str) -> str:
        return (
            rf"(?P<wnum>{wnum})(?:{_SP}?(?P<wrj>{joiners}){_SP}?(?P<wnum2>{wnum2}))?(?:(?:{_SP}|-)(?P<wscale>{scale}))?"
            rf"(?:{_SP}{link}?|{link})(?:(?P<wqual>{qual})??)(?P<wpost>(?:(?i:{names})|(?<![^\W\d_])(?:{codes}){home_w})(?![^\W\d_]))"
        )

    pre_before = rf"(?:{pre}){_SP}?\Z"
    # The word pattern is searched for (a leading character class lets the engine skip to
    # candidate letters); "1 point 1 dollars" is matched only where a figure is followed by a
    # decimal word, from the digit loop (spoken_after), so digits do not slow the search.
    points = _alt(nw.get("decimal_words", []))
    spoken_after = re.compile(rf"{_SP}(?i:{points}){_SP}") if nw.get("decimal_words") else None
    return (re.compile(money, re.X), re.compile(hedge), re.compile(first + word_money(words, rf"{words}|{digits}")),
            re.compile(pre_before), re.compile(word_money(spoken, rf"{spoken}|{words}|{digits}")), spoken_after)


@functools.lru_cache(maxsize=None)
def _name_before_regex(lang: str) -> tuple[re.Pattern, frozenset[str]]:
    """A currency name (or word) written right before a figure, with its country word:
    "ringgit 42", "Malaysian ringgit 42", "rupees 500" (see MoneyScanner._name_first); and
    the last words of those names, lower case (a cheap test before the pattern)."""
    lex = get_lexicon(lang)
    skip = {w.lower() for w in lex.number_words.get("not_before_figure", [])} | set(lex.scaled_names)
    words = [w for w in _currency_words(lex) if w[:1].isalpha() and w[-1:].isalpha() and w.lower() not in skip]
    ev = _alt(w for ws in lex.evidence.values() for w in ws)
    qual = rf"(?P<qual>(?i:(?<![^\W\d_])(?:{ev})[^\W\d_]*){_SP})?" if ev else ""
    pattern = re.compile(rf"{qual}(?P<name>(?i:(?<![^\W\d_])(?:{_alt(words)})))(?![^\W\d_]){_SP}\Z")
    return pattern, frozenset(re.split(r"[^\w]+", w.lower())[-1] for w in words)


#: What may follow an amount whose currency is written before it: the end of the text, of a
#: sentence or a clause ("a fine of rupees 500."); never a word, a sign or another figure
#: ("dollars 5 years ago", "real 0.9 pct", "crown 5.2 (5.3)", "dlrs 750/750").
_CLAUSE_END = re.compile(r"[ \u00a0\u202f]*(?:\Z|[.,;!?)](?=\s|\Z))")
_PAREN_OPEN = re.compile(r"[ \u00a0\u202f]*\(")
#: What may come before such a name: the start of the text, a sentence, a clause or a
#: parenthesis (or a hedge, or a function word: checked in code).
_CLAUSE_START = re.compile(r"(?:\A|[.;:!?(\n\"“”«»—–-]|(?<![^\W\d_])['‘’])\s*\Z")
#: An elided function word right before the name: "d'" of "une amende d'euros 500".
_ELIDED = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,3})['’]\Z")


def money_anchors(lang: str) -> tuple[list[str], str]:
    """The money scanner's part of the candidate filter (candidates.AnchorSet): every
    currency the full pattern can read before or after a figure — names, generic and scaled
    words, codes, symbols, from the same Language data, so a new currency word is in the
    filter the day it is added. Two branches, in lower case: the words at a word start (one
    trie) and the non-letter signs ("$", "€", "₹") as the character the match starts with."""
    lex = get_lexicon(lang)
    guarded = list(lex.home_words) + list(lex.digit_names) + list(lex.glued_codes)
    surfaces = _currency_words(lex) + list(lex.codes) + list(lex.symbols) + guarded
    words = {w.lower() for w in surfaces if w[:1].isalpha()} | {"m" + c.lower() for c in lex.codes}  # "MUSD 30"
    signs = {w[0] for w in surfaces if w and not w[:1].isalpha()}
    branches = [rf"(?:{_alt(words)})(?![^\W\d_])"] if words else []
    if signs:
        branches.append("(?<=[" + "".join(sorted(re.escape(c) for c in signs)) + "])")
    return branches, "".join(sorted(signs))


@functools.lru_cache(maxsize=None)
def _subunit_regex(lang: str) -> re.Pattern:
    lex = get_lexicon(lang)
    nw = lex.number_words
    # The language's sub-unit words, and every word it reads on its own as hundredths
    # ("penny", "satang", "øre" in [scaled_names]), and the cent sign, which is no word of
    # any one language: "3 GBP and one penny", "2 bhat og 23 satang", "tjue rupees 43¢".
    scaled = [w for w, (power, _code) in lex.scaled_names.items() if power == -2]
    subunits = list(nw.get("subunits", [])) + scaled + ["¢"]
    joiners = _alt(j for j in nw.get("subunit_joiners", nw.get("joiners", [])) if j != "-") or "(?!)"
    words = number_words_pattern(lex)
    # With the sub-unit word ("2 kronor och 23 öre"), or without it when the figure closes
    # the sentence or clause ("15 dollar 50.", "zwei Euro fünfzig."), where it cannot be
    # a count of something else.
    return re.compile(
        rf"{_SP}?(?:,{_SP}?|(?P<j>(?i:{joiners})){_SP})?"
        rf"(?:(?P<n>\d{{1,2}}(?!\d|[.,]\d)|{words}){_SP}?(?i:{_alt(subunits)})(?![^\W\d_]|-\w)"  # not "3 c-celler"
        rf"|(?P<bare>\d{{2}}(?!\d|[.,]\d)|{words})(?=[.!?;)]|{_SP}*$))"
    )


#: How far a round figure may be from what it rounds: "3,000" may stand for 2,700–3,300.
ROUND_FIGURE_SPREAD = 0.1


def round_figure_step(digits: str) -> float:
    """The rounding step of a whole number written in digits.

    Trailing zeros are read as rounding ("3,000" → to the hundreds at least), the lenient
    reading, because a false alarm costs more than a miss — but never by more than
    ±10% of the figure: "10 km" stands for 9–11 km, not 5–15 km, so "a 10-mile (10 km)
    stretch" is still caught. Figures without trailing zeros are exact to the unit.
    """
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    if not zeros:
        return 1.0
    value = float(digits)
    return max(1.0, min(10.0 ** min(zeros, 300), 2 * ROUND_FIGURE_SPREAD * value))


_GAP_SPACES = re.compile(r"[\s\u00a0\u202f]+")
#: A dash between words, not a hyphen inside one ("c'est-à-dire" stays as written).
_GAP_DASHES = re.compile(r"(?<![^\W\d_])[‐‑‒–—―-]+|[‐‑‒–—―-]+(?![^\W\d_])")


def normalize_gap(gap: str) -> str:
    """The text between two amounts, in the form the cue lists are written in."""
    g = _GAP_SPACES.sub(" ", gap).strip().lower()
    g = _GAP_DASHES.sub("–", g)
    g = g.replace(" ,", ",").replace("( ", "(")
    return g


def preceded_by(text: str, start: int, words: Iterable[str]) -> bool:
    """Does one of ``words`` (lower case) end, as a whole word, right before ``start``?"""
    before = text[max(0, start - 20) : start].lower().rstrip()
    return any(before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum()) for w in words)


class MoneyScanner:
    """Finds money amounts in one language. Built once per language (see get_scanner)."""

    def __init__(self, lang: str):
        self.lex = get_lexicon(lang)
        self._scale_words = frozenset(k.lower() for k in self.lex.scales)
        self._pre_last_chars = frozenset(s[-1] for s in list(self.lex.symbols) + list(self.lex.codes) if s)
        (self.pattern, self.hedge_pattern, self.word_pattern, self.pre_before,
         self._word_at_digits, self._spoken_after) = _money_regex(lang)
        # one filter for every scanner of the language, compiled when worth it
        self._anchors = anchor_set(lang).register("money", functools.partial(money_anchors, lang))
        nw = self.lex.number_words
        self._word_values = {k.lower(): v for k, v in {**nw.get("units", {}), **nw.get("tens", {})}.items()}
        self._multipliers = {w.lower(): 100 for w in nw.get("hundred", [])}
        self._multipliers.update({k.lower(): v for k, v in nw.get("multipliers", {}).items()})
        self._infixes = tuple(w.lower() for w in nw.get("infix", []))
        self._joiner_words = {w.lower() for w in nw.get("joiners", []) if w != "-"}
        self._text2num = bool(nw.get("text2num"))
        self._vocab = sorted(set(self._word_values) | set(self._multipliers) | set(self._infixes), key=len, reverse=True)
        owners: dict[str, list[str]] = {}
        for code, words in self.lex.evidence.items():
            for w in words:
                owners.setdefault(w.lower(), []).append(code)
        self._evidence_owner = sorted(owners.items(), key=lambda kv: -len(kv[0]))
        self._subunit = _subunit_regex(lang)
        self._name_before, self._name_tails = _name_before_regex(lang)
        # function words and conversion cues ("of", "for", "or", "equivalent to") may stand
        # before a name-first amount: "$6, or rupees 500."
        cue_words = {c.strip(" ,;([–—=/").lower() for c in self.lex.cues_strong}
        self._before_name_words = tuple(sorted(self.lex.not_nouns | {c for c in cue_words if c[:1].isalpha()}))
        self._foreign_decimal = re.compile(foreign_decimal_pattern(self.lex).replace("(?<![\\d.,'’])", ""))  # for fullmatch
        self._half = {w.lower() for w in nw.get("half", [])}
        self._quarter = {w.lower() for w in nw.get("quarter", [])}
        self._and_half = {w.lower() for w in nw.get("and_a_half", [])}
        self._between = tuple(w.lower() for w in self.lex.range_between)
        self._points = tuple(w.lower() for w in nw.get("decimal_words", []))
        # words that join both a number ("one hundred and five") and a range after "between"
        self._range_word_joiners = frozenset(j.lower() for j in self.lex.range_between_only) & self._joiner_words

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
        if self._foreign_decimal.fullmatch(s):
            if s.count(lex.decimal) >= 2 and other_decimal(lex) not in s:  # "1.144.000": groups only
                digits = re.sub(r"[^\d]", "", s)
                return float(digits), round_figure_step(digits)
            whole, frac = s.rsplit(other_decimal(lex), 1)
            whole = re.sub(r"[^\d]", "", whole)
            return float(f"{whole}.{frac}"), 10.0 ** -min(len(frac), 300)
        s = re.sub(r"[ \u00a0\u202f'’]", "", s)  # space-like groups, whatever the language's own
        for g in {lex.group, *lex.number_words.get("extra_groups", [])}:
            if g in (",", ".") and g != lex.decimal:
                s = s.replace(g, "")
        for mark in lex.number_words.get("extra_decimals", []):
            s = s.replace(mark, lex.decimal)
        if lex.decimal in s:
            whole, frac = s.split(lex.decimal, 1)
            value = float(f"{whole or '0'}.{frac}")
            return value, 10.0 ** -min(len(frac), 300)
        return float(s), round_figure_step(s)

    def parse_words(self, s: str) -> tuple[float, float] | None:
        low = re.sub(r"[\s\u00a0\u202f]+", " ", s.lower()).strip()
        for point in self._points:
            whole, sep, frac = low.partition(f" {point} ")
            if sep:
                return self._spoken_decimal(whole, frac)
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
        parsed = self._text2num_value(low) if self._text2num else None
        if parsed is not None:
            current = parsed
        else:
            for tok in self._tokens(low):
                if tok is None:
                    return None
                if tok in self._word_values:
                    current += self._word_values[tok]
                elif tok in self._multipliers:
                    current = (current or 1) * self._multipliers[tok]
                elif tok in self._joiner_words or tok in self._infixes:
                    continue
                else:
                    return None
        total += current + extra
        if total <= 0:
            return None
        step = 0.1 if extra else (10.0 if total >= 20 and total % 10 == 0 else 1.0)
        return total, step

    def _spoken_decimal(self, whole: str, frac: str) -> tuple[float, float] | None:
        """ "one point three" (1.3), "1 point 25", "deux virgule cinq": a whole number, then
        its decimals digit by digit (or in digits)."""
        if whole.isdigit():
            w: float | None = float(whole)
        else:
            parsed = self.parse_words(whole)
            w = parsed[0] if parsed and parsed[0] == int(parsed[0]) else None
        if frac.isdigit():
            digits = frac
        else:
            values = [self._word_values.get(t) for t in frac.split()]
            if not values or any(v is None or not 0 <= v <= 9 for v in values):
                return None
            digits = "".join(str(int(v)) for v in values)
        if w is None:
            return None
        return w + float("0." + digits), 10.0 ** -len(digits)

    def _text2num_value(self, low: str) -> float | None:
        """The value of number words by text2num, for the languages it covers."""
        try:
            from text_to_num import text2num
        except ImportError:  # pragma: no cover - declared as a dependency
            return None
        try:
            return float(text2num(low, self.lex.lang))
        except (ValueError, TypeError):
            return None  # a form text2num does not know ("eine"): the word lists decide

    def _tokens(self, low: str):
        """Words of a number phrase, with words written together split into their parts
        ("tjugotre" → "tjugo", "tre"; "zweiundzwanzig" → "zwei", "und", "zwanzig");
        None for a part that is not a number word."""
        vocab = self._vocab
        for tok in re.split(r"[ -]+", low):
            if not tok:
                continue
            if tok in self._word_values or tok in self._multipliers or tok in self._joiner_words:
                yield tok
                continue
            parts = self._split(tok, vocab)
            if parts is None:
                yield None
                return
            yield from parts

    @staticmethod
    def _split(tok: str, vocab: list[str]) -> list[str] | None:
        if not tok:
            return []
        for w in vocab:
            if tok.startswith(w):
                rest = MoneyScanner._split(tok[len(w):], vocab)
                if rest is not None:
                    return [w] + rest
        return None

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

    def qualified(self, cands: tuple[str, ...], surface: str, qual: str | None) -> tuple[str, ...]:
        """Narrow a bare currency word by the country word in front of it ("kanadischen
        Dollar" → CAD); unchanged when the word names none of its currencies."""
        if not qual:
            return cands
        q = qual.strip().lower()
        owners = [code for w, codes in self._evidence_owner if q.startswith(w) for code in codes]
        raw = set(cands) | set(self.lex.symbols.get(surface.strip(), ())) | set(self.lex.generic.get(surface.strip().lower(), ()))
        # a bare word read by default ("dollars" → USD) stands for its whole family: every
        # currency that shares a bare word with the default ("dollar": AUD, CAD, …)
        for family in self.lex.generic.values():
            if raw & set(family):
                raw |= set(family)
        picked = tuple(dict.fromkeys(c for c in owners if c in raw))
        if not picked and owners:
            # "Zimbabwean dlrs": the qualifier names a country whose dollar is not among
            # today's readings of the word; it is that country's money, never US dollars
            return tuple(dict.fromkeys(owners))
        return picked or cands

    def hedge_before(self, text: str, start: int) -> tuple[Hedge, str, int] | None:
        lo = max(0, start - 40)
        m = self.hedge_pattern.search(text, lo, start)
        if not m:
            return None
        phrase = m.group("h")
        return self.lex.hedges[phrase.lower()], phrase, m.start("h")

    def _preceded_by(self, text: str, start: int, words: tuple[str, ...]) -> bool:
        return preceded_by(text, start, words)

    def joins_range(self, text: str, start: int, joiner: str) -> bool:
        """Does ``joiner`` between two figures make one range, for figures starting at
        ``start``? A between-only word ("and", "und", "och") needs "between" before; any
        other joiner is a change after a change word ("rose from $2m to $3m"). Money and
        quantities share this rule; the words are the language's data."""
        joiner = joiner.strip().lower()
        if joiner in self.lex.range_between_only:
            return self._preceded_by(text, start, self._between)
        return not (self.lex.range_change_from and self._preceded_by(text, start, tuple(self.lex.range_change_from)))

    def split_word_range(self, text: str, start: int, phrase: str) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """ "between two and three billion", "entre deux et trois milliards": after a
        between word, a range joiner that is also a number-word joiner ("and", "et", "und",
        "och") splits the phrase into a range — never a sum of 5. Split at the last such
        joiner whose two sides read as numbers with the second larger ("between one hundred
        and fifty and two hundred" is 150–200; "entre vingt et un euros" stays 21), the two
        figures (value, step) or None."""
        joiners = self._range_word_joiners
        if not joiners or not self._preceded_by(text, start, self._between):
            return None
        tokens = re.split(r"([\s\u00a0\u202f]+)", phrase.strip())  # words at the even indices
        for j in range(len(tokens) - 3, 1, -2):
            if tokens[j].lower() not in joiners:
                continue
            left = self.parse_words("".join(tokens[: j - 1]))
            right = self.parse_words("".join(tokens[j + 2 :]))
            if left is not None and right is not None and right[0] > left[0]:
                return left, right
        return None

    def _with_subunits(self, text: str, m: Mention, resume: int) -> tuple[Mention, int]:
        """ "2 kronor och 23 öre" → 2.23 SEK: a whole amount followed by its hundredths."""
        if self._subunit is None or m.is_range or m.scale != 1.0 or not float(m.value).is_integer():
            return m, resume
        t = self._subunit.match(text, m.end)
        if not t:
            return m, resume
        raw = t.group("n") if t.group("n") is not None else t.group("bare")
        if raw.isdigit():
            cents = float(raw)
        else:
            parsed = self.parse_words(raw)
            if parsed is None:
                return m, resume
            cents = parsed[0]
        if not 0 < cents < 100:
            return m, resume
        if t.group("n") is None and not (cents == int(cents) and (10 <= cents or t.group("j") and raw.isalpha() and len(raw) > 2)):
            # without a sub-unit word only a two-digit figure ("50", "fünfzig"), or a number
            # word after "and" that closes the clause ("3 GBP and one.": one penny; never an
            # article: "$5 and a.")
            return m, resume
        from dataclasses import replace

        end = t.end()
        return replace(m, value=m.value + cents / 100, text=text[m.start:end], end=end, step=0.01), max(resume, end)

    # -- scanning --------------------------------------------------------------------------
    def scan(self, text: str) -> list[Mention]:
        """Every money mention, in order. The full pattern is tried only where a figure
        starts (a run of digits, or a number word found by its own pattern) within reach of
        a currency (the candidate filter, candidates.py): trying it at every position of the
        text costs ~40× a plain digit scan, at every digit run still ~5× the filter."""
        out: list[Mention] = []
        last_end = 0
        match = self.pattern.match
        pre_before = self.pre_before.search
        pre_ends = self._pre_last_chars
        spans = windows(text, self._anchors, MONEY_REACH_BEFORE, MONEY_REACH_AFTER)
        for a in (a for lo, hi in spans for a in _DIGIT_RUN.finditer(text, lo, hi)):
            i = a.start()
            if i < last_end:
                continue
            if a.end() == len(text) or text[a.end()].isdigit():
                a = _DIGIT_RUN.match(text, i)  # cut at a span's edge: the whole run
            m = None
            # A prefix currency ends right before the figure, or one space before it: look
            # for one only when that character can end a symbol or code ("$", "D", "r").
            c = text[i - 1] if i else ""
            if c in _SPACES and i > 1:
                c = text[i - 2]
            p = pre_before(text, max(last_end, i - 12), i) if c in pre_ends else None
            if p is not None:
                m = match(text, p.start())
            if m is None or m.group("num") is None:
                m = match(text, i)
            if m is None or m.group("num") is None:
                continue
            if m.group("pre", "pre2", "post") == (None, None, None):
                mention = self._name_first(text, m, last_end) if c.isalpha() else None  # "ringgit 42"
                if mention is None and self._spoken_after is not None and self._spoken_after.match(text, a.end()):
                    w = self._word_at_digits.match(text, i)  # "1 point 1 dollars"
                    mention = self._build_words(text, w) if w is not None else None
                if mention is not None:
                    out.append(mention)
                    last_end = mention.end
                continue  # otherwise a figure with no currency: not money
            mention, resume = self._build(text, m)
            if mention is not None:
                mention, resume = self._with_subunits(text, mention, resume)
                out.append(mention)
                last_end = mention.end
            else:
                last_end = max(last_end, min(resume, a.end()))
        for m in finditer_in(self.word_pattern, text, spans):
            mention = self._build_words(text, m)
            if mention is not None:
                mention, _ = self._with_subunits(text, mention, m.end())
                out.append(mention)
        out.sort(key=lambda x: x.start)
        return self._merge_ranges(text, out)

    def _merge_ranges(self, text: str, found: list[Mention]) -> list[Mention]:
        """ "entre 10 euros et 20 euros", "10 kronor–20 kronor": two amounts in the same
        written currency joined by a range word are one range (the currency written twice)."""
        from .ranges import merge_ranges

        joiners = {j.lower() for j in self.lex.range_joiners}

        def joinable(a: Mention, m: Mention, gap: str) -> bool:
            if not (a.kind == m.kind == "money" and m.hedge is None and a.unit_text and m.unit_text
                    and set(a.candidates) == set(m.candidates) and gap in joiners):
                return False
            if any(c.isalpha() for c in gap):
                # a word ("to", "and", "bis") joins a range only after "between"/"entre"/
                # "mellan": "rose 219 mln francs to 19.31 billion francs" is a change
                between = tuple(w for w in self._between if w not in self.lex.range_change_from)
                return self._preceded_by(text, a.start, between)
            return m.value <= 10 * a.value  # "10–20 kronor", not "1 krona – 500 kronor" lists

        return merge_ranges(text, found, joinable)

    def _mention(self, text: str, start: int, end: int, value: float, step: float, scale: float,
                 cands: tuple[str, ...], unit_text: str, number_text: str, number_start: int,
                 scale_text: str, value_max: float | None = None) -> Mention:
        """A money Mention over text[start:end], with the hedge written in front of it."""
        hedge = self.hedge_before(text, start)
        return Mention(
            text=text[start:end], start=start, end=end, value=value, unit=cands[0], kind="money",
            hedge=hedge[0] if hedge else None, hedge_text=hedge[1] if hedge else None,
            hedge_start=hedge[2] if hedge else None, value_max=value_max, step=step * scale,
            candidates=cands, unit_text=unit_text, number_text=number_text,
            number_start=number_start, scale_text=scale_text, scale=scale,
        )

    def _build(self, text: str, m: re.Match) -> tuple[Mention | None, int]:
        pre, post = m.group("pre"), m.group("post")
        pre2 = m.group("pre2")
        num2 = m.group("num2")
        rj = m.group("rj")
        if num2 is not None:
            joiner = rj.strip().lower()
            # "and" makes a range only after "between"; "to" not after "from" (a change:
            # "rose from $2m to $3m" is two amounts). Otherwise keep the first amount alone
            # and rescan from the second.
            ok = self.joins_range(text, m.start(), joiner)
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
        if post and m.group("qual"):
            cands = self.qualified(cands, post, m.group("qual"))
        start = m.start()
        end = m.end()
        if not post:
            end = m.end("scale2") if m.group("scale2") else (m.end("num2") if num2 else (m.end("scale") if m.group("scale") else m.end("num")))
        v1, step1 = self.parse_digits(m.group("num"))
        s1 = m.group("scale")
        if not s1 and not num2 and m.group("scale3"):
            s1 = m.group("scale3")  # "75 USD millones": the scale word after the currency
        if not s1 and not num2 and self.lex.unit_scale(unit_text):
            return self._scaled_unit(text, m, unit_text, cands), m.end()
        v2 = None
        s2 = m.group("scale2")
        if num2 is not None:
            v2, step2 = self.parse_digits(num2)
            scale2 = 10.0 ** self.power(s2) if s2 else 1.0
            if not s1 and s2:
                s1 = s2  # "$2–3 million": the scale word is written once, after the range
            v2 = _times(v2, scale2)
            step1 = min(step1, step2)
        scale = 10.0 ** self.power(s1) if s1 else 1.0
        value = _times(v1, scale)
        if v2 is not None and not v2 > value:
            v2 = None  # "$5-4 million" is not a range we can read
        mention = self._mention(text, start, end, value, step1, scale, cands, unit_text,
                                m.group("num"), m.start("num"), s1 or "", value_max=v2)
        return mention, end

    def _name_first(self, text: str, m: re.Match, last_end: int) -> Mention | None:
        """ "ringgit 42", "Malaysian ringgit 42", "a fine of rupees 500 crore.": a currency
        name written before its figure, as codes and symbols are ("USD 42", "kr 500").

        In real copy a name before a figure is seldom money: "dlrs 7-5/8 pct notes", "crown
        5.2 (5.3)", "mark 1986 record", "won 81 of the 166 seats", "real 0.9 pct", "the euro
        1.08", "Sterling 1.5020," (a market table: the dollar price of sterling). So it is read
        only in the clear case: the name, in lower case (a country word before it may be
        capitalised: "Malaysian ringgit 42"), starts a text, sentence, clause or parenthesis, or
        follows a hedge, a function word ("of", "for") or a conversion cue; the figure is one figure (no range, score or fraction),
        not a year, with at most a scale word and the sub-unit after it; and the amount ends
        its clause. Currency words that are everyday words before a figure ("won", "real")
        are listed per language (numbers.not_before_figure)."""
        i = m.start("num")
        if i < 2 or text[i - 1] not in _SPACES:
            return None
        k = lo = i - 1
        while k > max(last_end, lo - 30) and text[k - 1].isalpha():
            k -= 1
        if text[k:lo].lower() not in self._name_tails:
            return None  # the common case, cheaply: no currency word right before the figure
        n = self._name_before.search(text, max(last_end, i - 60), i)
        if n is None:
            return None
        start = n.start()
        name = n.group("name")
        if not name.split()[-1].islower():
            return None  # "Sterling 1.5020," "Dollar 9.0 (8.8)" in a market table, "Rand 5": names
        if not (_CLAUSE_START.search(text, max(0, start - 3), start) or self.hedge_before(text, start)
                or preceded_by(text, start, self._before_name_words) or self._elided_function_word(text, start)):
            return None  # "the euro 1.08", "Ferguson won 13", "l'euro 1,08"
        raw = m.group("num")
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", raw):
            return None  # "euro 2024", "kronor 2011."
        cands, unit_text = self.currency(name)
        if not cands:
            return None
        cands = self.qualified(cands, name, n.group("qual"))
        scale_text = m.group("scale") or ""
        end = m.end("scale") if scale_text else m.end("num")
        v, step = self.parse_digits(raw)
        scale = 10.0 ** self.power(scale_text) if scale_text else 1.0
        mention = self._mention(text, start, end, _times(v, scale), step, scale, cands, unit_text, raw, i, scale_text)
        mention, _ = self._with_subunits(text, mention, end)
        if not (_CLAUSE_END.match(text, mention.end) or self._conversion_follows(text, mention.end)):
            return None  # "dollars 5 years ago", "sterling 94,720 87,619", "crown 5.2 (5.3)"
        return mention

    def _elided_function_word(self, text: str, start: int) -> bool:
        """ "d'euros 500" (de), "d'euro 300" (di): an elided function word; "l'euro" is an article."""
        e = _ELIDED.search(text, max(0, start - 5), start)
        return e is not None and any(e.group(1).lower() + v in self.lex.not_nouns for v in "aeiou")

    def _conversion_follows(self, text: str, pos: int) -> bool:
        """Does a parenthesis with an amount in a written currency follow ("rupees 500
        (about $6)")? A parenthesis with a bare figure is a table's column ("crown 5.2 (5.3)")."""
        p = _PAREN_OPEN.match(text, pos)
        close = text.find(")", pos, pos + 80) if p else -1
        if close < 0:
            return False
        for d in _DIGIT_RUN.finditer(text, p.end(), close):
            before = self.pre_before.search(text, max(p.end(), d.start() - 12), d.start())
            m = self.pattern.match(text, before.start() if before else d.start())
            if m is not None and m.group("num") is not None and m.end("num") <= close and (m.group("pre") or m.group("post")):
                return True
        return False

    def _scaled_unit(self, text: str, m: re.Match, unit_text: str, cands: tuple[str, ...]) -> Mention:
        """ "250 mkr", "3 mdkr", "30 MUSD": the currency word carries the scale."""
        v, step = self.parse_digits(m.group("num"))
        scale = 10.0 ** self.lex.unit_scale(unit_text)
        return self._mention(text, m.start(), m.end(), _times(v, scale), step, scale, cands, unit_text,
                             m.group("num"), m.start("num"), unit_text)

    def _single(self, text: str, m: re.Match, start: int, end: int, pre: str | None, post: str | None) -> Mention | None:
        cands, unit_text = self.currency(pre, post)
        if not cands:
            return None
        v, step = self.parse_digits(m.group("num"))
        s = m.group("scale")
        scale = 10.0 ** self.power(s) if s else 1.0
        return self._mention(text, start, end, _times(v, scale), step, scale, cands, unit_text,
                             m.group("num"), m.start("num"), s or "")

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
        cands = self.qualified(cands, post, m.group("wqual"))
        wnum = m.group("wnum")
        if self.lex.number_words.get("title_case_is_name") and wnum[:1].isupper() and post[:1].isupper() and not post.isupper():
            return None  # "Tre Kronor" (the hockey team): a name where currency words are lower case
        if s and s.lower() not in self._scale_words:
            return None
        if s and len(s) <= 2 and not s.islower():
            return None  # "a B dollars": only long scale words follow number words
        v, step = parsed
        own = self.lex.unit_scale(unit_text)  # "one penny", "three cents": the word's own scale
        scale = 10.0 ** (self.power(s) if s else own)
        v_max = None
        if m.group("wnum2") is not None:
            raw2 = m.group("wnum2")
            spoken = any(f" {p} " in raw2.lower() for p in self._points)  # "and one point three"
            second = self.parse_digits(raw2) if raw2[:1].isdigit() and not spoken else self.parse_words(raw2)  # "seven to 10 mln"
            if second is None:
                return None
            if not second[0] > v or not self.joins_range(text, m.start(), m.group("wrj")):
                # "rose from three to five dollars" is a change: the amount is the second figure
                return self._mention(text, m.start("wnum2"), m.end(), _times(second[0], scale), second[1], scale,
                                     cands, unit_text, m.group("wnum2"), m.start("wnum2"), s or ("" if not own else unit_text))
            v_max = _times(second[0], scale)
            step = min(step, second[1])
        else:
            split = self.split_word_range(text, m.start(), wnum)
            if split is not None:
                (v, step), (second, step2) = split
                v_max, step = _times(second, scale), min(step, step2)
        return self._mention(text, m.start(), m.end(), _times(v, scale), step, scale, cands, unit_text,
                             wnum, m.start("wnum"), s or ("" if not own else unit_text), value_max=v_max)


@functools.lru_cache(maxsize=None)
def get_scanner(lang: str) -> MoneyScanner:
    return MoneyScanner(lang)
