"""The one place that turns the review's typed results into words and charts, in the reader's
language: `wording` (reasons, amounts, numbers, labels) and `charts`. The review's pages,
report sections and CLI call it; services return typed data and word nothing."""
