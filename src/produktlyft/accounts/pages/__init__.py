"""The web pages of accounts: signing in, choosing the language, administration."""
