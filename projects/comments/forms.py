from django import forms
from django.utils.translation import gettext_lazy as _

from associations.models import Association
from projects.models import COMMENT_MAX_LENGTH, CommentReport

BODY_ERRORS = {
    "required": _("Write something before sending: the comment is empty."),
    "max_length": _(
        "A comment can have at most %(limit_value)d characters; this one has %(show_value)d."
    ),
}
NOT_REPRESENTATIVE = _("You are not an approved representative of this association.")


def body_field() -> forms.CharField:
    return forms.CharField(
        label=_("Comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=BODY_ERRORS,
    )


class CommentForm(forms.Form):
    """A comment or a reply, on behalf of one of the author's associations.

    Council staff may leave the association empty: their answer is the council's.
    """

    association = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=Association.objects.none(),
        error_messages={"invalid_choice": NOT_REPRESENTATIVE},
    )

    def __init__(self, *args, associations, official: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = associations
        self.fields["association"].required = not official
        self.fields["association"].empty_label = _("The council (official answer)")
        self.fields["body"] = body_field()

    def refused_association(self) -> bool:
        """True when the only problem worth a 403 is posting for someone else's association."""
        return self.has_error("association", "invalid_choice")


class EditCommentForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"] = body_field()


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=CommentReport.Reason.choices)
    text = forms.CharField(
        label=_("Details (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
