"""The business case area: the Five Case Model with discounting, optimism bias and Monte Carlo."""
