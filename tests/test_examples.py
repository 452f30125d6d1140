"""The example content repository (examples/newsroom) is checked by the CLI and by pytest,
as its README says, and both report the same findings: one passing test per consistent
claim, a failure per inconsistent one, a skip per ambiguous or unverifiable one, an xfail
per suppressed one — and drafts/ is left out by both."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "newsroom"


def _env() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith(("NUMCHECK_", "PYTEST_"))
            or k in ("NUMCHECK_DATA_DIR", "NUMCHECK_CACHE_DIR")}


def cli_outcomes() -> tuple[Counter, int]:
    r = subprocess.run([sys.executable, "-m", "numcheck", "check", "content", "--format", "json"], cwd=EXAMPLE,
                       capture_output=True, text=True, env=_env(), timeout=300)
    doc = json.loads(r.stdout)
    out: Counter = Counter()
    for f in doc["files"]:
        assert "error" not in f, f
        for x in f["findings"]:
            state = "suppressed" if x["suppressed"] else x["verdict"]
            out[(Path(f["path"]).name, state)] += 1
    return out, r.returncode


_PYTEST = {"passed": "consistent", "failed": "inconsistent", "xfailed": "suppressed", "skipped": "ambiguous-or-unverifiable"}


def pytest_outcomes(tmp_path: Path) -> tuple[Counter, int]:
    xml = tmp_path / "junit.xml"
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={xml}"],
                       cwd=EXAMPLE, capture_output=True, text=True, env=_env(), timeout=300)
    out: Counter = Counter()
    for case in ET.parse(xml).getroot().iter("testcase"):
        name = case.get("file") or case.get("classname", "")
        kinds = {child.tag for child in case}
        if "failure" in kinds or "error" in kinds:
            state = "failed"
        elif "skipped" in kinds:
            skipped = case.find("skipped")
            state = "xfailed" if skipped is not None and skipped.get("type") == "pytest.xfail" else "skipped"
        else:
            state = "passed"
        file = next(p for p in ("aid.md", "bistand.md", "fund.html", "wip.md") if p in (name + " " + case.get("name", "")))
        out[(file, _PYTEST[state])] += 1
    return out, r.returncode


def test_cli_and_pytest_report_the_same_findings(tmp_path):
    cli, cli_rc = cli_outcomes()
    plugin, pytest_rc = pytest_outcomes(tmp_path)
    cli = Counter({(f, "ambiguous-or-unverifiable" if v in ("ambiguous", "unverifiable") else v): n for (f, v), n in cli.items()})
    assert cli == plugin
    assert cli_rc == 0 and pytest_rc == 0
    assert not any(f == "wip.md" for f, _ in cli)  # drafts/ excluded by [tool.numcheck] for both
    assert cli[("fund.html", "consistent")] == 2  # the house rate (11.00 SEK/USD), not the ECB's 10.95
    assert cli[("bistand.md", "suppressed")] == 1


def test_example_configuration_is_what_numcheck_config_reports():
    r = subprocess.run([sys.executable, "-m", "numcheck", "config", "--format", "json"], cwd=EXAMPLE,
                       capture_output=True, text=True, env=_env(), timeout=120)
    s = json.loads(r.stdout)["settings"]
    assert s["exclude"]["value"] == ["drafts/"] and "pyproject.toml" in s["exclude"]["origin"]
