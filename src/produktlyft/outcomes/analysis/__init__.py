"""Pure computation for the outcomes area: no storage, web or command line."""
