"""Settings come from the environment, refuse bad values, and are safe in production.

Each case that depends on the environment at start-up runs Django in a
subprocess with exactly the variables it names.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.settings import DEV_SECRET_KEY, envbool, envint

# Variables the settings read, and Django's own switch that the browser tests
# set in this process; the subprocesses start without any of them unless a
# test sets it.
SETTINGS_VARIABLES = {
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "SITE_URL",
    "DATABASE_URL",
    "DATABASE_CONN_MAX_AGE",
    "REDIS_URL",
    "CACHE_KEY_PREFIX",
    "MEDIA_ROOT",
    "MEDIA_URL",
    "MEDIA_S3_BUCKET",
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_TIMEOUT",
    "DEFAULT_FROM_EMAIL",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "BEHIND_TLS_PROXY",
    "STATICFILES_BACKEND",
    "DJANGO_SETTINGS_MODULE",
}
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k3v9-x0Qz_long-random-production-secret-7fT2mB8pLr4Yw1sNcHd6uJe5",
    "ALLOWED_HOSTS": "example.org",
}
PRINT_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({'db': settings.DATABASES['default'], 'cache': settings.CACHES['default']},"
    " default=str))"
)


# The default mailer Django builds from MAILERS, as the application would use it.
PRINT_MAILER = (
    "import json, django; django.setup(); from django.conf import settings; "
    "from django.core.mail import mailers; m = mailers.default; "
    "print(json.dumps({'backend': f'{type(m).__module__}.{type(m).__name__}', "
    "'smtp': {k: getattr(m, k, None) for k in "
    "('host', 'port', 'username', 'password', 'use_tls', 'timeout')}, "
    "'from': settings.DEFAULT_FROM_EMAIL}))"
)
CONSOLE = "portal.mail.ReadableConsoleBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def run_python(args, **variables):
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    env.update(variables)
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_in_subprocess(**variables):
    completed = run_python(["-c", PRINT_SETTINGS], **variables)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def mailer_in_subprocess(**variables):
    completed = run_python(["-c", PRINT_MAILER], **variables)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_production_refuses_to_start_without_a_secret_key():
    completed = run_python(["-c", "import django; django.setup()"], DEBUG="false")

    assert completed.returncode != 0
    assert "SECRET_KEY is empty or the development key" in completed.stderr


def test_production_refuses_to_start_on_the_development_secret_key():
    completed = run_python(
        ["-c", "import django; django.setup()"], DEBUG="false", SECRET_KEY=DEV_SECRET_KEY
    )

    assert completed.returncode != 0
    assert "SECRET_KEY is empty or the development key" in completed.stderr


def test_production_refuses_to_start_on_an_empty_secret_key():
    completed = run_python(["-c", "import django; django.setup()"], DEBUG="false", SECRET_KEY="")

    assert completed.returncode != 0
    assert "SECRET_KEY is empty or the development key" in completed.stderr


def test_production_starts_with_its_own_secret_key():
    completed = run_python(["-c", "import django; django.setup()"], **PRODUCTION)

    assert completed.returncode == 0, completed.stderr


def test_a_debug_value_that_is_not_a_boolean_stops_the_start():
    completed = run_python(["-c", "import django; django.setup()"], DEBUG="maybe")

    assert completed.returncode != 0
    assert "DEBUG must be true or false, not 'maybe'" in completed.stderr


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", True),
        ("true", True),
        ("Yes", True),
        ("ON", True),
        ("0", False),
        ("false", False),
        ("no", False),
        ("Off", False),
    ],
)
def test_envbool_reads_true_and_false_words(monkeypatch, value, expected):
    monkeypatch.setenv("SHARAKA_TEST_FLAG", value)
    assert envbool("SHARAKA_TEST_FLAG", not expected) is expected


@pytest.mark.parametrize("value", [None, ""])
def test_envbool_falls_back_to_the_default_when_unset_or_empty(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("SHARAKA_TEST_FLAG", raising=False)
    else:
        monkeypatch.setenv("SHARAKA_TEST_FLAG", value)
    assert envbool("SHARAKA_TEST_FLAG", True) is True
    assert envbool("SHARAKA_TEST_FLAG", False) is False


@pytest.mark.parametrize("value", ["maybe", "2", "truee", "y e s"])
def test_envbool_refuses_other_values(monkeypatch, value):
    monkeypatch.setenv("SHARAKA_TEST_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="SHARAKA_TEST_FLAG must be true or false"):
        envbool("SHARAKA_TEST_FLAG", False)


def test_envint_reads_integers_and_falls_back_when_empty(monkeypatch):
    monkeypatch.setenv("SHARAKA_TEST_NUMBER", "42")
    assert envint("SHARAKA_TEST_NUMBER", 7) == 42
    monkeypatch.setenv("SHARAKA_TEST_NUMBER", "")
    assert envint("SHARAKA_TEST_NUMBER", 7) == 7
    monkeypatch.delenv("SHARAKA_TEST_NUMBER")
    assert envint("SHARAKA_TEST_NUMBER", 7) == 7


@pytest.mark.parametrize("value", ["ten", "4.5", "8M", "0x10"])
def test_envint_refuses_what_is_not_an_integer(monkeypatch, value):
    monkeypatch.setenv("SHARAKA_TEST_NUMBER", value)
    with pytest.raises(ImproperlyConfigured, match="SHARAKA_TEST_NUMBER must be an integer"):
        envint("SHARAKA_TEST_NUMBER", 7)


def test_an_upload_limit_that_is_not_a_number_stops_the_start():
    completed = run_python(["-c", "import django; django.setup()"], MAX_IMAGE_UPLOAD_BYTES="8 MB")

    assert completed.returncode != 0
    assert "MAX_IMAGE_UPLOAD_BYTES must be an integer" in completed.stderr


def test_sqlite_is_the_default_database():
    db = settings_in_subprocess()["db"]

    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"].endswith("db.sqlite3")


def test_database_url_selects_postgresql():
    db = settings_in_subprocess(
        DATABASE_URL="postgres://sharaka:s3cret@db.internal:5433/sharaka_prod"
    )["db"]

    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "sharaka_prod",
        "sharaka",
        "s3cret",
        "db.internal",
        5433,
    )


def test_the_cache_is_in_process_memory_without_redis_url():
    cache = settings_in_subprocess()["cache"]

    assert cache["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_redis_url_selects_the_redis_cache_wrapped_to_fail_soft():
    cache = settings_in_subprocess(REDIS_URL="redis://cache.internal:6380/2")["cache"]

    assert cache["BACKEND"] == "portal.cache.FailSafeCache"
    assert cache["OPTIONS"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6380/2"
    # A Redis that does not answer costs a second, not a hung request.
    assert cache["OPTIONS"]["OPTIONS"]["socket_connect_timeout"] == 1


def test_deploy_check_passes_with_production_settings():
    completed = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION
    )

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "System check identified no issues" in completed.stdout
    assert "WARNINGS" not in completed.stderr


@pytest.mark.parametrize("debug", [{}, {"DEBUG": "true"}], ids=["debug-by-default", "debug-on"])
def test_development_prints_email_on_the_console(debug):
    mailer = mailer_in_subprocess(**debug)

    assert mailer["backend"] == CONSOLE


def test_development_ignores_smtp_variables():
    mailer = mailer_in_subprocess(DEBUG="true", EMAIL_HOST="smtp.example.org", EMAIL_PORT="587")

    assert mailer["backend"] == CONSOLE


def test_production_sends_email_by_smtp_from_the_email_variables():
    mailer = mailer_in_subprocess(
        **PRODUCTION,
        EMAIL_HOST="smtp.guelmim.ma",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="sharaka",
        EMAIL_HOST_PASSWORD="mail-s3cret",
        EMAIL_USE_TLS="true",
        EMAIL_TIMEOUT="15",
        DEFAULT_FROM_EMAIL="Sharaka <no-reply@guelmim.ma>",
    )

    assert mailer["backend"] == SMTP
    assert mailer["smtp"] == {
        "host": "smtp.guelmim.ma",
        "port": 587,
        "username": "sharaka",
        "password": "mail-s3cret",
        "use_tls": True,
        "timeout": 15,
    }
    assert mailer["from"] == "Sharaka <no-reply@guelmim.ma>"


def test_production_smtp_defaults_to_the_local_mail_server():
    mailer = mailer_in_subprocess(**PRODUCTION)

    assert mailer["backend"] == SMTP
    assert (mailer["smtp"]["host"], mailer["smtp"]["port"]) == ("localhost", 25)
    assert mailer["smtp"]["use_tls"] is False


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("EMAIL_PORT", "submission", "EMAIL_PORT must be an integer"),
        ("EMAIL_USE_TLS", "sometimes", "EMAIL_USE_TLS must be true or false"),
    ],
)
def test_a_bad_email_setting_stops_the_start(variable, value, message):
    completed = run_python(
        ["-c", "import django; django.setup()"], **PRODUCTION, **{variable: value}
    )

    assert completed.returncode != 0
    assert message in completed.stderr
