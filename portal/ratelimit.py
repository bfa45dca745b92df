"""One rate limiter for every allowance: comments per user, certificate look-ups per client.

A fixed window counted in the shared cache, so every app server counts
together when the cache is Redis.
"""

import time

from django.core.cache import cache


def consume(scope: str, who: str, limit: tuple[int, int]) -> bool:
    """Count one use of ``scope`` by ``who`` against ``limit`` (count, seconds).

    True while the allowance of the current window lasts, False once it is spent.
    """
    count_allowed, period = limit
    window = int(time.time() // period)
    key = f"ratelimit:{scope}:{who}:{window}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= count_allowed
