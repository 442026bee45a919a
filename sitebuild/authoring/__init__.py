"""The instructor's local tools: `make serve` (with live reload) and `make new` (scaffolding)."""
