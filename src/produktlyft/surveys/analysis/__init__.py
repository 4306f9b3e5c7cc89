"""Pure survey statistics and disclosure control."""
