"""The "Council staff" group holds exactly the permissions staff need, and no account powers."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection

SHARAKA_APPS = ("portal", "associations", "meetings", "projects", "recommendations", "petitions")
# The latest migration that sets the group: portal's rules plus the petitions app.
migration = importlib.import_module(
    "petitions.migrations.0002_council_staff_group_and_search_indexes"
)
# Which communes a staff account works for is an account power: superusers only.
ACCOUNT_MODELS = {"portal.staffscope"}


# Bookkeeping rows the code keeps and nobody edits: no back-office page, no permission.
BOOKKEEPING = {"portal.DataVersion", "portal.SearchWord"}


def expected_codenames():
    return {
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for label in SHARAKA_APPS
        for model in apps.get_app_config(label).get_models()
        if model._meta.label not in BOOKKEEPING
        for action in ("add", "change", "delete", "view")
        if f"{model._meta.app_label}.{model._meta.model_name}" not in ACCOUNT_MODELS
    }


def group_codenames():
    group = Group.objects.get(name="Council staff")
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_council_staff_can_add_change_delete_and_view_every_sharaka_model(db):
    assert group_codenames() == expected_codenames()
    assert "associations.change_membership" in group_codenames()


def test_council_staff_hold_nothing_on_accounts_sites_or_sessions(db):
    apps_granted = {codename.split(".")[0] for codename in group_codenames()}

    assert apps_granted.isdisjoint(
        {"auth", "sites", "sessions", "account", "admin", "contenttypes"}
    )


def test_staff_user_is_not_superuser_and_has_no_account_permissions(staff_user):
    assert not staff_user.is_superuser
    assert staff_user.has_perm("meetings.add_certificate")
    assert not staff_user.has_perm("auth.view_user")
    assert not staff_user.has_perm("auth.change_group")
    assert not staff_user.has_perm("portal.change_staffscope")
    assert not staff_user.has_perm("portal.add_staffscope")


class _SchemaEditor:
    connection = connection


def test_running_the_migration_again_restores_exactly_the_same_group(db):
    group = Group.objects.get(name="Council staff")
    group.permissions.add(Permission.objects.get(codename="change_user"))
    group.permissions.remove(Permission.objects.get(codename="add_meeting"))

    migration.create_council_staff_group(apps, _SchemaEditor())
    migration.create_council_staff_group(apps, _SchemaEditor())

    assert Group.objects.filter(name="Council staff").count() == 1
    assert group_codenames() == expected_codenames()
