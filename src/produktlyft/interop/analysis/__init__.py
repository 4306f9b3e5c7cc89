"""Pure computation for the interop area: no storage, web or command line."""
