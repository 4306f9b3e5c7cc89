"""Typed records and vocabularies of the business_case area (no I/O)."""
