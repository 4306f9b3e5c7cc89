"""Typed records and vocabularies of the procurement area (no I/O)."""
