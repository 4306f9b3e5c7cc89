"""The procurement area: contract slices checked against the rules, routes and forecasts."""
