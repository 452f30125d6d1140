"""What the HTTP server does per request, without HTTP: check a text, look up a rate.

The :class:`Engine` is built once per process, before the first request: it resolves the
enabled rate providers (loading the ECB history), builds every language's lexicon and unit
vocabulary and runs one warm-up check per language, so that no request reads a file and the
first editor of the morning does not wait for the data to load. Requests choose among the
providers enabled at start (``rates`` names them); a request can never name a file.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any, Sequence

from ..batch import FileResult, _claim_span, check_document
from ..config import Config
from ..documents.readers import Document, parse_document
from ..errors import InputError, RateUnavailable
from ..language import available_languages, canonical_tag, get_lexicon, normalize_lang
from ..pipeline import _tolerance
from ..conversion.rates import get_provider, resolve
from ..conversion.rates.ecb import parse_date
from ..outputs.report import render_json

#: The formats a text can be sent in, as the API names them → the document reader's names.
FORMATS = {"plain": "text", "text": "text", "markdown": "markdown", "md": "markdown", "html": "html"}

#: A sentence per language with a money and a unit conversion: checked once at start so
#: that every lexicon, unit vocabulary, the rate history and pint's registry are loaded.
_WARM_TEXT = "$275 million (about 3 billion kronor), €10 (£8.50) and a 10-mile (16 km) stretch"


class RequestError(InputError):
    """A bad request: a one-line message, and the field it is about (None: the body)."""

    def __init__(self, message: str, field: str | None = None, status: int = 400):
        super().__init__(message)
        self.field = field
        self.status = status


@dataclass(frozen=True)
class CheckRequest:
    """One text to check, with the settings the request gave (None: the server's default)."""

    text: str
    date: Date | None = None
    lang: str | None = None
    tolerance: float | None = None
    rates: tuple[str, ...] | None = None
    format: str = "plain"
    name: str = "text"  # the name errors and the report's "path" give it


@dataclass
class Engine:
    """The per-process state of ``numcheck serve``: providers and language data, loaded once.

    Each language is loaded with its most common region ("en-US", "pt-BR", "sv-SE") before
    the first request; the other regions CLDR knows for it ("en-GB", "de-CH", "fr-CA" …;
    ``regions="all"``, or a list of tags) load in a background thread after start, and a
    request for one of them waits until they are in. A tag outside these is a 400: no
    request ever builds language data (which would read files)."""

    rates: Sequence[str] = ("ecb",)
    config: Config = field(default_factory=Config)
    tolerance: float | None = None
    default_lang: str | None = None  # None: guess the language of each text
    warm: bool = True
    regions: Sequence[str] | str = "all"

    def __post_init__(self) -> None:
        self.rates = tuple(s.strip() for s in self.rates if s.strip()) or ("ecb",)
        self._providers = {spec: get_provider(spec, self.config) for spec in self.rates}
        self._chains: dict[tuple[str, ...], Any] = {}
        self._lock = threading.Lock()
        self.default_provider = self.provider_for(None)
        self.languages = tuple(available_languages())
        self.loaded: set[str] = set()  # tags whose data is in memory
        self.pending: set[str] = set()  # tags the background thread is loading
        self.regions_done = threading.Event()
        if self.tolerance is not None:
            _tolerance(self.tolerance)
        if self.default_lang is not None:  # a bad one is said before anything loads
            self._tag(self.default_lang, "default language")
        if self.warm:
            self.warm_up()
        else:
            self.loaded.update(self.languages)
            self.regions_done.set()
        if self.default_lang is not None:
            self.default_lang = self.language(self.default_lang, "default language")

    # -- start-up ------------------------------------------------------------------------

    def _load(self, tag: str) -> None:
        from .. import check

        from ..language.messages import languages as message_languages, templates
        from ..language.units import get_vocabulary

        get_lexicon(tag)
        get_vocabulary(tag)
        base = normalize_lang(tag)
        if base in message_languages():
            templates(base)  # messages in the article's language: read here, never in a request
        check(_WARM_TEXT, date="2024-11-19", lang=tag, rates=self.default_provider, messages="article")

    def warm_up(self) -> None:
        """Load everything a request may need: one small check per language and its common
        region (lexicon, unit vocabulary, pint registry, the rate history), the language
        guesser's lists and the document readers; then the other regions, in the background."""
        from .. import check

        wanted = cldr_regions(self.languages) if self.regions == "all" else [canonical_tag(t) for t in self.regions]
        for tag in wanted:
            if normalize_lang(tag) not in self.languages or not re.fullmatch(r"[a-z]{2,3}-[A-Z0-9]{2,3}", tag):
                raise InputError(f"invalid region {tag!r}: expected a tag such as en-GB, in {', '.join(self.languages)}")
        for lang in self.languages:
            for tag in (lang, likely_region(lang)):
                if tag:
                    self._load(tag)
                    self.loaded.add(tag)
        check(_WARM_TEXT, date=None, lang=None, rates=self.default_provider)
        parse_document("---\ndate: 2024-11-19\n---\n<p>x</p>", "<warm>", "html")
        parse_document("---\ndate: 2024-11-19\n---\n**x**", "<warm>", "markdown")
        self.pending = {t for t in wanted if t not in self.loaded}
        if not self.pending:
            self.regions_done.set()
            return

        def background() -> None:
            try:
                for tag in sorted(self.pending):
                    self._load(tag)
                    self.loaded.add(tag)
            finally:
                self.regions_done.set()

        threading.Thread(target=background, name="numcheck-regions", daemon=True).start()

    # -- settings of a request ---------------------------------------------------------------

    def provider_for(self, names: Sequence[str] | None):
        """The chain of enabled providers ``names`` (None: all enabled, in order)."""
        key = tuple(names) if names else self.rates
        with self._lock:
            p = self._chains.get(key)
            if p is None:
                unknown = [n for n in key if n not in self._providers]
                if unknown:
                    raise RequestError(
                        f"rate provider {unknown[0]!r} is not enabled on this server (enabled: {', '.join(self.rates)})", "rates")
                p = self._chains[key] = resolve([self._providers[n] for n in key], self.config)
            return p

    def language(self, value: Any, field_name: str = "lang") -> str | None:
        """A language tag whose data is loaded ("sv", "en-GB", "de_CH" → "de-CH"), or None
        for "guess"."""
        if value is None:
            return self.default_lang
        tag = self._tag(value, field_name)
        if tag is None:
            return None
        tag = canonical_tag(tag)
        if tag not in self.loaded and tag not in self.pending:
            raise RequestError(f"unsupported {field_name} {value!r}: no such region of {normalize_lang(tag)!r} "
                               "on this server (see /v2/languages)", field_name)
        return tag

    def _tag(self, value: Any, field_name: str) -> str | None:
        """A well-formed tag of a language numcheck reads; None for "guess"."""
        if not isinstance(value, str):
            raise RequestError(f"invalid {field_name} {value!r}: expected a language tag such as \"en\" or \"sv\"", field_name)
        tag = value.strip()
        if not tag or tag.lower() == "auto":
            return None
        if not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", tag):
            raise RequestError(f"invalid {field_name} {value!r}: expected a language tag such as \"en\" or \"sv\"", field_name)
        if normalize_lang(tag) not in self.languages:
            raise RequestError(f"unsupported {field_name} {value!r}: numcheck reads {', '.join(self.languages)}", field_name)
        return tag

    # -- work ------------------------------------------------------------------------------

    def check(self, req: CheckRequest) -> tuple[FileResult, Document]:
        """The result for one text and the document it was read as (its offset map)."""
        fmt = FORMATS.get(req.format)
        if fmt is None:
            raise RequestError(f"invalid format {req.format!r}: expected plain, markdown or html", "format")
        doc = parse_document(req.text, req.name, fmt)
        # the request's language, else the front matter's, else the server's, else a guess
        lang = req.lang or (self.language(doc.lang, "lang (front matter)") if doc.lang else None) or self.default_lang
        if lang is not None and lang not in self.loaded:
            self.regions_done.wait()  # a region still loading in the background
        lang = lang or "auto"
        provider = self.provider_for(req.rates)
        tolerance = req.tolerance if req.tolerance is not None else self.tolerance
        return check_document(doc, date=req.date, lang=lang, tolerance=tolerance, rates=provider), doc

    def report(self, req: CheckRequest) -> dict:
        """The ``numcheck check --format json`` document for one text, plus ``offsets`` per
        finding: where the stated figure and the whole claim are in the text as sent."""
        result, d = self.check(req)
        doc = json.loads(render_json([result]))
        for f, entry in zip(result.report.findings if result.report else (), doc["files"][0].get("findings", [])):
            entry["offsets"] = finding_offsets(d, f)
        doc["files"][0]["length"] = len(d.original)
        return doc

    def rate(self, base: str, quote: str, day: Any, names: Sequence[str] | None = None) -> dict:
        codes = []
        for name, code in (("base", base), ("quote", quote)):
            if not code:
                raise RequestError(f"missing {name}: expected an ISO 4217 code such as USD", name)
            code = code.strip().upper()
            if len(code) != 3 or not code.isalpha():
                raise RequestError(f"invalid {name} {code!r}: expected an ISO 4217 code such as USD", name)
            codes.append(code)
        try:
            d = parse_date(day or None)
        except InputError as e:
            raise RequestError(str(e), "date") from None
        try:
            r = self.provider_for(names).rate(codes[0], codes[1], d)
        except RateUnavailable as e:
            raise RequestError(f"{codes[0]}/{codes[1]}: {e}", None, status=404) from None
        return r.to_dict()


def likely_region(lang: str) -> str | None:
    """The region CLDR gives a language when none is said: "en" → "en-US", "pt" → "pt-BR"."""
    from babel.core import get_global

    parts = get_global("likely_subtags").get(lang, "").split("_")
    region = next((p for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    return canonical_tag(f"{lang}-{region}") if region else None


def cldr_regions(languages: Sequence[str]) -> list[str]:
    """Every language-REGION tag CLDR has a locale for, for these languages."""
    from babel import localedata

    out = []
    for ident in localedata.locale_identifiers():
        parts = ident.split("_")
        if len(parts) == 2 and parts[0] in languages and len(parts[1]) == 2 and parts[1].isalpha():
            out.append(canonical_tag(f"{parts[0]}-{parts[1]}"))
    return sorted(set(out))


def finding_offsets(doc: Document, f) -> dict:
    """Offsets (Unicode code points, end exclusive) in the text as sent: the stated figure
    (``start``/``end``: what a suggestion replaces), with its hedge (``hedge_start``), and
    the whole claim (``claim_start``/``claim_end``)."""
    s, e = doc.source_span(f.target.start, f.target.end)
    cs, ce = _claim_span(f)
    cs, ce = doc.source_span(cs, ce)
    hs = doc.source_offset(f.target.hedge_start) if f.target.hedge_start is not None else None
    return {"start": s, "end": e, "hedge_start": hs, "claim_start": cs, "claim_end": ce}


def replacement(suggestion: str | None) -> str | None:
    """The text that replaces the stated figure: the suggestion without its "≈ " (the
    writer's own hedge, if any, stays in front of the figure)."""
    if not suggestion:
        return None
    return suggestion[1:].lstrip() if suggestion.startswith("≈") else suggestion


__all__ = ["Engine", "CheckRequest", "RequestError", "FORMATS", "finding_offsets", "replacement", "likely_region", "cldr_regions"]
