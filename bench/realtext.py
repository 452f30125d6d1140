"""Recall and precision of claim pairing on real copy: the hand-labelled pointers in
fixtures/realtext/devset.jsonl, resolved against ../shared/corpus (never copied into the repo).

`python -m bench.realtext [--corpus DIR] [--devset FILE] [--json OUT]` prints the tables;
`python -m bench --sections realtext` puts them into bench/RESULTS.md.

Only the public API (numcheck.check) is used, so the scorer survives module moves.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "fixtures" / "realtext" / "devset.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus"


class DevsetError(ValueError):
    """A devset line that is malformed or no longer matches the corpus text it points to."""


def load_devset(path: Path = DEVSET) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                for k in ("file", "id", "label", "source", "target"):
                    r[k]  # noqa: B018 - presence check
            except (json.JSONDecodeError, KeyError) as e:
                raise DevsetError(f"{path}:{n}: bad devset line ({e})") from None
            if r["label"] not in ("claim", "negative"):
                raise DevsetError(f"{path}:{n}: label {r['label']!r} is neither 'claim' nor 'negative'")
            r["_line"] = n
            rows.append(r)
    return rows


def load_articles(corpus: Path, wanted: set[tuple[str, str]]) -> dict[str, dict]:
    """The corpus records the devset points to, by id (reads only the files it names)."""
    out: dict[str, dict] = {}
    for fname in sorted({f for f, _ in wanted}):
        ids = {i for f, i in wanted if f == fname}
        p = corpus / fname
        if not p.exists():
            raise DevsetError(f"{p}: corpus file named by the devset not found")
        with open(p, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r["id"] in ids:
                    out[r["id"]] = r
    return out


def _sha(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:10]


def _check_drift(r: dict, text: str, path: Path) -> None:
    for side in ("source", "target"):
        sp = r[side]
        got = _sha(text[sp["start"]:sp["start"] + sp["length"]])
        if got != sp["sha1"]:
            raise DevsetError(f"{path}:{r['_line']}: {side} span of {r['id']} at {sp['start']} no longer matches "
                              f"the corpus (hash {got}, expected {sp['sha1']}): corpus changed?")


def _overlaps(a0: int, a1: int, sp: dict) -> bool:
    return a0 < sp["start"] + sp["length"] and sp["start"] < a1


def _matches(f, r: dict) -> bool:
    """The finding pairs the two gold spans (either orientation: which side is the 'original'
    is the writer's choice and not what recall measures)."""
    s, t = f.source, f.target
    return ((_overlaps(s.start, s.end, r["source"]) and _overlaps(t.start, t.end, r["target"]))
            or (_overlaps(s.start, s.end, r["target"]) and _overlaps(t.start, t.end, r["source"])))


def _run_check(check, text: str, rec: dict, row: dict):
    """numcheck.check with the article's date; undated records that know their year try it,
    and fall back to no date when this numcheck does not accept a year yet."""
    lang = rec.get("lang") or "en"
    if rec.get("date"):
        return check(text, date=rec["date"], lang=lang), rec["date"]
    if row.get("year"):
        try:
            return check(text, date=row["year"], lang=lang), row["year"]
        except Exception:  # noqa: BLE001 - an older numcheck rejects a bare year
            pass
    return check(text, date=None, lang=lang), None


@dataclass
class Tally:
    claims: int = 0
    found: int = 0
    negatives: int = 0
    neg_claimed: int = 0
    verdict_same: int = 0
    false_alarms: int = 0  # found claim judged inconsistent whose figure is right by hand

    def add(self, o: "Tally") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(o, k))

    @property
    def recall(self) -> float:
        return self.found / self.claims if self.claims else float("nan")

    @property
    def precision(self) -> float:
        hits = self.found + self.neg_claimed
        return self.found / hits if hits else float("nan")


@dataclass
class Result:
    by_corpus: dict = field(default_factory=lambda: defaultdict(Tally))
    by_lang: dict = field(default_factory=lambda: defaultdict(Tally))
    by_kind: dict = field(default_factory=lambda: defaultdict(Tally))
    # claims found by the regex miners vs surfaced by numcheck's own corpus run (recall on the
    # latter is 1 by construction when they were added, so the miners' row is the unbiased one)
    by_origin: dict = field(default_factory=lambda: defaultdict(Tally))
    total: Tally = field(default_factory=Tally)
    missed: list = field(default_factory=list)
    negatives_claimed: list = field(default_factory=list)
    disagreements: list = field(default_factory=list)
    articles: int = 0
    errors: list = field(default_factory=list)
    # findings in the labelled articles that match no labelled pair: not scored (the set is not
    # exhaustive), listed so that a new pairing rule's output on real copy can be read by hand
    unlabelled: list = field(default_factory=list)

    def negatives_claimed_keys(self) -> list[str]:
        return [x.split(" ", 1)[0] for x in self.negatives_claimed]

    def to_dict(self) -> dict:
        def t(x: Tally) -> dict:
            return {**vars(x), "recall": x.recall, "precision": x.precision}
        return {"total": t(self.total), "by_corpus": {k: t(v) for k, v in self.by_corpus.items()},
                "by_lang": {k: t(v) for k, v in self.by_lang.items()},
                "by_kind": {k: t(v) for k, v in self.by_kind.items()},
                "by_origin": {k: t(v) for k, v in self.by_origin.items()},
                "missed": self.missed, "negatives_claimed": self.negatives_claimed,
                "disagreements": self.disagreements, "articles": self.articles, "errors": self.errors,
                "unlabelled": self.unlabelled}


def corpus_name(fname: str) -> str:
    for prefix, name in (("reuters", "Reuters-21578"), ("wikinews", "Wikinews"),
                         ("onestopenglish", "OneStopEnglish"), ("webbnyheter", "Webbnyheter 2012")):
        if fname.startswith(prefix):
            return name
    return fname


def score(corpus: Path = CORPUS, devset: Path = DEVSET, check=None) -> Result:
    if check is None:
        import numcheck
        check = numcheck.check
    rows = load_devset(devset)
    arts = load_articles(corpus, {(r["file"], r["id"]) for r in rows})
    by_art: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["id"] not in arts:
            raise DevsetError(f"{devset}:{r['_line']}: {r['id']} not found in {corpus / r['file']}")
        _check_drift(r, arts[r["id"]]["text"], devset)
        by_art[r["id"]].append(r)
    res = Result(articles=len(by_art))
    for aid, rs in by_art.items():
        rec = arts[aid]
        try:
            report, _used = _run_check(check, rec["text"], rec, rs[0])
            findings = list(report.findings)
        except Exception as e:  # noqa: BLE001 - a crash is a result to report, not to hide
            res.errors.append(f"{aid}: {type(e).__name__}: {e}")
            findings = []
        for r in rs:
            tl = Tally()
            hit = next((f for f in findings if _matches(f, r)), None)
            where = f"{r['id']}@{r['source']['start']}"
            if r["label"] == "claim":
                tl.claims = 1
                if hit is None:
                    res.missed.append(where)
                else:
                    tl.found = 1
                    got = getattr(hit.verdict, "value", str(hit.verdict))
                    if got == r.get("verdict"):
                        tl.verdict_same = 1
                    else:
                        res.disagreements.append(f"{where}: expected {r.get('verdict')}, got {got}")
                    if got == "inconsistent" and r.get("truth") == "consistent":
                        tl.false_alarms = 1
            else:
                tl.negatives = 1
                if hit is not None:
                    tl.neg_claimed = 1
                    res.negatives_claimed.append(f"{where} ({r.get('negative')})")
            res.by_corpus[corpus_name(r["file"])].add(tl)
            res.by_lang[r.get("lang") or "?"].add(tl)
            res.by_kind[r.get("kind") or "?"].add(tl)
            if r["label"] == "claim":
                res.by_origin[r.get("found_by") or "miner"].add(tl)
            res.total.add(tl)
        for f in findings:
            if not any(_matches(f, r) for r in rs):
                res.unlabelled.append(f"{aid}@{f.source.start}-{f.target.start} "
                                      f"{getattr(f.verdict, 'value', f.verdict)}")
    return res


def _pct(x: float) -> str:
    return "–" if x != x else f"{x:.3f}"


def markdown(res: Result) -> str:
    out = ["| slice | claims | found | recall | negatives | claimed negatives | precision | verdict agreement | false alarms |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]

    def row(name: str, t: Tally) -> None:
        agree = t.verdict_same / t.found if t.found else float("nan")
        out.append(f"| {name} | {t.claims} | {t.found} | {_pct(t.recall)} | {t.negatives} | {t.neg_claimed} | "
                   f"{_pct(t.precision)} | {_pct(agree)} | {t.false_alarms} |")
    for k, v in sorted(res.by_corpus.items()):
        row(f"corpus: {k}", v)
    for k, v in sorted(res.by_lang.items()):
        row(f"lang: {k}", v)
    for k, v in sorted(res.by_kind.items()):
        row(f"kind: {k}", v)
    for k, v in sorted(res.by_origin.items()):
        row(f"claims found by: {k}", v)
    row("**all**", res.total)
    out.append("")
    out.append(f"{res.articles} articles/chunks checked. Recall: a gold claim is found when a finding's two mentions "
               "overlap its two spans (either order). Precision: found claims / (found claims + claimed negatives). "
               "Verdict agreement is over found claims; a false alarm is `inconsistent` on a figure right by hand.")
    out.append("")
    out.append(f"Findings in these articles outside every labelled pair (not scored; `--show` lists them): "
               f"{len(res.unlabelled)}.")
    if res.negatives_claimed:
        out.append("")
        out.append("Negatives claimed: " + "; ".join(res.negatives_claimed))
    if res.errors:
        out.append("")
        out.append("numcheck.check raised on: " + "; ".join(res.errors))
    return "\n".join(out)


def sentences_markdown() -> str:
    """Verdict accuracy on the fresh sentences in the 11 languages (bench/sentences.py)."""
    from . import sentences

    res = sentences.run()
    return ("Fresh sentences (fixtures/realtext/sentences.jsonl: 15 per language, written for numcheck, "
            "figures from the ECB rate of each date; a claim counts when paired with the expected verdict, "
            "a distractor when nothing is reported):\n\n" + sentences.table(res))


def write_section(path: Path, table: str) -> None:
    """Put the table under its heading in RESULTS.md, replacing the previous one, keeping the rest."""
    from .report import REALTEXT_HEADING

    old = path.read_text(encoding="utf-8") if path.exists() else ""
    head, sep, tail = old.partition(REALTEXT_HEADING)
    rest = ""
    if sep:
        ends = [i for i in (tail.find("\n## "), tail.find("\n<!-- ")) if i >= 0]  # next section or marker
        rest = tail[min(ends):] if ends else ""
    block = f"{REALTEXT_HEADING}\n\nWritten by `python -m bench.realtext --results bench/RESULTS.md`.\n\n{table}\n"
    path.write_text(head.rstrip("\n") + "\n\n" + block + rest, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.realtext", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--devset", type=Path, default=DEVSET)
    ap.add_argument("--json", type=Path, default=None, help="also write every figure and list as JSON here")
    ap.add_argument("--results", type=Path, default=None,
                    help="replace (or append) this section in a RESULTS.md without re-running the other sections")
    ap.add_argument("--show", action="store_true", help="also list the missed claims and verdict disagreements")
    a = ap.parse_args(argv)
    try:
        res = score(a.corpus, a.devset)
    except DevsetError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(markdown(res))
    if a.show:
        print("\nMissed:", *res.missed, sep="\n  ")
        print("\nVerdict disagreements:", *res.disagreements, sep="\n  ")
        print("\nUnlabelled findings:", *res.unlabelled, sep="\n  ")
    if a.results:
        write_section(a.results, markdown(res) + "\n\n" + sentences_markdown())
    if a.json:
        a.json.write_text(json.dumps(res.to_dict(), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
