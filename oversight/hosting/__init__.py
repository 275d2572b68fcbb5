"""Running Oversight for real: the `serve` command (gunicorn with production settings),
one log line per request and per job (JSON when LOG_FORMAT=json), and `/healthz`."""
