"""Data files shipped with the demo: the real event log of its building-permit workflow."""
