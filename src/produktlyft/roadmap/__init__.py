"""The roadmap area: initiatives from the review, planned by team, budget and cost of delay."""
