"""Admin actions for certificates, as plain functions.

Wire them into the real admin with ``actions = [...]``:
``award_to_attending_associations`` on the Meeting changelist,
``revoke_certificates`` on the Certificate changelist.
"""

from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy, ngettext

from . import services


@admin.action(
    description=gettext_lazy("Award a certificate to every attending association"),
    permissions=["add"],
)
def award_to_attending_associations(modeladmin, request, queryset):
    """One certificate per association that attended each selected meeting.

    Running it twice awards nothing new: associations that already hold a
    certificate from the meeting that has not been revoked are skipped.
    """
    awarded = skipped = 0
    with transaction.atomic():
        for meeting in queryset.select_related("commune"):
            new, already = services.award_to_attending_associations(meeting)
            awarded += len(new)
            skipped += already
    message = ngettext(
        "%(count)d certificate awarded.", "%(count)d certificates awarded.", awarded
    ) % {"count": awarded}
    if skipped:
        message += " " + ngettext(
            "%(count)d association already held one and was skipped.",
            "%(count)d associations already held one and were skipped.",
            skipped,
        ) % {"count": skipped}
    modeladmin.message_user(request, message, messages.SUCCESS if awarded else messages.INFO)


@admin.action(
    description=gettext_lazy("Revoke the selected certificates"),
    permissions=["change"],
)
def revoke_certificates(modeladmin, request, queryset):
    """Revoke every selected certificate that is still valid, as of today."""
    revoked = 0
    with transaction.atomic():
        for certificate in queryset.filter(revoked=False):
            certificate.revoke()
            revoked += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d certificate revoked.", "%(count)d certificates revoked.", revoked)
        % {"count": revoked},
        messages.SUCCESS if revoked else messages.INFO,
    )
