"""The web pages of surveys: rounds, results, readiness and answering."""
