"""The certificate as a PDF (WeasyPrint) and its QR code (segno).

WeasyPrint never touches the network: its fetcher serves our static files
from disk and data: URIs, and refuses everything else.
"""

import base64
import mimetypes
from urllib.parse import urlsplit

import segno
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import reverse
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

from portal.links import site_url

# Relative URLs in the PDF template resolve against this base; the fetcher
# maps it back to the static files on disk.
PDF_BASE_URL = "https://certificate.invalid/"
STATIC_PREFIX = "/static/"
# Relative to PDF_BASE_URL; found by the staticfiles finders, so a hashed
# manifest name never matters.
PDF_STYLESHEET = "static/css/certificate.css"


def verification_url(certificate) -> str:
    """The absolute address the QR code opens, in the current language."""
    return site_url(reverse("certificates:verify_code", kwargs={"code": certificate.code}))


def qr_data_uri(certificate) -> str:
    """A PNG data URI of the QR code (allowed by the CSP's img-src data:)."""
    qr = segno.make(verification_url(certificate), error="m")
    return qr.png_data_uri(scale=8, border=4)


def logo_data_uri(commune) -> str:
    """The commune's logo inlined, so neither the browser nor WeasyPrint fetch it."""
    if not commune.logo:
        return ""
    try:
        with commune.logo.open("rb") as handle:
            data = handle.read()
    except OSError:
        return ""
    mime = mimetypes.guess_type(commune.logo.name)[0] or "image/png"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


class LocalFetcher(URLFetcher):
    """Serve static files from disk and data: URIs; refuse any other URL."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        base = urlsplit(PDF_BASE_URL)
        if (parts.scheme, parts.netloc) == (base.scheme, base.netloc) and parts.path.startswith(
            STATIC_PREFIX
        ):
            relative = parts.path[len(STATIC_PREFIX) :]
            found = finders.find(relative) if ".." not in relative.split("/") else None
            if found:
                with open(found, "rb") as handle:
                    body = handle.read()
                mime = mimetypes.guess_type(found)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body, {"Content-Type": mime})
        raise URLFetchingError(f"Refused to fetch {url}")


def render_pdf(context: dict, request=None, template="certificates/certificate_pdf.html") -> bytes:
    html = render_to_string(template, context, request=request)
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=LocalFetcher()).write_pdf()
