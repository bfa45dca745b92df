"""Remind staff of the petitions whose answer is due within two weeks.

Run once a day (``deploy/systemd/sharaka-petition-reminders.timer``). Each
petition is reminded once: it remembers the reminder, so running the command
again sends nothing new. The e-mails go through the task queue
(``portal.mail``), like every e-mail of the site.
"""

from django.core.management.base import BaseCommand

from petitions.services import send_reminders


class Command(BaseCommand):
    help = "E-mail staff about petitions whose answer is due within two weeks (once each)."

    def handle(self, *args, **options):
        count = send_reminders()
        self.stdout.write(f"petition reminders: {count}")
