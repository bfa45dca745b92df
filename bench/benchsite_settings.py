"""Settings of the server bench/pages.py measures: production settings, plus one
trivial page (bench/benchsite_urls.py) to compare every page with."""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "benchsite_urls"
