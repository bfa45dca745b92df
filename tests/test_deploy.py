"""The reference production set-up in deploy/ names commands that exist and settings that work.

The units expect the checkout in /srv/sharaka; here that is the repository
itself, with the virtualenv `make install` made. (CI checks the nginx site
with `nginx -t`, in .ci/run.)
"""

import configparser
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "deploy"
INSTALLED_AT = "/srv/sharaka"
ENVIRONMENT_FILE = "/etc/sharaka/sharaka.env"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
SECRET = "k3v9-x0Qz_long-random-production-secret-for-the-deploy-test-7fT2mB8"


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read(path)
    return parser


def commands(path: Path) -> list[list[str]]:
    service = unit(path)["Service"]
    lines = [service[key] for key in ("ExecStart", "ExecStartPost", "ExecReload") if key in service]
    return [shlex.split(line.replace(INSTALLED_AT, str(ROOT))) for line in lines]


def production_environment() -> dict:
    """deploy/sharaka.env as systemd reads it, with the secret an operator adds."""
    variables = {}
    for line in (DEPLOY / "sharaka.env").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            variables[name.strip()] = value.strip()
    return variables


def run(args, variables):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.pop("REDIS_URL", None)
    env.update(variables, DJANGO_SETTINGS_MODULE="portal.settings")
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_there_are_units_for_the_app_server_the_worker_and_the_backups():
    names = {path.name for path in UNITS}
    assert {"sharaka-web.service", "sharaka-worker.service", "sharaka-backup.service"} <= names


@pytest.mark.parametrize("path", UNITS, ids=lambda path: path.name)
def test_each_unit_runs_programs_that_exist(path):
    for command in commands(path):
        program = Path(command[0])
        assert program.is_file() and os.access(program, os.X_OK), command[0]
        if "manage.py" in command:
            subcommand = command[command.index("manage.py") + 1]
            assert subcommand in get_commands(), subcommand


@pytest.mark.parametrize("path", UNITS, ids=lambda path: path.name)
def test_each_unit_reads_the_environment_file_from_the_checkout(path):
    service = unit(path)["Service"]
    assert service["EnvironmentFile"] == ENVIRONMENT_FILE
    assert service["WorkingDirectory"] == INSTALLED_AT
    assert service["User"] == "sharaka"


def test_the_worker_is_the_database_task_worker_without_reloading():
    (command,) = commands(DEPLOY / "systemd" / "sharaka-worker.service")
    assert command[1:3] == ["manage.py", "db_worker"]
    assert "--no-reload" in command


def test_the_backup_timer_starts_the_backup_service():
    timer = unit(DEPLOY / "systemd" / "sharaka-backup.timer")
    assert (DEPLOY / "systemd" / "sharaka-backup.service").exists()
    assert timer["Timer"]["OnCalendar"]


def test_gunicorn_accepts_the_web_units_command_and_loads_the_app():
    (command, _reload) = commands(DEPLOY / "systemd" / "sharaka-web.service")
    assert Path(command[0]).name == "gunicorn"
    variables = production_environment() | {"SECRET_KEY": SECRET}

    completed = run([*command, "--check-config"], variables)

    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_the_environment_file_passes_the_deploy_check_once_given_a_secret():
    variables = production_environment()
    assert variables["SECRET_KEY"] == ""  # never a secret in the repository

    completed = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        variables | {"SECRET_KEY": SECRET},
    )

    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_the_environment_file_refuses_to_start_without_a_secret():
    completed = run([sys.executable, "manage.py", "check"], production_environment())

    assert completed.returncode != 0
    assert "SECRET_KEY" in completed.stderr


def test_every_variable_of_the_environment_file_is_documented_in_the_readme():
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", (ROOT / "README.md").read_text()))
    assert set(production_environment()) - documented == set()


def test_the_nginx_site_serves_uploads_unsniffed_and_documents_as_attachments():
    site = (DEPLOY / "nginx" / "sharaka.conf").read_text()
    media = site[site.index("location /media/") :]
    assert "alias /var/lib/sharaka/media/;" in media
    assert "X-Content-Type-Options nosniff always" in media
    assert "Content-Disposition attachment always" in media
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site
    assert 'Cache-Control "public, max-age=31536000, immutable"' in site
    assert production_environment()["MEDIA_ROOT"] == "/var/lib/sharaka/media"
