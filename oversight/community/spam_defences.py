"""Keeping the public form free of spam without a third-party CAPTCHA (which would send
every visitor's details elsewhere): a honeypot field people never see (in the form) and
a limit on submissions from one address.

The limit is kept in Django's cache (the default in-process cache unless `CACHES` says
otherwise; a site served by several processes should configure a shared cache). The
address itself is never stored: only a keyed hash of it, for an hour.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

SUBMISSIONS_PER_HOUR = 5
WINDOW_SECONDS = 60 * 60


def _key(request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return f"community:feedback-rate:{digest.hexdigest()[:32]}"


def over_limit(request: HttpRequest) -> bool:
    """True when this address has sent `SUBMISSIONS_PER_HOUR` already this hour."""
    return cache.get(_key(request), 0) >= SUBMISSIONS_PER_HOUR


def count_submission(request: HttpRequest) -> None:
    """Count one submission from this address (the hour runs from the first)."""
    key = _key(request)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS)
