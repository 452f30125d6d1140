"""conversion stage."""
