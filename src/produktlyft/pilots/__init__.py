"""The pilots area: a pre-registered pilot and its credible evaluation."""
