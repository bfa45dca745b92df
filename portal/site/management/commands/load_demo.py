"""Load the two seed meetings (Guelmim, Taroudant) and the demo sign-ins.

Safe to run again: records are matched by slug or natural key and brought
back to the demo state, nothing is duplicated, and passwords are left alone
unless --reset-passwords is given.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from portal.site.demo.load import DefaultPasswordRefused, load_all


class Command(BaseCommand):
    help = "Load the Guelmim and Taroudant demo records and the demo accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Set the demo accounts' passwords again (from DEMO_ADMIN_PASSWORD, "
            "DEMO_STAFF_PASSWORD and DEMO_TAROUDANT_PASSWORD, or the development defaults).",
        )

    def handle(self, *args, reset_passwords=False, **options):
        try:
            logins = load_all(reset_passwords=reset_passwords)
        except DefaultPasswordRefused as refused:
            raise CommandError(
                f"DEBUG is off: set {refused} in the environment; the development default "
                "password is only used with DEBUG on. Nothing was loaded."
            ) from refused

        self.stdout.write(self.style.SUCCESS("Demo data loaded: Guelmim and Taroudant."))
        self.stdout.write(f"Back office: {settings.SITE_URL}{reverse('admin:index')}")
        for login in logins:
            if login.password:
                password = login.password
            elif login.password_from_env:
                password = f"(from {login.password_env})"
            else:
                password = "(changed since the demo set it; --reset-passwords sets it again)"
            self.stdout.write(
                f"  {login.label}: {login.email} (username {login.username}) password {password}"
            )
