"""The review (genomlysning): facts, scores, where to start, duplicates, evidence and the report's
story.
"""
