"""Typed records and vocabularies of the pilots area (no I/O)."""
