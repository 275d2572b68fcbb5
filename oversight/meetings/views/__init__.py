"""Meeting pages. Each view starts with an access helper (access.py), then calls one
operation (operations.py) and renders."""
