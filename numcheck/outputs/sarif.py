"""Reports → SARIF 2.1.0, for code-scanning tools (GitHub code scanning, IDE viewers).

One run; one rule per verdict (``numcheck/inconsistent``, ``numcheck/ambiguous``,
``numcheck/unverifiable``, ``numcheck/consistent``); one result per finding whose severity is
not "none". Levels follow the severities (inconsistent → error, ambiguous and unverifiable →
warning by default). Suppressed findings carry a SARIF ``suppressions`` entry with the
editor's reason; baseline findings are left out. Columns count Unicode code points
(``columnKind``). An archive's article is located at its line in the ``.jsonl`` file, with
the article id and the position inside its text in the message. Unreadable files become
``toolExecutionNotifications``.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from .results import FileResult
from ..model import Verdict, strict_json
from .report import severity_of

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
#: Where numcheck's documentation site (docs/, built with MkDocs) is published: the tool's
#: informationUri, and each rule's helpUri is its section of the verdicts reference.
DOCS_URL = "https://numcheck.github.io/numcheck/"

_RULES = {
    "inconsistent": "The stated equivalent does not match the conversion at the article date's rate.",
    "ambiguous": "The stated equivalent matches only some readings of the text (currency, pairing).",
    "unverifiable": "The stated equivalent cannot be checked (no rate for the currency or day).",
    "consistent": "The stated equivalent matches the conversion within rounding and tolerance.",
}
_RULE_IDS = [v.value for v in Verdict]


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference ("content/a%20b.md"); an absolute one as file://."""
    p = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(p, safe="/-._~")


def _level(sev: str) -> str:
    return {"error": "error", "warning": "warning", "note": "note"}.get(sev, "none")


def _rule(verdict: str, severity: dict[str, str] | None) -> dict:
    return {
        "id": f"numcheck/{verdict}",
        "name": verdict.capitalize() + "Conversion",
        "shortDescription": {"text": f"{verdict} conversion"},
        "fullDescription": {"text": _RULES[verdict]},
        "defaultConfiguration": {"level": _level(severity_of(verdict, severity)), "enabled": severity_of(verdict, severity) != "none"},
        "helpUri": f"{DOCS_URL}reference/verdicts/#{verdict}",
        "help": {"text": _RULES[verdict] + f" See {DOCS_URL}reference/verdicts/#{verdict}"},
    }


def _result(r: FileResult, i: int, severity: dict[str, str] | None) -> dict | None:
    assert r.report is not None
    f = r.report.findings[i]
    sev = severity_of(f.verdict, severity)
    if sev == "none" or i in r.baselined:
        return None
    verdict = f.verdict.value
    message = f.message
    region: dict = {}
    if r.is_record:
        message = f"{r.record_id or 'article'} {f.line}:{f.column}: {message}"
        region = {"startLine": r.record_line}
        uri = r.file or r.path
    else:
        uri = r.path
        region = {"startLine": f.line, "startColumn": f.column}
        snip = r.snippets[i] if i < len(r.snippets) else None
        if snip is not None and snip.end > snip.start:
            region["endColumn"] = snip.end
            region["snippet"] = {"text": snip.text[snip.start - 1:snip.end - 1]}
    res: dict = {
        "ruleId": f"numcheck/{verdict}",
        "ruleIndex": _RULE_IDS.index(verdict),
        "level": _level(sev),
        "kind": "fail" if sev in ("error", "warning") else "informational",
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(uri)}, "region": region}}],
        "partialFingerprints": {"numcheckClaim/v1": r.fingerprints[i]} if i < len(r.fingerprints) else {},
        "properties": {
            "verdict": verdict,
            "kind": f.kind,
            "stated": f.target.text,
            "source": f.source.text,
            "expected": f.expected,
            "deviation": f.deviation,
            "suggestion": f.suggestion,
        },
    }
    fix = _fix(r, i, uri)
    if fix is not None:
        res["fixes"] = [fix]
    if r.is_record:
        res["locations"][0]["logicalLocations"] = [{"name": r.record_id or str(r.record_line), "kind": "module"}]
    if i in r.suppressed:
        res["suppressions"] = [{"kind": "inSource", "justification": r.suppressed[i]}]
    return res


def _fix(r: FileResult, i: int, uri: str) -> dict | None:
    """The correction --fix would make, as a SARIF fix (an inconsistent finding with its one
    suggestion, in a file numcheck may rewrite)."""
    from .fixes import fixable, replacement

    f = r.report.findings[i] if r.report is not None else None
    if f is None or i not in {k for k, _ in fixable(r)} or not f.end_line:
        return None
    new = replacement(f)
    return {
        "description": {"text": f"Replace “{f.target.text}” with “{new}”"},
        "artifactChanges": [{
            "artifactLocation": {"uri": artifact_uri(uri)},
            "replacements": [{
                "deletedRegion": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column},
                "insertedContent": {"text": new},
            }],
        }],
    }


def to_sarif(results: list[FileResult], *, severity: dict[str, str] | None = None) -> dict:
    from ..version import __version__

    out = []
    notifications = []
    for r in results:
        if r.error:
            loc: dict = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.file or r.path)}}}
            if r.record_line:
                loc["physicalLocation"]["region"] = {"startLine": r.record_line}
            notifications.append({"level": "error", "message": {"text": r.error}, "locations": [loc]})
            continue
        if r.report is None:
            continue
        for i in range(len(r.report.findings)):
            res = _result(r, i, severity)
            if res is not None:
                out.append(res)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "numcheck",
                "version": __version__,
                "informationUri": DOCS_URL,
                "rules": [_rule(v, severity) for v in _RULE_IDS],
            }},
            "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "results": out,
        }],
    }


def render_sarif(results: list[FileResult], *, severity: dict[str, str] | None = None) -> str:
    return strict_json(to_sarif(results, severity=severity), ensure_ascii=False, indent=2) + "\n"


__all__ = ["render_sarif", "to_sarif", "artifact_uri"]
