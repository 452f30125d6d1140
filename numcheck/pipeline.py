"""The whole check: text → mentions → claims → rates/units → verdicts → report."""

from __future__ import annotations

from datetime import date as Date
from typing import Any, Callable

from .extraction import extract
from .extraction.currency import resolve_eras
from .pairing.claims import find_claims
from .errors import InputError, RateUnavailable
from .language.formatting import human, rate_text
from .language import get_lexicon, normalize_lang
from .language.detect import language_of
from .language.messages import Num, Phrase
from .model import ALL_KINDS, ArticleYear, Claim, Conversion, Finding, Mention, Rate, Report, Verdict
from .documents.lines import LineIndex
from .conversion.rates import RateHistory, RateProvider, check_rates_argument, resolve
from .conversion.rates.ecb import parse_date
from .judging.verdicts import DEFAULT_TOLERANCE, Outcome, judge, unverifiable

def _tolerance(value: Any) -> float:
    if value is None:
        return DEFAULT_TOLERANCE
    try:
        t = float(value)
    except (TypeError, ValueError):
        raise InputError(f"invalid tolerance {value!r}: expected a fraction such as 0.03") from None
    if not 0 <= t < 1:
        raise InputError(f"invalid tolerance {value!r}: expected a fraction between 0 and 1, such as 0.03")
    return t


def _year_conversion(a: str, b: str, year: int, provider: RateProvider) -> Conversion:
    """The conversion of a year known without its day: every published day's rate of the
    year, lowest to highest, so that a figure holds when some day of the year fits."""
    from datetime import timedelta

    day, last = Date(year, 1, 1), Date(year, 12, 31)
    seen: dict[Date | None, Rate] = {}
    reasons: list[str] = []
    while day <= last:
        if day.weekday() < 5:
            try:
                r = provider.rate(a, b, day)
            except RateUnavailable as e:
                reasons.append(str(e))
            else:
                if r.date is not None and r.date.year == year:
                    seen.setdefault(r.date, r)
        day += timedelta(days=1)
    if not seen:
        why = reasons[0].split("; no rate for")[0] if reasons else "no published day"
        raise RateUnavailable(f"no {b}/{a} rate in {year}: {why}")
    lo = min(seen.values(), key=lambda r: r.value)
    hi = max(seen.values(), key=lambda r: r.value)
    note = (f"only the year is known: {lo.provider} rates over {year} ran from {rate_text(lo.value)} {b}/{a} "
            f"on {lo.date} to {rate_text(hi.value)} on {hi.date}")
    rate = Rate(a, b, lo.value, lo.date, lo.provider, None, note)
    label = f"{rate_text(lo.value)}–{rate_text(hi.value)} {b}/{a} ({lo.provider}, {year})"
    return Conversion(a, b, lo.value, 0.0, rate, label, factor_max=hi.value)


def money_conversions(claim: Claim, day: Date | None, provider: RateProvider) -> list[Conversion]:
    """One conversion per reading of the two currencies; RateUnavailable if none exists.
    A year without its day (:class:`ArticleYear`) gives the range of that year's rates."""
    out: list[Conversion] = []
    reasons: list[str] = []
    src = claim.source.candidates or ((claim.source.unit,) if claim.source.unit else ())
    tgt = claim.target.candidates or ((claim.target.unit,) if claim.target.unit else ())
    for a in src:
        for b in tgt:
            if a == b:
                continue
            if isinstance(day, ArticleYear):
                try:
                    out.append(_year_conversion(a, b, day.year, provider))
                except RateUnavailable as e:
                    reasons.append(str(e))
                continue
            try:
                r = provider.rate(a, b, day)
            except RateUnavailable as e:
                reasons.append(str(e))
                continue
            label = f"{rate_text(r.value)} {b}/{a} ({r.provider}, {r.date.isoformat() if r.date else 'latest'})"
            out.append(Conversion(a, b, r.value, 0.0, r, label))
    if not out:
        raise RateUnavailable("; ".join(dict.fromkeys(reasons)) or "no currency to convert")
    return out


def money_hints(provider: RateProvider, day: Date | None) -> Callable[[Claim, Conversion, Outcome], list[str]]:
    """What an inconsistent money figure looks like it came from: a scale slip, a rate
    applied the wrong way round, no conversion at all, or a rate from another year."""

    def hints(claim: Claim, conv: Conversion, o: Outcome) -> list[str]:
        s, t = claim.source, claim.target
        out: list[str] = []
        if s.is_range or t.is_range or not o.expected:
            return out
        stated = t.value
        def near(a: float, b: float, rel: float = 0.05, rounding: bool = True) -> bool:
            return bool(b) and abs(a - b) <= rel * abs(b) + (t.step / 2 if rounding else 0.0)

        inverted = s.value / conv.factor
        ratio = stated / o.expected
        # scale slips first: a figure 10× or 1,000× off is a slip of the writer's, whatever
        # another currency's rate happens to give
        for k in (1e3, 1e6, 10.0):
            if near(ratio, k, 0.1, False) or near(ratio, 1 / k, 0.1, False):
                out.append(Phrase(f"scale_slip_{int(k)}"))
                break
        if near(stated, inverted):
            out.append(Phrase("wrong_way", value=Num(s.value), rate=Num(conv.factor, kind="rate"), result=Num(inverted)))
        elif near(stated, s.value, 0.02):
            out.append(Phrase("unconverted"))
        if not out:
            out.extend(_wrong_currency(provider, day, conv, s.value, stated, near))
        if not out and conv.rate is not None and isinstance(provider, RateHistory):
            want = stated / s.value
            # only a day before the article's: a writer cannot have used a rate not yet published
            before = conv.rate.date or day
            try:
                d = provider.nearest_day_for(conv.source_unit, conv.target_unit, want, max(0.01, t.step / 2 / stated),
                                             before=before)
            except TypeError:  # a provider whose search does not take ``before``: no hint
                d = None
            except Exception:  # a provider without history: no hint, never a crash
                d = None
            if d is not None and conv.rate.date and d < conv.rate.date and (conv.rate.date - d).days > 180:
                out.append(Phrase("stale_rate", provider=conv.rate.provider, day=d.isoformat(), rate=Num(want, kind="rate"),
                                  quote=conv.target_unit, base=conv.source_unit))
        return out

    return hints


#: Currencies a writer mixes up most: tried when a figure fits no conversion.
_USUAL = ("USD", "EUR", "GBP", "JPY", "CHF", "SEK", "NOK", "DKK", "CNY", "CAD", "AUD")


def _wrong_currency(provider: RateProvider, day: Date | None, conv: Conversion, value: float, stated: float, near) -> list[str]:
    for alt in _USUAL:
        if alt in (conv.source_unit, conv.target_unit):
            continue
        try:
            from_alt = provider.rate(alt, conv.target_unit, day).value
            into_alt = provider.rate(conv.source_unit, alt, day).value
        except RateUnavailable:
            continue
        if near(stated, value * from_alt, 0.01):
            return [Phrase("from_currency", alt=alt, source_unit=conv.source_unit)]
        if near(stated, value * into_alt, 0.01):
            return [Phrase("into_currency", alt=alt, target_unit=conv.target_unit)]
    return []


def _retired_reason(claim: Claim) -> str:
    """ "BRC (Brazilian Cruzado) is a retired currency, tender in BR 1986-02-28 to 1989-01-15; "
    in front of the rate's reason, so the desk sees why no rate exists."""
    if claim.kind != "money":
        return ""
    from .extraction.currency import _eras

    eras = _eras()
    out = []
    for m in (claim.source, claim.target):
        code = m.unit
        if code and code not in eras.get("since", {}) and code in eras.get("retired", {}):
            rows = eras["retired"][code]
            start = min((r[1] for r in rows if r[1]), default=None)
            end = max(r[2] for r in rows)
            name = get_lexicon("en").names_of(code)
            out.append(f"{code}{f' ({name})' if name else ''} is a retired currency"
                       f"{f', tender {start} to {end}' if start else f', tender until {end}'}; ")
    return "".join(dict.fromkeys(out))


def _undated(provider: RateProvider) -> Callable[[Claim, Conversion], str | None] | None:
    """No article date: an inconsistency at the latest rate may be a correct conversion at the
    rate of the day it was written. When some published day's rate fits the stated figure,
    judging makes the verdict ambiguous with this reason — a false alarm costs more than a miss."""
    nearest = provider.nearest_day_for if isinstance(provider, RateHistory) else None
    if nearest is None:
        return None

    def reason(claim: Claim, conv: Conversion) -> str | None:
        s, t, rate = claim.source, claim.target, conv.rate
        if rate is None or s.is_range or t.is_range or not s.value or not t.value:
            return None
        want = t.value / s.value
        slack = max(0.01, t.step / 2 / t.value)
        try:
            d = nearest(rate.base, rate.quote, want, slack)
        except Exception:  # a provider without history gives no evidence either way
            return None
        if d is None:
            return None
        return (
            "no article date given, so the latest rate was used; "
            f"the stated figure matches the {rate.provider} rate of {d.isoformat()} "
            f"({rate_text(want)} {rate.quote}/{rate.base}): give the article's date to check it"
        )

    return reason




def parse_kinds(value: Any) -> frozenset[str] | None:
    """ "money,change" or ["money", "change"] → the kinds to check; None/"all" → every kind."""
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, (list, tuple, set, frozenset)):
        raise InputError(f"invalid kinds {value!r}: expected a list such as money,unit,change,share")
    out = set()
    for item in items:
        k = str(item).strip().lower()
        if not k:
            continue
        if k == "all":
            return None
        if k not in ALL_KINDS:
            raise InputError(f"invalid kind {k!r}: expected some of {', '.join(ALL_KINDS)}")
        out.add(k)
    if not out:
        raise InputError(f"invalid kinds {value!r}: expected some of {', '.join(ALL_KINDS)}")
    return frozenset(out)


def check(text: str, *, date: Any = None, lang: str | None = "en", tolerance: Any = None, rates: Any = None,
          currency_hints: dict | None = None, kinds: Any = None, messages: str = "en") -> Report:
    if not isinstance(text, str):
        raise InputError(f"text must be str, got {type(text).__name__}")
    if rates is not None:
        check_rates_argument(rates)  # before any work: a text without claims loads no rates
    day = parse_date(date)
    if hasattr(day, "date") and callable(getattr(day, "date")):
        day = day.date()  # a datetime: its day
    drift = _tolerance(tolerance)
    wanted = parse_kinds(kinds)
    report_notes: list[str] = []
    lang, note = language_of(text, lang)
    if note:
        report_notes.append(note)
    base = normalize_lang(lang)
    lex = get_lexicon(lang)  # the region applied: a de-CH suggestion is written "13’114"
    if messages not in ("article", "en"):
        raise InputError(f"invalid messages {messages!r}: expected \"article\" (the article's language) or \"en\"")
    from .language.messages import languages

    say = base if messages == "article" and base in languages() else "en"
    mentions = extract(text, lang=lang, currency_hints=currency_hints)
    mentions = resolve_eras(mentions, text, lex, day)  # the tag's region counts
    claims = find_claims(text, mentions, lang=base)
    if wanted is not None:
        claims = [c for c in claims if c.kind in wanted]
    findings: list[Finding] = []
    provider: RateProvider | None = None
    arithmetic: list[Finding] = []
    if wanted is None or wanted & {"change", "share"}:
        from .judging.arithmetic import judge as judge_arithmetic
        from .pairing.arithmetic import find_arithmetic

        for c in find_arithmetic(text, mentions, lang=base):
            if wanted is None or c.kind in wanted:
                f = judge_arithmetic(c, lex)
                if f is not None:
                    arithmetic.append(f)
    lines = LineIndex(text) if claims or arithmetic else None
    for claim in claims:
        try:
            if claim.kind == "money":
                if provider is None:
                    provider = resolve(rates)  # a text without claims never loads rates
                convs = money_conversions(claim, day, provider)
                f = judge(claim, convs, lex, drift, money_hints(provider, day), lang=say,
                          undated=_undated(provider) if day is None else None)
            elif claim.kind == "unit":
                from .conversion.units import convert  # imports pint: only for a text with a quantity claim
                from .judging.units import hints, only_fitting

                f = judge(claim, only_fitting(claim, convert(claim, day, lang)), lex, drift, hints, lang=say)
            else:
                f = unverifiable(claim, f"no converter for {claim.kind}", lang=say)
        except RateUnavailable as e:
            f = unverifiable(claim, _retired_reason(claim) + str(e), lang=say)
        line, col = lines.position(f.target.start)  # type: ignore[union-attr]
        end_line, end_col = lines.position(f.target.end)  # type: ignore[union-attr]
        findings.append(_at(f, line, col, end_line, end_col))
    for f in arithmetic:
        line, col = lines.position(f.target.start)  # type: ignore[union-attr]
        end_line, end_col = lines.position(f.target.end)  # type: ignore[union-attr]
        findings.append(_at(f, line, col, end_line, end_col))
    if arithmetic and claims:
        findings.sort(key=lambda f: f.target.start)
    return Report(findings=tuple(findings), mentions=tuple(mentions), date=day, lang=lang, notes=tuple(report_notes))


def _at(f: Finding, line: int, col: int, end_line: int, end_col: int) -> Finding:
    from dataclasses import replace

    return replace(f, line=line, column=col, end_line=end_line, end_column=end_col,
                   offset=f.target.start, end_offset=f.target.end)


__all__ = ["check", "money_conversions", "LineIndex", "Verdict", "Mention"]
