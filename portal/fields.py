"""Model fields for uploads: validated, and images resized once on upload."""

import io
import os

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.db import models
from PIL import Image, ImageOps

from .validators import DOCUMENT_SIGNATURES, validate_document_upload, validate_image_upload


def resize_image(upload):
    """Return the upload shrunk to IMAGE_MAX_DIMENSION, oriented, metadata dropped."""
    upload.seek(0)
    with Image.open(upload) as original:
        original_format = original.format
        image = ImageOps.exif_transpose(original)
        largest = settings.IMAGE_MAX_DIMENSION
        if max(image.size) <= largest and original_format in {"JPEG", "PNG", "WEBP"}:
            image.load()
            needs_resize = False
        else:
            needs_resize = True
        if needs_resize:
            image.thumbnail((largest, largest), Image.Resampling.LANCZOS)
        keep_alpha = image.mode in {"RGBA", "LA", "P"} and original_format != "JPEG"
        output = io.BytesIO()
        if keep_alpha:
            image.convert("RGBA").save(output, format="PNG", optimize=True)
            extension, content_type = "png", "image/png"
        else:
            image.convert("RGB").save(output, format="JPEG", quality=85, optimize=True)
            extension, content_type = "jpg", "image/jpeg"
    stem = os.path.splitext(os.path.basename(upload.name or "image"))[0] or "image"
    output.seek(0)
    return InMemoryUploadedFile(
        output,
        field_name=getattr(upload, "field_name", None),
        name=f"{stem}.{extension}",
        content_type=content_type,
        size=output.getbuffer().nbytes,
        charset=None,
    )


class ResizingImageFormField(forms.ImageField):
    """Validates like ImageField plus our limits, then hands back a resized copy."""

    default_validators = []

    def to_python(self, data):
        if data is None or data == "" or not hasattr(data, "size"):
            return super().to_python(data)
        validate_image_upload(data)
        checked = super().to_python(data)
        return resize_image(checked)


class ValidatedImageField(models.ImageField):
    def formfield(self, **kwargs):
        kwargs.setdefault("form_class", ResizingImageFormField)
        return super().formfield(**kwargs)


class DocumentField(models.FileField):
    def __init__(self, *args, **kwargs):
        validators = list(kwargs.pop("validators", []))
        if validate_document_upload not in validators:
            validators.append(validate_document_upload)
        kwargs["validators"] = validators
        kwargs.setdefault("max_length", 255)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        if kwargs.get("max_length") == 255:
            kwargs.pop("max_length")
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.ClearableFileInput(
                attrs={"accept": ",".join(f".{ext}" for ext in _document_extensions())}
            ),
        )
        return super().formfield(**kwargs)


def _document_extensions():
    return sorted(DOCUMENT_SIGNATURES)
