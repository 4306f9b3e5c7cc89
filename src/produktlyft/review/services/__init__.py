"""The review's use cases: the one API its CLI, pages and report call."""
