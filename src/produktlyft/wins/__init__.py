"""The wins area: short, approved stories of what got better, on a public page and feed."""
