"""Uploads through the back office: bad files are refused with a message and nothing is saved."""

import io
import os
import zipfile
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from associations.models import Association
from meetings.models import Meeting, MeetingPhoto, Presentation
from projects.models import ProjectDocument, ProjectPhoto
from tests import factories
from tests.helpers import add_inline_rows, admin_form_data, page_errors, pdf_bytes

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
    data["report_file"] = SimpleUploadedFile("report.pdf", pdf_bytes())

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


# --- Opened, not sniffed ----------------------------------------------------


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in members.items():
            package.writestr(name, content)
    return buffer.getvalue()


def content_types(main_part: str, content_type: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main_part}" ContentType="{content_type}"/>'
        "</Types>"
    ).encode()


WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCX = zip_bytes(
    {
        "[Content_Types].xml": content_types("word/document.xml", WORD_MAIN),
        "word/document.xml": b"<w:document/>",
    }
)
ODT = zip_bytes(
    {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"}
)


def with_open_action_script(writer):
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hello')"),
        }
    )


def with_named_script(writer):
    """A document-level script in the Names tree, behind an indirect reference."""
    action = writer._add_object(
        DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("this.print({bUI: false});"),
            }
        )
    )
    scripts = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("print"), action])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(scripts)}
    )


def with_launch_action(writer):
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("cmd.exe"),
        }
    )


def with_attachment(writer):
    writer.add_attachment("invoice.exe", b"MZ\x90\x00 not really a program")


def with_password(writer):
    writer.encrypt("secret", algorithm="RC4-128")


def truncated_jpeg() -> bytes:
    data = image_upload("photo.jpg", size=(400, 300), image_format="JPEG", noise=True).read()
    return data[: len(data) // 2]


def corrupt_png() -> bytes:
    data = bytearray(image_upload("photo.png", size=(60, 60), noise=True).read())
    data[len(data) // 2] ^= 0xFF  # one byte flipped inside the compressed pixels
    return bytes(data)


HOSTILE_DOCUMENTS = [
    ("open-action-javascript", "report.pdf", pdf_bytes(with_open_action_script),
     "This PDF contains JavaScript"),
    ("named-javascript", "report.pdf", pdf_bytes(with_named_script),
     "This PDF contains JavaScript"),
    ("launch-action", "report.pdf", pdf_bytes(with_launch_action),
     "an action that opens another program"),
    ("embedded-file", "report.pdf", pdf_bytes(with_attachment), "This PDF carries attached files"),
    ("password", "report.pdf", pdf_bytes(with_password), "This PDF is protected by a password"),
    ("html-starting-with-pdf", "report.pdf",
     b"%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>",
     "This .pdf file is damaged or is not really a .pdf document"),
    ("pdf-cut-short", "report.pdf", pdf_bytes()[:200],
     "This .pdf file is damaged or is not really a .pdf document"),
    ("random-bytes-after-zip-signature", "report.docx", b"PK\x03\x04" + os.urandom(2000),
     "This .docx file is damaged or is not really a .docx document"),
    ("zip-without-content-types", "report.docx", zip_bytes({"word/document.xml": b"<w/>"}),
     "This .docx file is damaged or is not really a .docx document"),
    ("content-types-without-main-part", "report.docx",
     zip_bytes({"[Content_Types].xml": content_types("word/document.xml", WORD_MAIN)}),
     "This .docx file is damaged or is not really a .docx document"),
    ("spreadsheet-named-docx", "report.docx",
     zip_bytes({
         "[Content_Types].xml": content_types(
             "xl/workbook.xml",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
         ),
         "xl/workbook.xml": b"<workbook/>",
     }),
     "This .docx file is damaged or is not really a .docx document"),
    ("macros", "report.docx",
     zip_bytes({
         "[Content_Types].xml": content_types(
             "word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"
         ),
         "word/document.xml": b"<w:document/>",
         "word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro",
     }),
     "This .docx file contains macros"),
    ("odt-without-content", "report.odt",
     zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text"}),
     "This .odt file is damaged or is not really a .odt document"),
    ("odt-that-is-a-spreadsheet", "report.odt",
     zip_bytes({
         "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
         "content.xml": b"<office/>",
     }),
     "This .odt file is damaged or is not really a .odt document"),
    ("odt-with-basic-macros", "report.odt",
     zip_bytes({
         "mimetype": b"application/vnd.oasis.opendocument.text",
         "content.xml": b"<office/>",
         "Basic/Standard/Module1.xml": b"<script/>",
     }),
     "This .odt file contains macros"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [case[1:] for case in HOSTILE_DOCUMENTS],
    ids=[case[0] for case in HOSTILE_DOCUMENTS],
)
def test_hostile_report_is_refused_with_its_message_and_nothing_saved(
    client, settings, name, content, message
):
    data = new_meeting_data(client, factories.CommuneFactory())
    data["report_file"] = SimpleUploadedFile(name, content)

    response = client.post(MEETING_ADD, data)

    assert response.status_code == 200
    assert message in unescape(response.content.decode())
    assert not Meeting.objects.exists()
    assert stored_files(settings) == []


def test_hostile_project_document_is_refused_and_the_project_not_changed(client, settings):
    project = factories.ProjectFactory(progress=40)
    url, data = project_change(client, project)
    data["progress"] = "90"
    add_inline_rows(
        data,
        "documents",
        [{"title_ar": "تقرير", "file": SimpleUploadedFile("cps.pdf", pdf_bytes(with_attachment))}],
    )

    response = client.post(url, data)

    assert response.status_code == 200
    assert "This PDF carries attached files" in response.content.decode()
    project.refresh_from_db()
    assert project.progress == 40
    assert not ProjectDocument.objects.exists()
    assert stored_files(settings) == []


def test_the_refusal_is_in_the_staff_members_language(staff_client, settings):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    data = new_meeting_data(staff_client, factories.CommuneFactory())
    data["report_file"] = SimpleUploadedFile("report.pdf", pdf_bytes(with_open_action_script))

    response = staff_client.post(MEETING_ADD, data)

    assert "Ce PDF contient du JavaScript" in unescape(response.content.decode())
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.docx", DOCX), ("report.odt", ODT), ("report.pdf", pdf_bytes())],
    ids=["docx", "odt", "pdf"],
)
def test_real_office_documents_and_pdfs_are_accepted(client, settings, name, content):
    data = new_meeting_data(client, factories.CommuneFactory())
    data["report_file"] = SimpleUploadedFile(name, content)

    response = client.post(MEETING_ADD, data)

    assert response.status_code == 302, page_errors(response)
    assert Meeting.objects.get().report_file.name.endswith(name.rsplit(".", 1)[1])


@pytest.mark.parametrize(
    ("name", "content"),
    [("photo.jpg", truncated_jpeg()), ("photo.png", corrupt_png())],
    ids=["jpeg-cut-in-half", "png-with-a-flipped-byte"],
)
def test_damaged_photo_is_refused_and_the_project_not_changed(client, settings, name, content):
    project = factories.ProjectFactory(title_ar="مكتبة وسائطية")
    url, data = project_change(client, project)
    data["title_ar"] = "عنوان جديد"
    add_inline_rows(data, "photos", [{"image": SimpleUploadedFile(name, content), "order": 1}])

    response = client.post(url, data)

    assert response.status_code == 200
    assert "This file is not a valid image, or it is damaged" in response.content.decode()
    project.refresh_from_db()
    assert project.title_ar == "مكتبة وسائطية"
    assert not ProjectPhoto.objects.exists()
    assert stored_files(settings) == []
