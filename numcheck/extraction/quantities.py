"""text → quantity mentions: "a 10-mile stretch", "104F", "6 ft 2 in", "2,000 acres", "10 mil".

The figure itself is read exactly as money reads it — the same digit pattern, number words,
scale words and hedges of the language's :class:`~numcheck.lexicon.Lexicon`, through the
language's :class:`~numcheck.mentions.MoneyScanner` — so a quantity's ``step`` (the rounding
its writing implies) and ``hedge`` mean what they mean for money and the shared tolerance
logic applies unchanged. What is new is the unit after the figure, from the vocabulary in
``data/`` (see vocab.py). A figure is a quantity only when a unit is written next to it, so
"page 10", "F-16", "a 2-1 win", "Boeing 737" and "10:30" never become mentions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from .. import language as _lexicon
from .money import MoneyScanner, _alt, _links_pattern, digits_pattern, get_scanner, normalize_gap, number_words_pattern
from ..model import Mention
from .candidates import anchor_set, search_in, windows
from ..language.formatting import UNIT_LABELS
from ..language.units import Vocabulary, all_labels, get_vocabulary

_SP = r"[ \u00a0\u202f]"
_MINUS = "-−"
#: Vulgar fractions: "½ teaspoon", "2¼ miles".
_VULGAR_VALUES = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_VULGAR_DENOMINATORS = {"½": 2, "¼": 4, "¾": 4, "⅓": 3, "⅔": 3, "⅛": 8, "⅜": 8, "⅝": 8, "⅞": 8}
_VULGAR = "".join(_VULGAR_VALUES)


#: How far before its unit a quantity can start ("two hundred and fifty to three hundred
#: square kilometres" is 45; the number words' own bound is 20 words), and how far after the
#: anchor's end the full pattern may still need to look.
QUANTITY_REACH_BEFORE = 400
QUANTITY_REACH_AFTER = 60

_WS = r"\s"  # a space in a unit surface: \s, not a class, compiles far faster


def _alt_surfaces(exact: list[str], folded: list[str]) -> str:
    """One pattern for unit surfaces: ``folded`` ones match in any case ("Miles", "KM"),
    ``exact`` ones as written ("C", "MW")."""
    parts = []
    folded = sorted({s.lower() for s in folded if s})
    exact = sorted({s for s in exact if s})
    if folded:
        parts.append(f"(?i:{_alt(folded, space=_WS)})")
    if exact:
        parts.append(_alt(exact, space=_WS))
    return "|".join(parts) or "(?!)"


class QuantityScanner:
    """Finds quantities in one language (and region: "en-US" reads "tons" as short tons)."""

    def __init__(self, lang: str):
        # The money scanner of the same lexicon: by canonical tag where regions have their
        # own lexicon ("de-CH" writes 1’234.50), else by language.
        tag = getattr(_lexicon, "canonical_tag", _lexicon.normalize_lang)(lang)
        self.money: MoneyScanner = get_scanner(tag)
        self.lex = self.money.lex
        self.vocab: Vocabulary = get_vocabulary(lang)
        v = self.vocab
        UNIT_LABELS.update(all_labels())  # findings write "16 km", not "16 kilometer"
        # Symbols in lower case with two letters or more ("km", "kg", "mph") also match
        # in capitals ("KM"); "MW", "NM", "C" match only as written.
        self._folded_symbols = {s.lower(): u for s, u in v.symbols.items() if len(s) >= 2 and s == s.lower()}
        exact = [s for s in v.symbols if s not in self._folded_symbols]
        self._exact_symbols = frozenset(v.symbols)
        folded = list(self._folded_symbols) + list(v.words)
        unit_alt = _alt_surfaces(exact, folded)
        att_alt = _alt_surfaces(list(v.attached), [])
        digits = digits_pattern(self.lex)
        words = number_words_pattern(self.lex)
        surfaces = {s.lower() for s in v.symbols} | set(v.words)
        # Only scale words that are no unit: "2 million acres", but "5m" is five metres.
        scales = [w for w in self.lex.scales if len(w) >= 3 and w.lower() not in surfaces]
        scale_alt = _alt_surfaces([], scales)
        self._scales = {w.lower(): p for w, p in self.lex.scales.items() if w in scales}
        # "2,5 millones de acres", "1 million d'hectares": the language's link after a scale word
        links = _links_pattern(self.lex)
        joiners = _alt_surfaces([j for j in self.lex.range_joiners if j != "and"], ["and"] if "and" in self.lex.range_joiners else [])
        # Every quantity starts with a sign, a digit, a fraction or a number word (compounds
        # such as "tjugotre" start with one too): a cheap guard, tried as a trie at a word
        # start, that lets the search leave every other position after a character or two
        # (a third faster on wire copy than a guard on the words' first letters).
        nw = self.lex.number_words
        starts = [w for k in ("units", "tens", "multipliers") for w in nw.get(k, {})]
        starts += [w for k in ("half", "quarter", "hundred") for w in nw.get(k, ())]
        guard = rf"(?=[{_MINUS}\d{_VULGAR}]" + (rf"|(?i:(?<![^\W\d_])(?:{_alt({w.lower() for w in starts}, space=_WS)}))" if starts else "") + ")"
        self.pattern = re.compile(
            guard + rf"""
            (?:(?<![\w.,)\]{_MINUS}])(?<!\d{_SP})(?P<neg>[{_MINUS}]))?
            (?<![^\W_])(?<![^\W\d_]-)(?<!\d[-−])(?<![/⁄^])
            (?:(?P<frac>(?:\d{{1,3}}{_SP})?\d{{1,2}}[/⁄]\d{{1,2}}(?!\d)|(?:\d{{1,3}}{_SP}?)?[{_VULGAR}])|(?P<num>{digits})(?![/⁄]\d)|(?P<wnum>{words}))
            (?:(?:{_SP}|-)(?P<scale>{scale_alt})(?![^\W\d_])(?:{_SP}(?:{links}))?)?
            (?:-?{_SP}?(?P<rj>{joiners}){_SP}?(?P<num2>{digits})(?:(?:{_SP}|-)(?P<scale2>{scale_alt})(?![^\W\d_]))?)?
            (?:
                {_SP}?(?P<att>{att_alt})(?![^\W_])(?!-\d{{3}}|/)
              | (?:{_SP}?[-‐]{_SP}?|{_SP})?(?P<unit>{unit_alt})(?![^\W_])(?!-\d{{3}}|/\w)
            )
            """,
            re.X,
        )
        self._anchor_parts = (list(v.symbols) + list(v.words) + list(v.attached), starts, nw)
        # one filter for every scanner of the language, compiled when worth it
        self._anchors = anchor_set(_lexicon.canonical_tag(lang or "en")).register("quantities", lambda: self.anchors)
        self._minor_patterns = {}
        and_alt = _words(v.compound_joiners)  # "7 feet and 10 inches"
        for major, (minor, _n) in v.compounds.items():
            mins = [s for s, u in v.symbols.items() if u[0] == minor] + [s for s, u in v.words.items() if u[0] == minor]
            alt = _alt_surfaces([s for s in mins if s in v.symbols], [s for s in mins if s not in v.symbols])
            # "a 6-foot-2 forward": the minor unit unwritten after a hyphen
            bare = r"|-(?P<bare>\d{1,2})(?![\w.,]\d|\w)" if major in v.bare_minor else ""
            self._minor_patterns[major] = re.compile(
                rf"(?:(?:{_SP}|,{_SP}?|{_SP}(?:{and_alt}){_SP})(?P<n>{digits})(?:{_SP}?[-‐]?{_SP}?)(?P<u>{alt})(?![^\W_]){bare})"
            )
        fm = "|".join(re.escape(m) for m in v.foot_marks) or "(?!)"
        im = "|".join(re.escape(m) for m in sorted(v.inch_marks, key=len, reverse=True)) or "(?!)"
        # the look-behind after the first digit, not before it: a pattern that starts with a
        # digit lets the regex engine skip to the digits in C (2-3× faster over prose)
        self.prime_pattern = re.compile(
            rf"(?P<ft>\d(?<![\w.,'’′]\d)\d?){_SP}?(?:{fm}){_SP}?(?P<in>\d{{1,2}}(?:[.,]\d+)?)(?![\d])(?:{_SP}?(?:{im}))?(?![\w])"
        )
        self._diff_before = re.compile(
            r"(?i)(?<![^\W\d_])(?:" + ("|".join(re.escape(w) for w in sorted(v.difference_before, key=len, reverse=True)) or "(?!)") + rf"){_SP}*\Z"
        )
        self._diff_after = re.compile(
            r"(?i)\A[\s)\]]*(?:" + ("|".join(re.escape(w) for w in sorted(v.difference_after, key=len, reverse=True)) or "(?!)") + r")(?![^\W\d_])"
        )
        self._temp_before = re.compile(r"(?i)(?<![^\W\d_])(?:" + _words(v.temperature_context) + r")(?![^\W\d_])")
        self._angle_after = re.compile(r"(?i)\A[\s-]*(?:" + _words(v.angle_after) + r")(?![^\W\d_])")
        self._angle_before = re.compile(r"(?i)(?<![^\W\d_])(?:" + _words(v.angle_before) + rf"){_SP}*\Z")
        self._negate_before = re.compile(r"(?i)(?<![^\W\d_])(?:" + _words(v.negate_before) + rf"){_SP}+\Z")
        self._negate_after = re.compile(rf"(?i){_SP}+(?:" + _words(v.negate_after) + r")(?![^\W\d_])")
        self._ctx_after = re.compile(rf"(?i){_SP}+(?:" + _words(v.contextual_after) + r")(?![^\W\d_])")
        self._ctx_before = re.compile(
            r"(?i)(?<![^\W\d_])(?:" + ("|".join(re.escape(w) for w in sorted(v.contextual_before, key=len, reverse=True)) or "(?!)") + rf")(?:{_SP}+\S+)?{_SP}*\Z"
        )


    @functools.cached_property
    def anchors(self) -> tuple[list[str], str]:
        # The quantity scanner's part of the candidate filter (candidates.AnchorSet): a unit
        # written right after a figure's last character ("10 km", "104F", "½ mile", "2-3 km")
        # or after a number or scale word ("a mile", "three-foot", "tjugotre meter", "2
        # million acres"), from the same unit, number and scale words as the full pattern:
        # the full pattern runs only around these, not at every "a" and "an". Lower case.
        surfaces, starts, nw = self._anchor_parts
        units_low = _alt({w.lower() for w in surfaces}, space=_WS)
        heads = _alt({w.lower() for w in starts} | {w.lower() for w in self.lex.scales})
        if nw.get("compound"):
            infix = _alt({w.lower() for w in nw.get("infix", [])}) or "(?!)"
            heads = rf"(?:{heads})(?:(?:{infix})?(?:{heads}))*"
        gap = r"[ \u00a0\u202f‐-]{0,3}"
        return (
            [rf"(?<=[\d{_VULGAR}]){gap}(?:{units_low})(?![^\W_])",
             rf"(?:{heads})(?![^\W\d_]){gap}(?:{units_low})(?![^\W_])"],
            _VULGAR,
        )

    # -- units -----------------------------------------------------------------------------
    def candidates(self, surface: str) -> tuple[str, ...]:
        v = self.vocab
        if surface in v.symbols:
            return v.symbols[surface]
        if surface in v.attached:
            return v.attached[surface]
        low = re.sub(r"[ \u00a0\u202f]+", " ", surface.lower())
        return self._folded_symbols.get(low) or v.words.get(low, ())

    # -- scanning --------------------------------------------------------------------------
    def case_folded(self, unit_text: str) -> bool:
        """Whether a unit surface matched only because symbols fold case: "DM" read as "dm"."""
        t = unit_text.strip()
        return bool(t) and t not in self._exact_symbols and t.lower() in self._folded_symbols and t != t.lower()

    def scan(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        tentative: set[int] = set()
        unsure_temps: set[int] = set()
        for m in self.prime_pattern.finditer(text):
            out.append(self._prime(text, m))
        spans = windows(text, self._anchors, QUANTITY_REACH_BEFORE, QUANTITY_REACH_AFTER)
        pos, k = 0, 0
        while True:
            m, k = search_in(self.pattern, text, spans, pos, k)
            if m is None:
                break
            built = self._build(text, m)
            if built is not None:
                mention, is_tentative = built
                if is_tentative:
                    tentative.add(id(mention))
                if self._needs_temperature_evidence(m, mention):
                    unsure_temps.add(id(mention))
                out.append(mention)
                pos = mention.end
            else:
                pos = m.start() + 1
        out.sort(key=lambda x: (x.start, -x.end))
        kept: list[Mention] = []
        for x in out:
            if kept and x.start < kept[-1].end:
                continue
            kept.append(x)
        if tentative:
            kept = [x for i, x in enumerate(kept) if id(x) not in tentative or self._mass_context(text, kept, i)]
        if unsure_temps:
            kept = [x for i, x in enumerate(kept) if id(x) not in unsure_temps or self._temperature_evidence(text, kept, i)]
        return self._join_ranges(text, kept)

    def _needs_temperature_evidence(self, m: re.Match, x: Mention) -> bool:
        """"104F" and bare "degrees" may be a freighter, a filing or an angle."""
        if self.vocab.dimension(x.unit) != "temperature":
            return False
        return m.group("att") is not None or len(x.candidates) > 1

    def _temperature_evidence(self, text: str, ms: list[Mention], i: int) -> bool:
        x = ms[i]
        before = x.hedge_start if x.hedge_start is not None else x.start
        if len(x.candidates) > 1 and (self._angle_after.match(text[x.end:x.end + 30]) or self._angle_before.search(text, max(0, before - 30), before)):
            return False  # "a 45 degrees angle", "rotate 90°"
        if x.difference:
            return True  # "a rise of 2C", "2C warmer"
        if len(x.candidates) > 1:
            return True  # bare "degrees" in prose is a temperature unless it is said to be an angle
        if self._temp_before.search(text, max(0, before - 50), before):
            return True

        for j in (i - 1, i + 1):
            if 0 <= j < len(ms):
                y = ms[j]
                if self.vocab.dimension(y.unit) != "temperature":
                    continue
                lo, hi = (y, x) if j < i else (x, y)
                gap = normalize_gap(text[lo.end:(hi.hedge_start if hi.hedge_start is not None else hi.start)])
                if gap in self.lex.cues_strong or gap in self.lex.cues_reverse:
                    return True  # "104F (40C)"
        return False

    def _join_ranges(self, text: str, ms: list[Mention]) -> list[Mention]:
        """"44 mg to 50 mg", "3km-5km", "between 2C and 4C": one range, the unit written twice."""
        from .ranges import merge_ranges

        joiners = {j.lower() for j in self.lex.range_joiners}

        def joinable(x: Mention, y: Mention, gap: str) -> bool:
            # "between 2C and 4C" is a range; "from 10 km to 12 km" a change, two figures
            return (x.unit == y.unit and x.candidates == y.candidates and gap in joiners
                    and self.money.joins_range(text, x.hedge_start or x.start, gap))

        return merge_ranges(text, ms, joinable)

    def _mass_context(self, text: str, ms: list[Mention], i: int) -> bool:
        """"pounds" is mass after "weighs …" or right next to another mass ("5 pounds (2.3 kg)")."""
        x = ms[i]
        if self._ctx_before.search(text, max(0, (x.hedge_start or x.start) - 40), x.hedge_start or x.start):
            return True
        if self._ctx_after.match(text, x.end):
            return True  # "six pounds of meat"
        for j in (i - 1, i + 1):
            if 0 <= j < len(ms):
                y = ms[j]
                gap = text[min(x.end, y.end):max(x.start, y.start)]
                if len(gap) <= 40 and "\n" not in gap and self.vocab.dimension(y.unit) == "mass" and y.unit_text.lower() not in self.vocab.contextual:
                    return True
        return False

    def _prefer(self, text: str, end: int, cands: tuple[str, ...]) -> tuple[str, ...]:
        """"ounces of gold" are troy ounces: the words after a figure can make one reading the likely one."""
        after = re.sub(r"\s+", " ", text[end:end + 30]).strip().lower()
        for unit in cands:
            for w in self.vocab.prefer_after.get(unit, ()):
                if after.startswith(w) and not after[len(w):len(w) + 1].isalpha():
                    return (unit,) + tuple(c for c in cands if c != unit)
        return cands

    def _is_difference(self, text: str, start: int, end: int) -> bool:
        if self._diff_before.search(text, max(0, start - 40), start):
            return True
        return bool(self._diff_after.match(text[end:end + 40]))

    def _mention(self, text: str, start: int, end: int, value: float, step: float, cands: tuple[str, ...],
                 unit_text: str, number_text: str, number_start: int, value_max: float | None = None,
                 scale_text: str = "", scale: float = 1.0) -> Mention:
        hedge = self.money.hedge_before(text, start)
        before = hedge[2] if hedge else start
        return Mention(
            text=text[start:end], start=start, end=end, value=value, unit=cands[0], kind="unit",
            hedge=hedge[0] if hedge else None, hedge_text=hedge[1] if hedge else None,
            hedge_start=hedge[2] if hedge else None, value_max=value_max, step=step,
            candidates=cands, unit_text=unit_text, number_text=number_text, number_start=number_start,
            scale_text=scale_text, scale=scale,
            difference=self.vocab.dimension(cands[0]) == "temperature" and self._is_difference(text, before, end),
        )

    def _prime(self, text: str, m: re.Match) -> Mention:
        """5'11" → 71 inches."""
        ft, _ = self.money.parse_digits(m.group("ft"))
        inch_s = m.group("in").replace(",", ".")
        inch = float(inch_s)
        step = 10.0 ** -len(inch_s.split(".", 1)[1]) if "." in inch_s else 1.0
        return self._mention(text, m.start(), m.end(), ft * 12 + inch, step, ("inch",), m.group(0), "", -1)

    def _build(self, text: str, m: re.Match) -> tuple[Mention, bool] | None:
        v = self.vocab
        surface = m.group("att") or m.group("unit")
        cands = self.candidates(surface)
        if not cands:
            return None
        low = surface.lower()
        end = m.end()
        if len(cands) > 1 and v.prefer_after:
            cands = self._prefer(text, end, cands)
        if len(surface) == 1 and re.match(r"[-‐][^\W\d_]", text[end:end + 2]):
            return None  # "20 t-shirts", "a 5 m-class boat": a one-letter symbol inside a word
        if low in v.guarded and re.match(rf"{_SP}+[^\W_]", text[end:end + 3]):
            nxt = re.sub(r"\s+", " ", text[end:end + 20]).strip().lower()
            if not any(nxt.startswith(w) and not nxt[len(w):len(w) + 1].isalpha() for w in v.guarded_unless):
                return None  # "5 in the morning", but "2 in thick"
        start = m.start()
        word_max = None
        if m.group("frac") is not None:
            value, step = _fraction(m.group("frac"))
            number_text, number_start = m.group("frac"), m.start("frac")
        elif m.group("wnum") is not None:
            wnum = m.group("wnum")
            if m.group("num2"):
                return None
            first, _, rest = wnum.partition(" ")
            if first.lower() in v.articles:
                if not rest.strip():
                    # "a mile (1.6 km)" is one mile; "a degree in law" is no temperature
                    if v.dimension(cands[0]) == "temperature":
                        return None
                else:
                    start += len(wnum) - len(rest)  # "a three-foot trip": the figure is "three"
                    wnum = rest
            split = self.money.split_word_range(text, start, wnum)  # "between two and three km"
            parsed = split[0] if split else self.money.parse_words(wnum)
            if parsed is None:
                return None
            value, step = parsed
            if split:
                word_max, step = split[1][0], min(step, split[1][1])
            number_text, number_start = wnum, start
        else:
            value, step = self.money.parse_digits(m.group("num"))
            number_text, number_start = m.group("num"), m.start("num")
        neg = m.group("neg")
        if neg:
            value = -value
            number_text, number_start = neg + number_text, m.start("neg")
        s1 = m.group("scale")
        value_max = None
        if m.group("num2") is not None:
            v2, step2 = self.money.parse_digits(m.group("num2"))
            joiner = m.group("rj").strip().lower()
            # "rose from 10 to 12 km": a change, the unit is the second's
            is_range = v2 > value and self.money.joins_range(text, start, joiner)
            s2 = m.group("scale2")
            if not is_range:
                value, step = v2, step2
                number_text, number_start = m.group("num2"), m.start("num2")
                start = m.start("num2")
                s1 = s2
            else:
                if not s1 and s2:
                    s1 = s2
                sc2 = 10.0 ** self._scales[s2.lower()] if s2 else (10.0 ** self._scales[s1.lower()] if s1 else 1.0)
                value_max = v2 * sc2
                step = min(step, step2)
        scale = 10.0 ** self._scales[s1.lower()] if s1 else 1.0
        value *= scale
        step *= scale
        if word_max is not None:
            value_max = word_max * scale
        unit_text = surface
        major = cands[0] if len(cands) == 1 or cands[0] in v.compounds else None
        if major in self._minor_patterns and value_max is None and not s1:
            c = self._minor_patterns[major].match(text, end)
            if c is not None:
                minor, per = v.compounds[major]
                if c.groupdict().get("bare") is not None:
                    mv, mstep = float(c.groupdict()["bare"]), 1.0
                else:
                    mv, mstep = self.money.parse_digits(c.group("n"))
                if 0 <= mv < per:
                    sign = -1.0 if value < 0 else 1.0
                    total = value * per + sign * mv
                    return self._mention(text, start, c.end(), total, mstep, (minor,), text[start:c.end()], "", -1), False
        if v.dimension(cands[0]) == "temperature" and value > 0 and value_max is None:
            neg_after = self._negate_after.match(text, end)
            neg_before = self._negate_before.search(text, max(0, start - 12), start)
            if neg_after:
                value, end = -value, neg_after.end()  # "2 degrees below zero"
            elif neg_before:
                value, start = -value, neg_before.start()  # "minus 10 grader"
                number_text, number_start = text[start:number_start] + number_text, start
        mention = self._mention(
            text, start, end, value, step, cands, unit_text, number_text, number_start,
            value_max=value_max, scale_text=s1 or "", scale=scale,
        )
        return mention, low in v.contextual


def _words(ws) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=len, reverse=True)) or "(?!)"


def _fraction(s: str) -> tuple[float, float]:
    """"10 1/2" → (10.5, 0.5); "½" → (0.5, 0.5): a fraction is precise to its denominator."""
    s = re.sub(r"[\u00a0\u202f]", " ", s.replace("⁄", "/")).strip()
    if s[-1] in _VULGAR_VALUES:
        head = s[:-1].strip()
        return (float(head) if head else 0.0) + _VULGAR_VALUES[s[-1]], 1.0 / _VULGAR_DENOMINATORS[s[-1]]
    whole = 0.0
    if " " in s:
        head, s = s.split(None, 1)
        whole = float(head)
    num, den = s.split("/")
    d = float(den) or 1.0
    return whole + float(num) / d, 1.0 / d


@functools.lru_cache(maxsize=None)
def get_quantity_scanner(lang: str) -> QuantityScanner:
    return QuantityScanner(lang)


def scan(text: str, lang: str) -> list[Mention]:
    """The scanner registered with numcheck.mentions: every quantity in ``text``."""
    return get_quantity_scanner(lang or "en").scan(text)


__all__ = ["QuantityScanner", "get_quantity_scanner", "scan"]
