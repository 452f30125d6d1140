"""numcheck's benchmark harness: `python -m bench` (see bench/run.py and README "Benchmarks")."""
