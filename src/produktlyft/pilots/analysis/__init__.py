"""Pure computation for the pilots area: no storage, web or command line."""
