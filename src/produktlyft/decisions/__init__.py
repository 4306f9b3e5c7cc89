"""The decision register: recommendations, who decides them and how fast, and the decision-rights
matrix.
"""
