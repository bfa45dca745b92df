"""Upload checks: every file is opened as what it claims to be, not sniffed by its first bytes.

Images are decoded in full by Pillow, PDFs parsed by pypdf and refused when
they carry JavaScript, launch actions or embedded files, office documents
opened as the ZIP packages they are. Every refusal says what was wrong in
the visitor's language; the form is shown again and nothing is stored.
"""

import threading
import zipfile
from contextlib import contextmanager
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageFile
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}

# Extension -> accepted leading bytes. Office Open XML and OpenDocument files
# are ZIP archives; the old Office formats are OLE2 compound files.
_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
DOCUMENT_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "doc": _OLE,
    "xls": _OLE,
    "ppt": _OLE,
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "odt": _ZIP,
    "ods": _ZIP,
    "odp": _ZIP,
}


# Office Open XML: the content type [Content_Types].xml must give the main
# part. A macro-enabled document declares another type and is refused.
OOXML_MAIN_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
# OpenDocument: the first member, "mimetype", names the kind.
ODF_MIMETYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
# An office package may unpack to this many times the upload limit, no more.
UNPACKED_RATIO = 10


def _rewound(upload):
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    return position


_decoding = threading.Lock()


@contextmanager
def strict_decoding():
    """Pillow refuses a picture cut short while this lasts.

    WeasyPrint (certificate PDFs) turns Pillow's process-wide
    ``LOAD_TRUNCATED_IMAGES`` on when it is imported, after which a JPEG cut
    in half decodes with grey padding instead of an error.
    """
    with _decoding:
        saved = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = saved


def validate_image_upload(upload) -> None:
    """Refuse files that are too large, not images, decompression bombs, or damaged.

    The image is decoded in full (every frame of an animation): a header that
    looks right is not enough, a picture cut short or corrupted inside is refused.
    """
    limit = settings.MAX_IMAGE_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This image is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="image_too_large",
        )
    position = _rewound(upload)
    try:
        with Image.open(upload) as image:
            width, height = image.size
            image_format = image.format
            if width * height > settings.MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("This image has too many pixels (%(width)s × %(height)s).")
                    % {"width": width, "height": height},
                    code="image_too_many_pixels",
                )
            image.verify()
        upload.seek(0)
        # verify() checks the structure without decoding; decode it too.
        with strict_decoding(), Image.open(upload) as image:
            for frame in range(getattr(image, "n_frames", 1)):
                image.seek(frame)
                image.load()
    except ValidationError:
        raise
    except Image.DecompressionBombError as exc:
        raise ValidationError(
            _("This image has too many pixels."), code="image_too_many_pixels"
        ) from exc
    except Exception as exc:  # Pillow raises many kinds of errors on bad data.
        raise ValidationError(
            _(
                "This file is not a valid image, or it is damaged (cut short, for example). "
                "Upload a JPEG, PNG, WebP or GIF picture."
            ),
            code="invalid_image",
        ) from exc
    finally:
        upload.seek(position)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(_("Images must be JPEG, PNG, WebP or GIF."), code="image_format")


def validate_document_upload(upload) -> None:
    """Accept only PDF and office documents of a bounded size, opened and checked."""
    limit = settings.MAX_DOCUMENT_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="document_too_large",
        )
    name = (upload.name or "").lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    signatures = DOCUMENT_SIGNATURES.get(extension)
    if signatures is None:
        raise ValidationError(
            _("Documents must be PDF or office files (%(types)s).")
            % {"types": ", ".join(sorted(DOCUMENT_SIGNATURES))},
            code="document_type",
        )
    position = _rewound(upload)
    try:
        head = upload.read(8)
        if not any(head.startswith(signature) for signature in signatures):
            raise ValidationError(
                _("The content of this file does not match its .%(extension)s type.")
                % {"extension": extension},
                code="document_content",
            )
        upload.seek(0)
        if extension == "pdf":
            check_pdf(upload)
        elif extension in OOXML_MAIN_TYPES or extension in ODF_MIMETYPES:
            check_office_package(upload, extension)
    finally:
        upload.seek(position)


# --- PDF -------------------------------------------------------------------

# What in a PDF runs code or hides other files, by what it is called there.
_SCRIPT_KEYS = {"/JS", "/JavaScript"}
_EMBEDDED_KEYS = {"/EmbeddedFiles", "/EmbeddedFile"}


def _damaged(extension: str) -> ValidationError:
    return ValidationError(
        _(
            "This .%(extension)s file is damaged or is not really a .%(extension)s document: "
            "it cannot be opened."
        )
        % {"extension": extension},
        code="document_damaged",
    )


def check_pdf(upload) -> None:
    """Parse the PDF and walk every object it reaches; refuse active or hidden content."""
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _("This PDF is protected by a password. Upload a copy without a password."),
                code="pdf_encrypted",
            )
        if len(reader.pages) == 0:
            raise _damaged("pdf")
        found = _pdf_dangers(reader.trailer)
    except ValidationError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on bad data.
        if "cryptography" in str(exc) or "AES" in str(exc):
            raise ValidationError(
                _("This PDF is protected by a password. Upload a copy without a password."),
                code="pdf_encrypted",
            ) from exc
        raise _damaged("pdf") from exc
    if "javascript" in found:
        raise ValidationError(
            _(
                "This PDF contains JavaScript, which the site does not accept. "
                "Print or export it again as a plain PDF and upload that copy."
            ),
            code="pdf_javascript",
        )
    if "launch" in found:
        raise ValidationError(
            _(
                "This PDF contains an action that opens another program or file, which the "
                "site does not accept. Print or export it again as a plain PDF and upload "
                "that copy."
            ),
            code="pdf_launch",
        )
    if "embedded" in found:
        raise ValidationError(
            _(
                "This PDF carries attached files, which the site does not accept. Upload "
                "each document on its own."
            ),
            code="pdf_embedded_file",
        )


def _pdf_dangers(root) -> set[str]:
    """Kinds of active or hidden content among the objects reachable from ``root``."""
    found, seen, todo = set(), set(), [root]
    while todo:
        item = todo.pop()
        if isinstance(item, IndirectObject):
            reference = (item.idnum, item.generation)
            if reference in seen:
                continue
            seen.add(reference)
            todo.append(item.get_object())
        elif isinstance(item, DictionaryObject):  # streams included: their dictionary only
            keys = set(item.keys())
            if keys & _SCRIPT_KEYS or item.get("/S") == "/JavaScript":
                found.add("javascript")
            if item.get("/S") in ("/Launch", "/ImportData") or item.get("/Type") == "/Launch":
                found.add("launch")
            if (
                keys & _EMBEDDED_KEYS
                or "/EF" in keys
                or item.get("/Type") == "/EmbeddedFile"
                or item.get("/Subtype") == "/FileAttachment"
            ):
                found.add("embedded")
            todo.extend(item.values())
        elif isinstance(item, ArrayObject):
            todo.extend(item)
    return found


# --- office packages ---------------------------------------------------------


def _macros(extension: str) -> ValidationError:
    return ValidationError(
        _(
            "This .%(extension)s file contains macros, which the site does not accept. "
            "Save it again without macros and upload that copy."
        )
        % {"extension": extension},
        code="document_macros",
    )


def check_office_package(upload, extension: str) -> None:
    """Open the ZIP package and find the parts a real document of its kind has."""
    try:
        with zipfile.ZipFile(upload) as package:
            members = package.infolist()
            unpacked = sum(member.file_size for member in members)
            if unpacked > UNPACKED_RATIO * settings.MAX_DOCUMENT_UPLOAD_BYTES:
                raise _damaged(extension)
            names = {member.filename for member in members}
            if package.testzip() is not None:  # a member whose data is corrupt
                raise _damaged(extension)
            if extension in OOXML_MAIN_TYPES:
                _check_ooxml(package, names, extension)
            else:
                _check_odf(package, members, names, extension)
    except ValidationError:
        raise
    except Exception as exc:  # BadZipFile, a broken XML part, a bad compression stream...
        raise _damaged(extension) from exc


def _check_ooxml(package, names: set[str], extension: str) -> None:
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise _macros(extension)
    types = ElementTree.fromstring(package.read("[Content_Types].xml"))
    namespace = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    main_parts = [
        override.get("PartName", "").lstrip("/")
        for override in types.iter(f"{namespace}Override")
        if override.get("ContentType") == OOXML_MAIN_TYPES[extension]
    ]
    if not main_parts or main_parts[0] not in names:
        declared = {override.get("ContentType", "") for override in types.iter()}
        if any("macroEnabled" in content_type for content_type in declared):
            raise _macros(extension)
        raise _damaged(extension)


def _check_odf(package, members, names: set[str], extension: str) -> None:
    first = members[0] if members else None
    if first is None or first.filename != "mimetype":
        raise _damaged(extension)
    if package.read("mimetype").decode("ascii", "replace").strip() != ODF_MIMETYPES[extension]:
        raise _damaged(extension)
    if "content.xml" not in names:
        raise _damaged(extension)
    if any(name.startswith(("Basic/", "Scripts/")) for name in names):
        raise _macros(extension)
