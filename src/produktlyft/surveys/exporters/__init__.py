"""Survey files for other tools: the JSON report and the answer links."""
