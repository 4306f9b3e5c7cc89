"""The review's web pages."""
