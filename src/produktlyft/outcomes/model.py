"""Typed records and vocabularies of the outcomes area (no I/O)."""
