"""Avatar images: checked for type and size, re-encoded so no metadata (EXIF, GPS) survives."""

import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from ligesind.core.errors import DomainError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_SIDE = 512


def clean_avatar(upload: UploadedFile) -> ContentFile[bytes]:
    """Return a fresh PNG holding only the pixels of ``upload``, at most 512 px a side."""
    if upload.size is None or upload.size > settings.AVATAR_MAX_BYTES:
        raise DomainError(_("The picture is too large. The limit is 2 MB."))
    try:
        with Image.open(upload) as image:
            if image.format not in ALLOWED_FORMATS:
                raise DomainError(_("Please upload a JPEG, PNG, WebP or GIF picture."))
            if image.width * image.height > 40_000_000:
                raise DomainError(_("The picture has too many pixels."))
            image.load()
            pixels = image.convert("RGBA" if image.mode in {"RGBA", "LA", "P"} else "RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise DomainError(_("That file is not a picture we can read.")) from error
    pixels.thumbnail((MAX_SIDE, MAX_SIDE))
    clean = Image.new(pixels.mode, pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    clean.save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue(), name="avatar.png")
