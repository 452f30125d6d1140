"""Baseline files: an archive's known findings, recorded once so they do not block new work.

``numcheck check --write-baseline FILE`` records every finding that is not consistent (and
not suppressed in the text) by its fingerprint — the file, the claim's words and the verdict,
no line numbers — so edits elsewhere in a file keep the baseline valid. ``--baseline FILE``
then hides findings present in it; they are counted as "baseline" in the summary. A claim
that appears twice in a file has the same fingerprint twice: the baseline keeps a count and
hides at most that many.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

from .batch import FileResult
from . import jsonfile
from .errors import InputError
from .model import Verdict

FORMAT = "numcheck-baseline"
VERSION = 1


def baseline_entries(results: list[FileResult]) -> list[dict]:
    counts: Counter = Counter()
    info: dict[str, dict] = {}
    for r in results:
        if r.report is None:
            continue
        for i, f in enumerate(r.report.findings):
            if f.verdict is Verdict.CONSISTENT or i in r.suppressed:
                continue
            fp = r.fingerprints[i]
            counts[fp] += 1
            info.setdefault(fp, {
                "fingerprint": fp,
                "path": r.path if not r.is_record else f"{r.file}#{r.record_id or r.record_line}",
                "verdict": f.verdict.value,
                "claim": f"{f.source.text} → {f.target.text}",
            })
    return [{**info[fp], "count": counts[fp]} for fp in sorted(info, key=lambda k: (info[k]["path"], k))]


def write_baseline(results: list[FileResult], path: str | Path) -> int:
    """Write the baseline; returns how many findings it holds."""
    entries = baseline_entries(results)
    doc = {"format": FORMAT, "version": VERSION, "findings": entries}
    try:
        Path(path).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as e:
        raise InputError(f"{path}: cannot write baseline: {e.strerror or e}") from None
    return sum(e["count"] for e in entries)


def load_baseline(path: str | Path) -> Counter:
    """Fingerprint → how many findings with it the baseline hides."""
    try:
        doc = jsonfile.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read baseline: {e}") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{path}:{e.lineno}: invalid baseline: {e.msg}") from None
    except jsonfile.JSONShapeError as e:
        raise InputError(f"{path}: invalid baseline: {e.msg}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("findings"), list):
        raise InputError(f"{path}: not a numcheck baseline (expected {{\"format\": \"{FORMAT}\", \"findings\": [...]}})")
    out: Counter = Counter()
    for n, e in enumerate(doc["findings"]):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str):
            raise InputError(f"{path}: finding {n + 1}: no fingerprint")
        count = e.get("count", 1)
        out[e["fingerprint"]] += count if isinstance(count, int) and count > 0 else 1
    return out


def apply_baseline(results: list[FileResult], known: Counter) -> list[FileResult]:
    """Results with the findings in the baseline marked (FileResult.baselined)."""
    left = Counter(known)
    out = []
    for r in results:
        if r.report is None:
            out.append(r)
            continue
        hidden = set()
        for i, fp in enumerate(r.fingerprints):
            if i not in r.suppressed and left[fp] > 0:
                left[fp] -= 1
                hidden.add(i)
        out.append(replace(r, baselined=frozenset(hidden)) if hidden else r)
    return out


__all__ = ["write_baseline", "load_baseline", "apply_baseline", "baseline_entries"]
