"""Accounts: people and machine clients, sign-in, roles, API tokens and the audit log."""
