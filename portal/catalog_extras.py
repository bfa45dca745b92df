"""Django's own interface strings that its Arabic catalog does not translate yet.

Nothing imports this module: makemessages reads it, so that Sharaka's
catalogs (which LOCALE_PATHS puts before Django's) carry these strings too.
"""

from django.utils.translation import gettext_noop

DJANGO_STRINGS = (
    # The empty choice of every select in the back office (Django 6.1).
    gettext_noop("- Select an option -"),
)
