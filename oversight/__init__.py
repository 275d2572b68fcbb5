"""Oversight: recommendations, responses, actions and their delivery, in one place."""
