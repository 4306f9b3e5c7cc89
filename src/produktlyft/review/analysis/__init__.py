"""Pure computation on records and frames. Never imports storage, web or CLI code."""
