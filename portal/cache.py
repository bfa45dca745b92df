"""A cache that degrades: while the shared cache (Redis) is down, every read is a miss.

A Redis outage used to answer 500 on every page that touched the cache
(picture sizes, the map's GeoJSON, certificate look-ups, comment posts).
The cache only ever holds what can be computed again, so an error is treated
as a miss: reads return the default, writes are dropped, and the site goes
on, slower. Each outage is logged once per ``LOG_INTERVAL`` with the number of
failed calls, not once per call.

After an error the backend is not asked again for ``RETRY_AFTER`` seconds: a
server that does not answer would otherwise cost a connection timeout on each
of a page's calls.

Rate limits cannot treat a miss as "nothing counted yet" without becoming no
limit at all, so they use :func:`strict`, which raises :class:`CacheUnavailable`
instead, and each decides what an outage means (``portal.ratelimit``).
"""

import logging
import threading
import time

from django.core.cache.backends.base import BaseCache
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

LOG_INTERVAL = 60.0
RETRY_AFTER = 5.0

_MISSING = object()


class CacheUnavailable(Exception):
    """The shared cache could not be reached (or is resting after an error)."""


class _Health:
    """When the wrapped backend last failed, and what has been logged of it, per process."""

    def __init__(self, name: str, retry_after: float, log_interval: float):
        self.name = name
        self.retry_after = retry_after
        self.log_interval = log_interval
        self.down_until = 0.0
        self.last_logged = None
        self.unlogged_errors = 0
        self.lock = threading.Lock()

    def resting(self) -> bool:
        return time.monotonic() < self.down_until

    def failed(self, exc: BaseException) -> None:
        now = time.monotonic()
        with self.lock:
            self.down_until = now + self.retry_after
            self.unlogged_errors += 1
            if self.last_logged is not None and now - self.last_logged < self.log_interval:
                return
            count, self.unlogged_errors, self.last_logged = self.unlogged_errors, 0, now
        logger.warning(
            "Cache %s unavailable (%d failed call(s) since the last report), treated as a miss: %r",
            self.name,
            count,
            exc,
        )

    def recovered(self) -> None:
        if self.last_logged is None:
            return
        with self.lock:
            if self.last_logged is None:
                return
            self.last_logged = None
            self.unlogged_errors = 0
        logger.warning("Cache %s is answering again", self.name)


class FailSafeCache(BaseCache):
    """Another cache backend (``OPTIONS["BACKEND"]``) whose errors read as misses.

    ``OPTIONS["OPTIONS"]`` goes to the wrapped backend; ``RETRY_AFTER`` and
    ``LOG_INTERVAL`` may be given in ``OPTIONS`` too. Key prefix, version and
    timeout are the wrapped backend's.
    """

    def __init__(self, location, params):
        options = dict(params.get("OPTIONS") or {})
        backend = options.pop("BACKEND")
        inner_params = {**params, "OPTIONS": options.pop("OPTIONS", {})}
        super().__init__({**params, "OPTIONS": {}})
        self.inner = import_string(backend)(location, inner_params)
        self.health = _Health(
            f"{backend} at {location}",
            float(options.pop("RETRY_AFTER", RETRY_AFTER)),
            float(options.pop("LOG_INTERVAL", LOG_INTERVAL)),
        )

    # --- the raising view, for the rate limits ---

    def call(self, method: str, *args, **kwargs):
        """Run one method of the wrapped backend; CacheUnavailable on any error of its own.

        ``ValueError`` is let through: it is how ``incr`` says a key is missing.
        """
        if self.health.resting():
            raise CacheUnavailable(self.health.name)
        try:
            result = getattr(self.inner, method)(*args, **kwargs)
        except ValueError:
            self.health.recovered()
            raise
        except Exception as exc:
            self.health.failed(exc)
            raise CacheUnavailable(self.health.name) from exc
        self.health.recovered()
        return result

    def _or(self, fallback, method, *args, **kwargs):
        try:
            return self.call(method, *args, **kwargs)
        except CacheUnavailable:
            return fallback

    # --- the cache API, failing soft ---

    def get(self, key, default=None, version=None):
        return self._or(default, "get", key, default, version=version)

    def get_many(self, keys, version=None):
        return self._or({}, "get_many", keys, version=version)

    def has_key(self, key, version=None):
        return self._or(False, "has_key", key, version=version)

    def add(self, key, value, timeout=_MISSING, version=None):
        return self._or(False, "add", key, value, **_timeout(timeout), version=version)

    def set(self, key, value, timeout=_MISSING, version=None):
        self._or(None, "set", key, value, **_timeout(timeout), version=version)

    def set_many(self, data, timeout=_MISSING, version=None):
        # Nothing was stored: every key failed.
        return self._or(list(data), "set_many", data, **_timeout(timeout), version=version)

    def touch(self, key, timeout=_MISSING, version=None):
        return self._or(False, "touch", key, **_timeout(timeout), version=version)

    def delete(self, key, version=None):
        return self._or(False, "delete", key, version=version)

    def delete_many(self, keys, version=None):
        self._or(None, "delete_many", keys, version=version)

    def incr(self, key, delta=1, version=None):
        try:
            return self.call("incr", key, delta, version=version)
        except CacheUnavailable:
            # Django's contract for a key it cannot find.
            raise ValueError(f"Key '{key}' not found (cache unavailable)") from None

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version=version)

    def clear(self):
        self._or(None, "clear")

    def close(self, **kwargs):
        self._or(None, "close", **kwargs)

    def make_key(self, key, version=None):
        return self.inner.make_key(key, version=version)

    def validate_key(self, key):
        self.inner.validate_key(key)


def _timeout(timeout) -> dict:
    return {} if timeout is _MISSING else {"timeout": timeout}


class _Strict:
    """Any backend seen through ``call``: its errors raise CacheUnavailable."""

    def __init__(self, backend):
        self.backend = backend

    def __getattr__(self, method):
        backend = self.backend

        def run(*args, **kwargs):
            if isinstance(backend, FailSafeCache):
                return backend.call(method, *args, **kwargs)
            try:
                return getattr(backend, method)(*args, **kwargs)
            except ValueError:
                raise
            except Exception as exc:
                raise CacheUnavailable(repr(backend)) from exc

        return run


def strict(backend) -> _Strict:
    """``backend`` with errors raised as CacheUnavailable instead of read as misses."""
    return _Strict(backend)
