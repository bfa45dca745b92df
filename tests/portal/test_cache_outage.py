"""A shared-cache outage slows the site down; it never answers 500.

Production wraps Redis in ``portal.cache.FailSafeCache``. Here the wrapped
backend raises on every call (``tests.helpers.BrokenCache``), or is a real
Redis client pointed at a port where nothing listens.
"""

import logging

import pytest
from django.core.cache import cache, caches
from django.test import Client

from portal import cache as failsafe
from portal import ratelimit
from projects.models import Comment, ProjectPhoto
from tests import factories
from tests.browser.pages import public_pages
from tests.helpers import BrokenCache, broken_cache_settings, jpeg, set_demo_passwords

from ..projects.comments.personas import make_personas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_fallback_counts():
    ratelimit._local.clear()
    yield
    ratelimit._local.clear()


@pytest.fixture
def cache_down(settings):
    settings.CACHES = broken_cache_settings()
    BrokenCache.calls = 0
    return settings


@pytest.fixture
def demo(monkeypatch):
    set_demo_passwords(monkeypatch)
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    project = factories.ProjectFactory(slug="with-photo")
    ProjectPhoto.objects.create(project=project, image=jpeg(1200, 800), order=1)
    return project


def every_public_page(project) -> dict[str, str]:
    pages = public_pages("ar") | public_pages("fr")
    pages |= {
        "project-with-photo": f"/ar/projects/{project.slug}/",
        "map-geojson": "/ar/map/projects.geojson",
        "map-geojson-guelmim": "/fr/map/projects.geojson?commune=guelmim",
        "calendar": "/ar/calendar/communes/guelmim.ics",
        "feed": "/ar/feeds/communes/guelmim/meetings/",
        "projects-csv": "/ar/projects/export.csv",
        "photo-rendition": f"/ar/img/640/{project.photos.get().image.name}",
    }
    return pages


def test_every_public_page_answers_while_the_cache_raises_on_every_call(demo, cache_down):
    pages = every_public_page(demo)
    client = Client(raise_request_exception=False)

    statuses = {name: client.get(url).status_code for name, url in pages.items()}

    assert statuses == dict.fromkeys(pages, 200)
    assert BrokenCache.calls > 0  # the pages did ask the cache


def test_a_photo_page_still_gives_the_photo_its_size(demo, cache_down):
    html = Client().get(f"/ar/projects/{demo.slug}/").content.decode()

    assert 'width="1200" height="800"' in html


def test_a_comment_is_posted_while_the_cache_is_down(cache_down):
    personas = make_personas()
    client = personas.client("member")

    response = client.post(
        f"/ar/projects/{personas.project.slug}/comments/",
        {"association": personas.association_a.pk, "body": "The bridge floods in winter."},
    )

    assert response.status_code == 302
    assert Comment.objects.get().body == "The bridge floods in winter."


def test_during_an_outage_each_process_keeps_the_comment_allowance(cache_down):
    """Comments: an outage keeps the same allowance, counted by each process alone."""
    cache_down.COMMENTS_RATE_LIMIT = (3, 600)
    personas = make_personas()
    client = personas.client("member")
    url = f"/ar/projects/{personas.project.slug}/comments/"
    data = {"association": personas.association_a.pk}

    statuses = [client.post(url, data | {"body": f"comment {n}"}).status_code for n in range(4)]

    assert statuses == [302, 302, 302, 429]
    assert Comment.objects.count() == 3


def test_during_an_outage_certificate_lookups_keep_a_per_process_allowance(cache_down):
    """Certificate look-ups: answered during an outage, and still bounded."""
    cache_down.CERTIFICATE_VERIFY_RATE_LIMIT = (2, 600)
    certificate = factories.CertificateFactory()
    client = Client()
    url = f"/ar/certificates/verify/{certificate.code}/"

    statuses = [client.get(url, REMOTE_ADDR="203.0.113.9").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_a_limit_that_refuses_during_an_outage_says_no(cache_down):
    assert not ratelimit.consume("test", "someone", (100, 60), during_outage=None)


def test_the_shared_count_is_used_while_the_cache_answers(settings):
    assert ratelimit.consume("test", "someone", (1, 60), during_outage=(5, 60))
    assert not ratelimit.consume("test", "someone", (1, 60), during_outage=(5, 60))
    assert len(ratelimit._local._cache) == 0  # the fallback was not touched


def test_a_real_redis_that_is_down_reads_as_misses(settings):
    """A Redis client with nothing listening: connection refused, on every call."""
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.FailSafeCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing listens
            "OPTIONS": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
                "RETRY_AFTER": 0,
            },
        }
    }
    project = factories.ProjectFactory()
    ProjectPhoto.objects.create(project=project, image=jpeg(), order=1)

    assert cache.get("anything", "default") == "default"
    cache.set("key", "value")
    assert cache.get("key") is None
    assert cache.add("key", 1) is False
    with pytest.raises(ValueError):
        cache.incr("key")
    assert Client().get(f"/ar/projects/{project.slug}/").status_code == 200
    assert ratelimit.consume("test", "someone", (1, 60), during_outage=(1, 60))
    assert not ratelimit.consume("test", "someone", (1, 60), during_outage=(1, 60))


def test_an_outage_is_logged_once_per_interval_not_once_per_call(cache_down, caplog):
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        backend = caches["default"]
        backend.health.retry_after = 0
        for _ in range(50):
            cache.get("key")

    reports = [r for r in caplog.records if r.name == "portal.cache"]
    assert len(reports) == 1
    assert "unavailable" in reports[0].getMessage()
    assert BrokenCache.calls == 50


def test_after_an_error_the_backend_rests_before_it_is_asked_again(cache_down, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(failsafe.time, "monotonic", lambda: clock[0])

    for _ in range(10):
        cache.get("key")
    assert BrokenCache.calls == 1  # then it rested

    clock[0] += failsafe.RETRY_AFTER + 0.1
    cache.get("key")
    assert BrokenCache.calls == 2


def test_the_cache_answers_again_when_the_backend_is_back(settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.FailSafeCache",
            "LOCATION": "flaky",
            "OPTIONS": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "RETRY_AFTER": 0,
            },
        }
    }
    backend = caches["default"]
    working_set = backend.inner.set

    def refuse(*args, **kwargs):
        raise ConnectionError("down")

    backend.inner.set = refuse
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        cache.set("key", "lost")
        backend.inner.set = working_set
        cache.set("key", "kept")

    assert cache.get("key") == "kept"
    assert [r.getMessage().split(" (")[0] for r in caplog.records] == [
        "Cache django.core.cache.backends.locmem.LocMemCache at flaky unavailable",
        "Cache django.core.cache.backends.locmem.LocMemCache at flaky is answering again",
    ]
