"""Uploads through the back office: bad files are refused with a message and nothing is saved."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from associations.models import Association
from meetings.models import Meeting, MeetingPhoto, Presentation
from projects.models import ProjectDocument, ProjectPhoto
from tests import factories
from tests.helpers import add_inline_rows, admin_form_data, page_errors

MEETING_ADD = reverse("admin:meetings_meeting_add")
ASSOCIATION_ADD = reverse("admin:associations_association_add")


@pytest.fixture
def client(staff_client, settings):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return staff_client


def image_upload(name="photo.png", size=(40, 30), image_format="PNG", noise=False):
    image = Image.new("RGB", size, "teal")
    if noise:
        image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    image.save(buffer, format=image_format)
    content_type = "image/png" if image_format == "PNG" else "image/jpeg"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return [os.path.join(folder, name) for folder, _dirs, names in os.walk(root) for name in names]


def new_meeting_data(client, commune):
    data = admin_form_data(client.get(MEETING_ADD))
    data.update(
        kind=Meeting.Kind.FORUM,
        commune=commune.pk,
        title_ar="المنتدى الثاني للجمعيات",
        slug="forum-2",
        start_date="2009-05-02",
        status=Meeting.Status.HELD,
    )
    return data


def project_change(client, project):
    url = reverse("admin:projects_project_change", args=[project.pk])
    return url, admin_form_data(client.get(url))


# --- Images ----------------------------------------------------------------


def test_oversized_meeting_photo_is_refused_and_the_meeting_not_created(client, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 2_000
    data = new_meeting_data(client, factories.CommuneFactory())
    photo = image_upload(size=(80, 80), noise=True)
    assert photo.size > 2_000
    add_inline_rows(data, "photos", [{"image": photo, "order": 1}])

    response = client.post(MEETING_ADD, data)

    assert response.status_code == 200
    assert "This image is" in response.content.decode()
    assert "the limit is" in response.content.decode()
    assert not Meeting.objects.exists()
    assert not MeetingPhoto.objects.exists()
    assert stored_files(settings) == []


def test_text_posing_as_a_jpeg_is_refused_and_the_project_not_changed(client, settings):
    project = factories.ProjectFactory(title_ar="مكتبة وسائطية")
    url, data = project_change(client, project)
    data["title_ar"] = "عنوان جديد"
    fake = SimpleUploadedFile("photo.jpg", b"just some text, not a picture", "image/jpeg")
    add_inline_rows(data, "photos", [{"image": fake, "order": 1}])

    response = client.post(url, data)

    assert response.status_code == 200
    assert "This file is not a valid image" in response.content.decode()
    project.refresh_from_db()
    assert project.title_ar == "مكتبة وسائطية"
    assert not ProjectPhoto.objects.exists()
    assert stored_files(settings) == []


def test_decompression_bomb_logo_is_refused_and_the_association_not_created(client, settings):
    settings.MAX_IMAGE_PIXELS = 1_000
    data = admin_form_data(client.get(ASSOCIATION_ADD))
    data.update(
        name_ar="جمعية الأمل",
        slug="jamiat-al-amal",
        commune=factories.CommuneFactory().pk,
        published="on",
        logo=image_upload(name="logo.png", size=(50, 50)),  # 2,500 pixels
    )

    response = client.post(ASSOCIATION_ADD, data)

    assert response.status_code == 200
    assert "This image has too many pixels" in response.content.decode()
    assert not Association.objects.exists()
    assert stored_files(settings) == []


def test_accepted_photo_is_stored_resized(client, settings):
    settings.IMAGE_MAX_DIMENSION = 100
    project = factories.ProjectFactory()
    url, data = project_change(client, project)
    add_inline_rows(
        data,
        "photos",
        [{"image": image_upload("site.jpg", size=(400, 200), image_format="JPEG"), "order": 1}],
    )

    response = client.post(url, data)

    assert response.status_code == 302, page_errors(response)
    photo = project.photos.get()
    with photo.image.open("rb") as stored, Image.open(stored) as image:
        assert max(image.size) <= settings.IMAGE_MAX_DIMENSION
        assert image.size == (100, 50)


def test_accepted_logo_is_stored_resized(client, settings):
    settings.IMAGE_MAX_DIMENSION = 64
    data = admin_form_data(client.get(ASSOCIATION_ADD))
    data.update(
        name_ar="جمعية الأمل",
        slug="jamiat-al-amal",
        commune=factories.CommuneFactory().pk,
        logo=image_upload(name="logo.png", size=(300, 120)),
    )

    response = client.post(ASSOCIATION_ADD, data)

    assert response.status_code == 302, page_errors(response)
    association = Association.objects.get()
    with association.logo.open("rb") as stored, Image.open(stored) as image:
        assert max(image.size) <= 64


# --- Documents -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("slides.exe", b"MZ\x90\x00\x03\x00\x00\x00", "Documents must be PDF or office files"),
        (
            "slides.html",
            b"<html><script>alert(1)</script></html>",
            "Documents must be PDF or office files",
        ),
        ("slides.pdf", b"<html>not a pdf</html>", "does not match its .pdf type"),
        ("slides.pptx", b"%PDF-1.4 a pdf in disguise", "does not match its .pptx type"),
    ],
    ids=["exe", "html", "pdf-that-is-not-pdf", "pptx-that-is-not-pptx"],
)
def test_bad_slides_are_refused_and_the_meeting_not_created(
    client, settings, name, content, message
):
    data = new_meeting_data(client, factories.CommuneFactory())
    add_inline_rows(
        data,
        "presentations",
        [{"order": 1, "title_ar": "عرض", "slides": SimpleUploadedFile(name, content)}],
    )

    response = client.post(MEETING_ADD, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.exists()
    assert not Presentation.objects.exists()
    assert stored_files(settings) == []


def test_html_project_document_is_refused_and_the_project_not_changed(client, settings):
    project = factories.ProjectFactory(progress=40)
    url, data = project_change(client, project)
    data["progress"] = "90"
    add_inline_rows(
        data,
        "documents",
        [{"title_ar": "دفتر التحملات", "file": SimpleUploadedFile("cps.html", b"<html></html>")}],
    )

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Documents must be PDF or office files" in response.content.decode()
    project.refresh_from_db()
    assert project.progress == 40
    assert not ProjectDocument.objects.exists()
    assert stored_files(settings) == []


def test_a_real_pdf_report_is_accepted(client, settings):
    data = new_meeting_data(client, factories.CommuneFactory())
    data["report_file"] = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n%%EOF\n")

    response = client.post(MEETING_ADD, data)

    assert response.status_code == 302, page_errors(response)
    assert Meeting.objects.get().report_file.name.endswith(".pdf")


def test_oversized_report_is_refused_and_the_meeting_not_created(client, settings):
    settings.MAX_DOCUMENT_UPLOAD_BYTES = 1024
    data = new_meeting_data(client, factories.CommuneFactory())
    data["report_file"] = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n" + b"0" * 2048)

    response = client.post(MEETING_ADD, data)

    assert response.status_code == 200
    assert "This file is 2.0\xa0KB; the limit is 1.0\xa0KB." in response.content.decode()
    assert not Meeting.objects.exists()
    assert stored_files(settings) == []
