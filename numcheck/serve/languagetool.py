"""numcheck's findings as LanguageTool's ``/v2/check`` answer, so that the clients newsrooms
already run (CMS plugins, browser extensions, editor add-ons, language_tool_python) can point
at numcheck unchanged.

LanguageTool counts ``offset``/``length`` in UTF-16 code units (Java strings); so does this
module, whatever characters the text has. Each finding is one match whose rule id says the
verdict and the kind (``NUMCHECK_MONEY_INCONSISTENT``), in the category ``numcheck``. As in
LanguageTool, some rules are off by default: the ``…_CONSISTENT`` ones (a client shows every
match as a problem), turned on by ``enabledRules`` or ``level=picky``.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..model import Finding, Verdict
from .engine import finding_offsets, replacement

CATEGORY = {"id": "numcheck", "name": "numcheck: numbers in news"}
#: LanguageTool's issue types (the ITS 2.0 localization-quality types it uses).
_ISSUE_TYPE = {"inconsistent": "numbers", "ambiguous": "uncategorized", "unverifiable": "uncategorized", "consistent": "numbers"}
_SHORT = {
    "inconsistent": "Wrong conversion",
    "ambiguous": "Check this conversion",
    "unverifiable": "Cannot verify",
    "consistent": "Conversion holds",
}
_DESCRIPTION = {
    "inconsistent": "A stated {kind} conversion does not hold",
    "ambiguous": "A stated {kind} conversion may not hold",
    "unverifiable": "A stated {kind} conversion cannot be checked",
    "consistent": "A stated {kind} conversion holds",
}
DEFAULT_OFF = frozenset({"consistent"})
CONTEXT_CHARS = 40  # either side of the match, as LanguageTool's own server does
_SENTENCE_END = re.compile(r"(?<=[.!?…。])[\"'”’»)\]]*\s+|\n\s*\n|\n(?=\s*(?:[-*•#>]|\d+[.)]\s))")


def rule_id(kind: str, verdict: str) -> str:
    kind = re.sub(r"[^A-Za-z0-9]+", "_", kind).strip("_").upper() or "CLAIM"
    return f"NUMCHECK_{kind}_{verdict.upper()}"


def utf16_index(text: str) -> "callable":
    """A function: code point offset → UTF-16 offset in ``text``."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    acc = [0]
    for c in text:
        acc.append(acc[-1] + (2 if ord(c) >= 0x10000 else 1))
    return lambda i: acc[min(max(i, 0), len(text))]


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence (or line) around text[start:end], by punctuation and blank lines."""
    lo = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end)
    hi = m.start() if m else len(text)
    return text[lo:hi].strip()


def context_of(text: str, start: int, end: int, u16) -> dict:
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    pre = "..." if lo > 0 else ""
    body = re.sub(r"\s", " ", text[lo:hi])
    return {
        "text": pre + body + ("..." if hi < len(text) else ""),
        "offset": len(pre) + u16(start) - u16(lo),
        "length": u16(end) - u16(start),
    }


def match(text: str, prose: str, doc, f: Finding, u16) -> dict:
    """One LanguageTool match for a finding; ``text`` is the text as sent (offsets into it)."""
    o = finding_offsets(doc, f)
    start, end = o["start"], o["end"]
    verdict = f.verdict.value
    rep = replacement(f.suggestion) if f.verdict is Verdict.INCONSISTENT else None
    # the sentence from the prose (front matter and markup blanked, same offsets) when it
    # shares the text's offsets; else from the text as sent
    sentence = sentence_of(prose if doc.offsets is None and len(prose) == len(text) else text, start, end)
    return {
        "message": f.message,
        "shortMessage": _SHORT[verdict],
        "replacements": [{"value": rep}] if rep else [],
        "offset": u16(start),
        "length": u16(end) - u16(start),
        "context": context_of(text, start, end, u16),
        "sentence": sentence,
        "type": {"typeName": "Other" if verdict == "inconsistent" else "Hint"},
        "rule": {
            "id": rule_id(f.kind, verdict),
            "description": _DESCRIPTION[verdict].format(kind=f.kind),
            "issueType": _ISSUE_TYPE[verdict],
            "category": dict(CATEGORY),
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
        # numcheck's own fields, ignored by LanguageTool clients
        "numcheck": {
            "verdict": verdict,
            "kind": f.kind,
            "rate": f.rate.to_dict() if f.rate else None,
            "suggestion": f.suggestion,
            "expected": f.expected,
        },
    }


def _csv(value: Any) -> set[str]:
    return {s.strip() for s in str(value or "").split(",") if s.strip()}


def wanted(findings: Iterable[Finding], form: dict) -> list[Finding]:
    """The findings LanguageTool's rule and category switches leave on."""
    enabled, disabled = _csv(form.get("enabledRules")), _csv(form.get("disabledRules"))
    enabled_cats, disabled_cats = _csv(form.get("enabledCategories")), _csv(form.get("disabledCategories"))
    only = str(form.get("enabledOnly", "")).lower() == "true"
    picky = str(form.get("level", "")).lower() == "picky"
    if CATEGORY["id"] in disabled_cats:
        return []
    out = []
    for f in findings:
        rid = rule_id(f.kind, f.verdict.value)
        if rid in disabled:
            continue
        if only:
            if rid in enabled or CATEGORY["id"] in enabled_cats:
                out.append(f)
            continue
        if f.verdict.value in DEFAULT_OFF and not (picky or rid in enabled):
            continue
        out.append(f)
    return out


def languages(bases: Iterable[str], regional: Iterable[str]) -> list[dict]:
    """``/v2/languages``: each language numcheck reads and each of its regions the server
    has loaded (a client checks the tag it sends against this list)."""
    from babel import Locale

    out = []
    by_base: dict[str, list[str]] = {}
    for tag in sorted(regional):
        by_base.setdefault(tag.split("-")[0], []).append(tag)
    for base in bases:
        out.append({"name": (Locale.parse(base).get_display_name("en") or base).title(), "code": base, "longCode": base})
        for tag in by_base.get(base, []):
            name = Locale.parse(tag.replace("-", "_")).get_display_name("en") or tag
            out.append({"name": name, "code": base, "longCode": tag})
    return out


def answer(text: str, doc, result, lang_requested: str, form: dict, version: str) -> dict:
    """The whole ``/v2/check`` response."""
    from babel import Locale

    report = result.report
    u16 = utf16_index(text)
    findings = wanted(report.findings, form)
    lang = report.lang
    try:
        name = Locale.parse(lang.replace("-", "_")).get_display_name("en") or lang
    except Exception:  # a tag babel does not know still gets an answer
        name = lang
    guessed = any(n.startswith("language not given") for n in report.notes)
    return {
        "software": {"name": "numcheck", "version": version, "buildDate": None, "apiVersion": 1,
                     "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {
            "name": name, "code": lang,
            "detectedLanguage": {"name": name, "code": lang, "confidence": 0.5 if guessed else 1.0},
        },
        "matches": [match(text, doc.text, doc, f, u16) for f in findings],
        "numcheck": {"date": report.date.isoformat() if report.date else None, "notes": list(report.notes),
                     "requested_language": lang_requested},
    }


__all__ = ["answer", "languages", "rule_id", "wanted", "utf16_index", "sentence_of", "CATEGORY"]
