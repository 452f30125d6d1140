"""Verdict accuracy on fixtures/realtext/sentences.jsonl (fresh sentences in the 11 languages).

A claim sentence passes when numcheck reports a finding pairing its source and target figures
(either order) with the expected verdict; a distractor passes when numcheck reports no finding.
`python -m bench.sentences` prints accuracy per language and the failures.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

SENTENCES = Path(__file__).resolve().parent.parent / "fixtures" / "realtext" / "sentences.jsonl"


@dataclass(frozen=True)
class Outcome:
    key: str  # "lang:n", n counting from 1 within the language
    lang: str
    case: str
    ok: bool
    paired: bool  # claim sentences: the pair was found (whatever the verdict)
    false_alarm: bool  # `inconsistent` on a right figure or on a distractor
    got: str


def load(path: Path = SENTENCES) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not JSON ({e})") from None
    return rows


def _span(text: str, figure: str, start: int = 0) -> tuple[int, int]:
    i = text.find(figure, start)
    while i > 0 and (text[i - 1].isdigit() or text[i + len(figure):i + len(figure) + 1].isdigit()):
        i = text.find(figure, i + 1)  # the figure as a whole number, not inside another one
    if i < 0:
        raise ValueError(f"figure {figure!r} not in {text!r}")
    return i, i + len(figure)


def _over(m, span: tuple[int, int]) -> bool:
    return m.start < span[1] and span[0] < m.end


def run(rows: list[dict] | None = None, check=None) -> list[Outcome]:
    if check is None:
        import numcheck
        check = numcheck.check
    rows = load() if rows is None else rows
    seen: Counter = Counter()
    out = []
    for r in rows:
        seen[r["lang"]] += 1
        key = f"{r['lang']}:{seen[r['lang']]}"
        findings = list(check(r["text"], date=r["date"], lang=r["lang"]).findings)
        verdicts = [getattr(f.verdict, "value", str(f.verdict)) for f in findings]
        if r["claim"]:
            s = _span(r["text"], r["source"])
            t = _span(r["text"], r["target"], s[1])
            hit = next((f for f in findings if (_over(f.source, s) and _over(f.target, t))
                        or (_over(f.source, t) and _over(f.target, s))), None)
            got = getattr(hit.verdict, "value", str(hit.verdict)) if hit else "unpaired"
            ok = got == r["verdict"]
            fa = r["verdict"] == "consistent" and "inconsistent" in verdicts
            out.append(Outcome(key, r["lang"], r["case"], ok, hit is not None, fa, got))
        else:
            got = ",".join(verdicts) or "none"
            out.append(Outcome(key, r["lang"], r["case"], not findings, False, "inconsistent" in verdicts, got))
    return out


def table(res: list[Outcome]) -> str:
    langs = sorted({o.lang for o in res})
    lines = ["| lang | sentences | correct | accuracy | claims paired | wrong figures caught | false alarms |",
             "|---|---:|---:|---:|---:|---:|---:|"]

    def row(name: str, os: list[Outcome]) -> None:
        claims = [o for o in os if o.case != "distractor"]
        wrong = [o for o in os if o.case in ("x10", "half", "scale")]
        lines.append(f"| {name} | {len(os)} | {sum(o.ok for o in os)} | {sum(o.ok for o in os) / len(os):.3f} | "
                     f"{sum(o.paired for o in claims)}/{len(claims)} | {sum(o.ok for o in wrong)}/{len(wrong)} | "
                     f"{sum(o.false_alarm for o in os)} |")
    for lang in langs:
        row(lang, [o for o in res if o.lang == lang])
    row("**all**", res)
    return "\n".join(lines)


def main() -> int:
    res = run()
    print(table(res))
    print("\nFailures:")
    for o in res:
        if not o.ok:
            print(f"  {o.key} ({o.case}): got {o.got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
