"""Absolute addresses for what leaves the site: e-mails, feeds, calendars, certificates.

They are built from ``SITE_URL``, the site's public address, never from the
request's Host header (which a client chooses) or the Sites framework (whose
domain nobody sets).
"""

from django.conf import settings


def site_url(path: str) -> str:
    """``path`` (as ``reverse()`` or ``get_absolute_url()`` give it) on the public site."""
    return f"{settings.SITE_URL}{path}"
