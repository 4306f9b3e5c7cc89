"""Files the surveys read: an organisation's own DiMiOS scores."""
