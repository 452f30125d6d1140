"""pairing stage."""
