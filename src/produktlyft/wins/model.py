"""Typed records and vocabularies of the wins area (no I/O)."""
