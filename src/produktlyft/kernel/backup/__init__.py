"""Backup and restore of the whole installation: every table and the data folder's files, in
one archive (`produktlyft backup`, `produktlyft restore`)."""
