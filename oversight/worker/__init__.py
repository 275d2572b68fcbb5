"""The worker: a process of its own (`oversight worker`) that reads queued uploads and
runs the scheduled sending, so that no web request ever does either."""
