"""Pure measures of the decision register."""
