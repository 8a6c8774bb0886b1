"""Reproducible measurements: `make bench` (latency, memory) and `make eval` (NLU quality)."""
