"""What a run produced for each file — the input of every output format (text, JSON,
GitHub, SARIF) and of the baseline. Built by :mod:`numcheck.batch`."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Finding, Report, Verdict

#: How each verdict is reported to CI: "error" fails the run (exit 1), "warning" and "note"
#: annotate, "none" is left out of SARIF and GitHub annotations. Overridable (--severity).
SEVERITY_LEVELS = ("error", "warning", "note", "none")
DEFAULT_SEVERITY = {"inconsistent": "error", "ambiguous": "warning", "unverifiable": "warning", "consistent": "none"}


@dataclass(frozen=True)
class Snippet:
    """The source line of a stated figure and where the figure is on it (1-based columns,
    end exclusive): what the caret line underlines."""

    line: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class FileResult:
    path: str
    report: Report | None = None
    error: str | None = None  # one line naming the problem; the file was not checked
    suppressed: dict[int, str] = field(default_factory=dict)  # finding index → reason
    file: str | None = None  # the file on disk (an archive's article: the archive)
    record_line: int | None = None  # an archive's article: its line in the archive
    record_id: str | None = None
    fingerprints: tuple[str, ...] = ()  # per finding: stable across edits elsewhere (baseline)
    snippets: tuple[Snippet | None, ...] = ()  # per finding
    baselined: frozenset[int] = frozenset()  # finding indexes hidden by a baseline file
    #: ignore comments that silenced nothing (numcheck.documents.readers.Suppression)
    unused_ignores: tuple = ()

    def counted(self) -> list[tuple[Finding, str | None]]:
        if self.report is None:
            return []
        return [(f, self.suppressed.get(i)) for i, f in enumerate(self.report.findings)]

    def status(self, i: int) -> str | None:
        """"suppressed", "baseline" or None (the finding counts)."""
        if i in self.suppressed:
            return "suppressed"
        if i in self.baselined:
            return "baseline"
        return None

    def active(self) -> list[tuple[int, Finding]]:
        """Findings that are neither suppressed nor in the baseline."""
        if self.report is None:
            return []
        return [(i, f) for i, f in enumerate(self.report.findings) if self.status(i) is None]

    @property
    def inconsistent(self) -> int:
        return sum(1 for _, f in self.active() if f.verdict is Verdict.INCONSISTENT)

    @property
    def is_record(self) -> bool:
        return self.record_line is not None


__all__ = ["SEVERITY_LEVELS", "DEFAULT_SEVERITY", "Snippet", "FileResult"]
