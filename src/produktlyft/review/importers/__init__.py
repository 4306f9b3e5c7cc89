"""Files the review reads: endoflife.date release data and git histories."""
