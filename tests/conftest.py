import pytest
from django.contrib.auth.models import Group
from django.test import Client

from tests import factories


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Uploads go to a temporary folder; static files need no manifest; caches start empty;
    tasks run at once."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tasks (e-mails) run at once, inside the request; tests of the queue
    # itself set the database backend again.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    # Tests read each page's context: its own render, not a cached copy of an
    # earlier one (tests/site/test_page_cache.py turns the cache on).
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 0
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    # A request or override in one test must not leave another in French.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
    cache.clear()


@pytest.fixture
def superuser(db):
    return factories.UserFactory(is_staff=True, is_superuser=True, email="admin@example.org")


@pytest.fixture
def staff_user(db):
    """A council staff member: staff flag, the Council staff group, not a superuser.

    They work for the region every commune of the factories is in, so they
    reach the records tests make; tests of the commune limits make their own
    accounts (tests/portal/test_staff_scope.py).
    """
    user = factories.UserFactory(is_staff=True, email="staff@example.org")
    user.groups.add(Group.objects.get(name="Council staff"))
    factories.StaffScopeFactory(user=user, level="region", area=factories.FACTORY_REGION)
    return user


@pytest.fixture
def staff_client(staff_user):
    client = Client()
    client.force_login(staff_user)
    return client


@pytest.fixture
def admin_client_(superuser):
    client = Client()
    client.force_login(superuser)
    return client
