"""produktlyft: from project-and-milestone IT to product thinking, for public-sector
organisations. Importing the package does nothing; the entry points are in `bootstrap`."""
