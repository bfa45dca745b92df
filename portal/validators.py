"""Upload checks: every refusal says what was wrong in the visitor's language."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

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


def validate_image_upload(upload) -> None:
    """Refuse files that are too large, not images, or decompression bombs."""
    limit = settings.MAX_IMAGE_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This image is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="image_too_large",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
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
    except ValidationError:
        raise
    except Image.DecompressionBombError as exc:
        raise ValidationError(
            _("This image has too many pixels."), code="image_too_many_pixels"
        ) from exc
    except Exception as exc:  # Pillow raises many kinds of errors on bad data.
        raise ValidationError(
            _("This file is not a valid image. Upload a JPEG, PNG, WebP or GIF picture."),
            code="invalid_image",
        ) from exc
    finally:
        upload.seek(position)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(_("Images must be JPEG, PNG, WebP or GIF."), code="image_format")


def validate_document_upload(upload) -> None:
    """Accept only PDF and office documents of a bounded size, checked by content."""
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
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(8)
    upload.seek(position)
    if not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            _("The content of this file does not match its .%(extension)s type.")
            % {"extension": extension},
            code="document_content",
        )
