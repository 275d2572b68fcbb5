"""Benchmarks: `make bench` runs every module here that exposes `run() -> dict`."""
