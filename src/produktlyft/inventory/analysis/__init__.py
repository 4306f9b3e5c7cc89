"""Pure computation on the inventory."""
