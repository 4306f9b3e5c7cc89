"""Pure computation for the business_case area: no storage, web or command line."""
