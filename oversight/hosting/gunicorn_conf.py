"""gunicorn's settings for `oversight serve` (a config file gunicorn reads with -c).

Every value comes from the environment, as the Django settings do, so one systemd unit
or container definition holds the whole configuration."""

import os

from oversight.settings import LOGGING

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
# An upload of the largest document allowed must finish within this over a slow line;
# the document is read later, by the worker, never in the request.
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
graceful_timeout = 30
# Requests are logged by the application (oversight.requests), one line each; gunicorn's
# own access log would repeat them in another format.
accesslog = None
# Only the reverse proxy on this machine is trusted to say a request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# gunicorn's own lines (start, worker restarts, errors) in the application's format.
logconfig_dict = {
    **LOGGING,
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
# gunicorn's control socket (one per user's home by default) would be shared by every
# instance a user runs; nothing here uses it.
control_socket_disable = True
