"""Workflows: case-handling event logs, where citizens wait, loops and hand-offs."""
