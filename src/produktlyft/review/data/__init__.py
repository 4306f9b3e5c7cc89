"""Data files shipped with produktlyft (the pinned endoflife.date snapshot)."""
