"""The inventory: an organisation's IT landscape, imported, browsed, edited and exported."""
