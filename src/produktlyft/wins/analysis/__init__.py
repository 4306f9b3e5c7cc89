"""Pure computation for the wins area: no storage, web or command line."""
