"""Typed records and vocabularies of the interop area (no I/O)."""
