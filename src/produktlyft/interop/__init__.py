"""The interoperability area: the integration map, open standards and silo risk per system."""
