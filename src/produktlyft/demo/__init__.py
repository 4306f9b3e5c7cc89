"""The demo organisation "Exempelstad kommun": generated, then loaded through the real services."""
