"""django-allauth hooks: account e-mails speak as the site, at its public address,
and go through the same durable queue as the site's other e-mails."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.utils.encoding import force_str
from django.utils.translation import gettext

from . import mail


@dataclass(frozen=True)
class PublicSite:
    """What allauth's e-mail templates read from ``current_site``: a name and a domain."""

    name: str
    domain: str


def public_site() -> PublicSite:
    """The site as its e-mails name it, in the active language, at SITE_URL's host.

    The Sites framework's row would say "example.com" unless someone edits it
    in every database; SITE_URL is already the site's public address.
    """
    return PublicSite(name=gettext("Sharaka"), domain=urlsplit(settings.SITE_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render as allauth does, then queue: a mail outage never fails a sign-up."""
        context = {
            "request": allauth_context.request,
            "email": email,
            "current_site": public_site(),
            **context,
        }
        mail.queue(self.render_mail(template_prefix, email, context), kind=template_prefix)

    def format_email_subject(self, subject: str) -> str:
        if app_settings.EMAIL_SUBJECT_PREFIX is not None:
            return super().format_email_subject(subject)
        return f"[{public_site().name}] {force_str(subject)}"
