from django import forms
from django.utils.translation import gettext_lazy as _

from portal.lookups import COMMUNES, LookupField
from portal.validators import validate_document_upload

from .models import TEXT_MAX_LENGTH, Petition, PetitionSignature

#: Supporting documents a filer may attach at once; staff may add more.
DOCUMENT_FIELDS = ("document_1", "document_2", "document_3")


def _text(label, help_text=""):
    return forms.CharField(
        label=label,
        max_length=TEXT_MAX_LENGTH,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class PetitionForm(forms.Form):
    filer_kind = forms.ChoiceField(
        label=_("Who petitions"),
        choices=[
            (Petition.FilerKind.ASSOCIATION, _("An association I represent")),
            (Petition.FilerKind.CITIZENS, _("Citizens, with me as their agent")),
        ],
        widget=forms.RadioSelect,
    )
    association = forms.ModelChoiceField(
        label=_("Association"),
        queryset=None,
        required=False,
        empty_label=_("Choose the association"),
        error_messages={
            "invalid_choice": _("You can only file a petition for an association you represent.")
        },
    )
    commune = LookupField(
        label=_("Commune whose council is petitioned"),
        lookup=COMMUNES,
        required=True,
        help_text=_("Type the commune's name."),
    )
    agent_name = forms.CharField(
        label=_("Your full name"),
        max_length=200,
        help_text=_("Given to the council with the petition; not shown in public."),
    )
    title = forms.CharField(label=_("Subject"), max_length=255)
    reasons = _text(_("Reasons"))
    objectives = _text(_("Objectives"))
    action_requested = _text(
        _("Action requested"), _("What you ask the council to put on its agenda and decide.")
    )
    document_1 = forms.FileField(
        label=_("Supporting document"),
        required=False,
        validators=[validate_document_upload],
        help_text=_("PDF or office document."),
    )
    document_2 = forms.FileField(
        label=_("Another supporting document"),
        required=False,
        validators=[validate_document_upload],
    )
    document_3 = forms.FileField(
        label=_("Another supporting document"),
        required=False,
        validators=[validate_document_upload],
    )

    def __init__(self, *args, associations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = associations

    def refused_association(self) -> bool:
        """A posted association the user does not represent (a forged filer)."""
        return any(
            error.code == "invalid_choice" for error in self.errors.as_data().get("association", ())
        )

    def clean(self):
        data = super().clean()
        if data.get("filer_kind") == Petition.FilerKind.ASSOCIATION and not data.get("association"):
            if "association" not in self.errors:
                self.add_error("association", _("Choose the association that petitions."))
        return data

    def texts(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("title", "reasons", "objectives", "action_requested")
        }

    def documents(self) -> list:
        return [
            (upload.name, upload)
            for name in DOCUMENT_FIELDS
            if (upload := self.cleaned_data.get(name))
        ]


class SignatureForm(forms.Form):
    full_name = forms.CharField(label=_("Your full name"), max_length=200)
    tie = forms.ChoiceField(
        label=_("Your tie with the commune"),
        choices=PetitionSignature.Tie.choices,
        widget=forms.RadioSelect,
    )
    declaration = forms.BooleanField(
        label=_(
            "I declare on my honour that I live or work in this commune and share the "
            "interest of this petition."
        ),
        required=True,
        error_messages={"required": _("Tick the declaration to sign.")},
    )
