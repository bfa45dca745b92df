from django import forms
from django.utils.translation import gettext_lazy as _

from associations.models import Membership


class MembershipRequestForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Your role in the association"),
        choices=Membership.Role,
        initial=Membership.Role.REPRESENTATIVE,
    )
    message = forms.CharField(
        label=_("A short message for the council staff"),
        help_text=_("How can staff check that you represent this association? (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        required=False,
    )
