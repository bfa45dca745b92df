"""Public pages of the certificates of appreciation: verify, print, PDF.

Anyone may verify a certificate by its code, published meeting or not. Every
look-up (verification, print page, PDF) counts against the client's allowance,
so codes cannot be guessed by brute force. Nothing is cached on the way: a
revocation shows at once.
"""

import re

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.cache import never_cache

from meetings.models import Certificate
from portal.client_ip import client_ip

from . import services
from .forms import VerifyForm, normalise_code
from .pdf import PDF_STYLESHEET, logo_data_uri, qr_data_uri, render_pdf, verification_url

RATE_LIMITED = gettext_noop(
    "Too many certificate look-ups from your connection "
    "(at most %(limit)d in %(minutes)d minutes). Please wait a few minutes and try again."
)


def find_certificate(raw_code: str) -> Certificate | None:
    """The certificate with this code, with everything its pages show; None if none."""
    code = normalise_code(raw_code)
    if not code:
        return None
    return (
        Certificate.objects.select_related(
            "meeting", "commune", "recipient_association", "recipient_person", "signatory"
        )
        .filter(code=code)
        .first()
    )


def recipient_label(certificate: Certificate) -> str:
    if certificate.recipient_association_id:
        return certificate.recipient_association.name
    if certificate.recipient_person_id:
        return certificate.recipient_person.full_name
    return certificate.recipient_name


def meeting_link(certificate: Certificate) -> str:
    """The meeting's public address, only when the meeting is published."""
    return certificate.meeting.get_absolute_url() if certificate.meeting.published else ""


def _allowed(request) -> bool:
    return services.consume_verify_allowance(client_ip(request))


def _rate_limited(request, form=None):
    limit, period = settings.CERTIFICATE_VERIFY_RATE_LIMIT
    message = _(RATE_LIMITED) % {"limit": limit, "minutes": max(period // 60, 1)}
    return render(
        request,
        "certificates/verify.html",
        {"form": form or VerifyForm(), "rate_limited": message},
        status=429,
    )


def _result(request, form, raw_code: str, *, not_found_status: int = 200):
    if not _allowed(request):
        return _rate_limited(request, form)
    certificate = find_certificate(raw_code)
    context = {"form": form, "searched": True, "certificate": certificate}
    if certificate is None:
        return render(request, "certificates/verify.html", context, status=not_found_status)
    context.update(recipient=recipient_label(certificate), meeting_url=meeting_link(certificate))
    return render(request, "certificates/verify.html", context)


@never_cache
def verify(request):
    """The verification form (GET) and, once a code is given, its result."""
    form = VerifyForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return _result(request, form, form.cleaned_data["code"])
    return render(request, "certificates/verify.html", {"form": form})


@never_cache
def verify_code(request, code):
    """What the QR code opens; 404 when no certificate matches."""
    form = VerifyForm(initial={"code": code})
    return _result(request, form, code, not_found_status=404)


def _printable(request, code) -> Certificate:
    certificate = find_certificate(code)
    if certificate is None:
        raise Http404(_("No certificate matches this code."))
    return certificate


def slash_pieces(url: str) -> list[str]:
    """The URL cut after each run of slashes: "https://", "host/", "fr/", ...

    The templates put a <wbr> after each piece, so the printed address wraps
    only between its parts, never inside "verify" or the code.
    """
    return re.findall(r"[^/]*/+|[^/]+", url)


def certificate_context(certificate: Certificate) -> dict:
    url = verification_url(certificate)
    return {
        "certificate": certificate,
        "recipient": recipient_label(certificate),
        "verify_url": url,
        "verify_url_pieces": slash_pieces(url),
        "qr": qr_data_uri(certificate),
    }


@never_cache
def print_view(request, code):
    """The certificate as a printable page (A4 landscape)."""
    if not _allowed(request):
        return _rate_limited(request)
    certificate = _printable(request, code)
    context = certificate_context(certificate)
    context["logo"] = certificate.commune.logo.url if certificate.commune.logo else ""
    return render(request, "certificates/print.html", context)


@never_cache
def pdf_view(request, code):
    """The same certificate as a PDF, in the current language."""
    if not _allowed(request):
        return _rate_limited(request)
    certificate = _printable(request, code)
    context = certificate_context(certificate)
    context.update(logo=logo_data_uri(certificate.commune), stylesheet=PDF_STYLESHEET)
    pdf = render_pdf(context, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    # The links say "download": the browser saves the file (the print page is the one to view).
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response
