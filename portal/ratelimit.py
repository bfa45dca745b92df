"""One rate limiter for every allowance: comments per user, certificate look-ups per client.

A fixed window counted in the shared cache, so every app server counts
together when the cache is Redis.

When the shared cache is down, nobody counts together any more, and each
caller must say what that means (``during_outage``): a per-process allowance
counted in this process's memory, or ``None`` to refuse every use until the
cache is back. Neither answer is a 500.
"""

import logging
import time

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

from .cache import CacheUnavailable, strict

logger = logging.getLogger(__name__)

# Counts kept by this process alone while the shared cache is down; bounded
# like any local-memory cache (the oldest keys are dropped past MAX_ENTRIES).
_local = LocMemCache("sharaka-ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def _count(store, key: str, period: int) -> int:
    store.add(key, 0, timeout=period)
    try:
        return store.incr(key)
    except ValueError:  # expired between add() and incr()
        store.set(key, 1, timeout=period)
        return 1


def consume(
    scope: str, who: str, limit: tuple[int, int], *, during_outage: tuple[int, int] | None
) -> bool:
    """Count one use of ``scope`` by ``who`` against ``limit`` (count, seconds).

    True while the allowance of the current window lasts, False once it is
    spent. While the shared cache is unreachable, ``during_outage`` (count,
    seconds) is the allowance each process grants on its own; ``None`` refuses.
    """
    count_allowed, period = limit
    window = int(time.time() // period)
    key = f"ratelimit:{scope}:{who}:{window}"
    try:
        return _count(strict(caches["default"]), key, period) <= count_allowed
    except CacheUnavailable:
        if during_outage is None:
            logger.warning("Shared cache down: %s refused for %s", scope, who)
            return False
    count_allowed, period = during_outage
    window = int(time.time() // period)
    return _count(_local, f"{scope}:{who}:{window}", period) <= count_allowed
