"""Pure computation for the procurement area: no storage, web or command line."""
