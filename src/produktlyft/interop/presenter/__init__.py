"""The interop area's words, JSON and map drawing: where reason codes become sentences."""
