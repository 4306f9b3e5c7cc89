"""The leadership report: HTML and PDF built from the services' results."""
