"""Pure computation for the roadmap area: no storage, web or command line."""
