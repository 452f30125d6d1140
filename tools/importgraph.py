"""Print numcheck's import graph between pipeline stages and fail on a cycle or an upward import.

    python tools/importgraph.py          # stage graph, then "ok" or the offending imports (exit 1)
    python tools/importgraph.py --modules  # every module-to-module edge as well

Stages, lowest first; a module may import its own stage and the stages below it only:

    base        errors, model, settings, tomlfile, version
    language    lexicon data, CLDR, unit words, number formatting
    documents   readers (front matter, suppressions): text in, no numbers yet
    extraction  numbers, money, currencies, quantities → Mention
    pairing     Mention + Mention → Claim
    conversion  rates and pint → Conversion
    judging     Claim + Conversion → Outcome/Finding
    outputs     text, JSON, SARIF, GitHub
    top         pipeline, batch, cli, config, plugin, testing, the public package

Every import counts, the lazy ones inside functions too (they tangle just the same); only
imports under ``if TYPE_CHECKING:`` are left out. Standard library only (ast), so CI and a
test can run it without installing anything.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "numcheck"
STAGES = ["base", "language", "documents", "extraction", "pairing", "conversion", "judging", "outputs", "top"]
BASE = {"numcheck.atomicfile", "numcheck.errors", "numcheck.jsonfile", "numcheck.model", "numcheck.settings", "numcheck.tomlfile", "numcheck.version"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def stage_of(module: str) -> str:
    if module in BASE:
        return "base"
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in STAGES:
        return parts[1]
    return "top"


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The numcheck modules that ``path`` imports (resolved to modules that exist)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    skip = {id(n) for t in ast.walk(tree) if _type_checking(t) for b in t.body for n in ast.walk(b)}
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                src = ".".join(base + ([node.module] if node.module else []))
            else:
                src = node.module or ""
            # "from . import units" imports the module numcheck.units
            targets = [f"{src}.{a.name}" if f"{src}.{a.name}" in modules else src for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in modules:
                t = t.rpartition(".")[0]
            if t and t != name:
                out.add(t)
    return out


def graph() -> dict[str, set[str]]:
    paths = sorted(ROOT.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {module_name(p): imports_of(p, modules) for p in paths}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(g.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def problems(g: dict[str, set[str]]) -> list[str]:
    out = [f"cycle: {' ↔ '.join(c)}" for c in cycles(g)]
    # a package's __init__ may import its own stage; the public package numcheck sits on top
    for a in sorted(g):
        for b in sorted(g[a]):
            sa, sb = stage_of(a), stage_of(b)
            if b == "numcheck" and sa != "top":
                out.append(f"upward import: {a} ({sa}) imports the public package numcheck")
            elif STAGES.index(sb) > STAGES.index(sa):
                out.append(f"upward import: {a} ({sa}) imports {b} ({sb})")
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    g = graph()
    edges: dict[str, set[str]] = {}
    for a, bs in g.items():
        for b in bs:
            if stage_of(a) != stage_of(b):
                edges.setdefault(stage_of(a), set()).add(stage_of(b))
    for s in reversed(STAGES):
        below = sorted(edges.get(s, ()), key=STAGES.index, reverse=True)
        print(f"{s:<11} → {', '.join(below) if below else '(nothing)'}")
    if "--modules" in argv:
        for a in sorted(g):
            print(f"  {a} → {', '.join(sorted(g[a])) or '-'}")
    found = problems(g)
    for p in found:
        print(p)
    print("ok: no cycle, no upward import" if not found else f"{len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
