from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The pages that combine apps (home, commune pages, search, open data, the
    account page) and the demo data. It has no models."""

    name = "portal.site"
    label = "site"
    verbose_name = _("Public site")
