"""Django's own interface strings that its catalogs do not translate yet, or not well.

Nothing imports this module: makemessages reads it, so that Sharaka's
catalogs (which LOCALE_PATHS puts before Django's) carry these strings too.
"""

from django.utils.translation import gettext_noop

DJANGO_STRINGS = (
    # The empty choice of every select in the back office (Django 6.1).
    gettext_noop("- Select an option -"),
    # "Add another" under each inline: Django's Arabic puts "another" after a
    # name that carries its article ("أضِف الجلسة آخر").
    gettext_noop("Add another %(verbose_name)s"),
    # The bulk deletion: Django's French agrees "sélectionnés" with every name,
    # feminine ones too ("les rencontres sélectionnés").
    gettext_noop("Delete selected %(verbose_name_plural)s"),
)
