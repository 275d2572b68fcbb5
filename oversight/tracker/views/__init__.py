"""The tracker's pages: public reading, signed-in work."""
