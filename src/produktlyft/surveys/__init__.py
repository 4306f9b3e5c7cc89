"""Surveys: rounds, anonymous answering, disclosure control, the instruments and culture results."""
