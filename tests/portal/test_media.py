"""Uploaded files in development: never sniffed, documents downloaded, not shown."""

import pytest
from django.http import Http404

from portal.views import media_file
from tests.helpers import jpeg, pdf_bytes


@pytest.fixture
def media(settings):
    root = settings.MEDIA_ROOT
    (root / "projects/documents").mkdir(parents=True)
    (root / "projects/photos").mkdir(parents=True)
    (root / "projects/documents/report.pdf").write_bytes(pdf_bytes())
    (root / "projects/photos/site.jpg").write_bytes(jpeg().read())
    (root / "projects/documents/page.html").write_bytes(b"<script>alert(1)</script>")
    return root


def test_a_document_is_an_attachment_and_never_sniffed(rf, media):
    response = media_file(
        rf.get("/media/projects/documents/report.pdf"), "projects/documents/report.pdf"
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_photo_is_shown_in_the_page_and_never_sniffed(rf, media):
    response = media_file(rf.get("/media/projects/photos/site.jpg"), "projects/photos/site.jpg")

    assert response["Content-Type"] == "image/jpeg"
    assert not response.get("Content-Disposition", "").startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_stored_html_file_would_be_downloaded_not_rendered(rf, media):
    response = media_file(rf.get("/media/x"), "projects/documents/page.html")

    assert response["Content-Disposition"].startswith("attachment")


def test_a_missing_file_is_404(rf, media):
    with pytest.raises(Http404):
        media_file(rf.get("/media/x"), "projects/documents/missing.pdf")


def test_only_safe_methods_are_served(rf, media):
    response = media_file(rf.post("/media/x"), "projects/documents/report.pdf")

    assert response.status_code == 405
