"""judging stage."""
