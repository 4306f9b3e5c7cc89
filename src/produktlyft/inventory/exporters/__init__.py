"""Adapters from domain records to files other tools read."""
