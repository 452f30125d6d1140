"""The package version, below every stage (SARIF writes it)."""

__version__ = "0.1.0"
