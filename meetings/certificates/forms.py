"""The public form that looks a certificate up by its code."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.models import CODE_ALPHABET, CODE_LENGTH

_IGNORED = re.compile(r"[\s\-‐‑‒–—]+")


def normalise_code(raw: str) -> str:
    """Upper-case the code and drop spaces and dashes; "" if it cannot be a code.

    A malformed code is not an error shown to the visitor: it simply matches
    no certificate, like an unknown one.
    """
    code = _IGNORED.sub("", raw or "").upper()
    if len(code) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in code):
        return ""
    return code


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        help_text=_(
            "The 12 characters printed on the certificate. Spaces and dashes do not matter."
        ),
        widget=forms.TextInput(
            attrs={
                "maxlength": 64,
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )
