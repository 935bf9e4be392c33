"""Checks on images members upload (avatars, images in posts): size-capped, really an image of an allowed format,
and not a decompression bomb. SVG and HTML are refused whatever they are named, because browsers run scripts in
them."""

from PIL import Image, UnidentifiedImageError

from django.conf import settings
from django.core.exceptions import ValidationError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


def validate_member_image(upload) -> str:
    """Raise ValidationError with a message for the member, or return the image's real format name."""
    limit = settings.MEMBER_IMAGE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(f"That image is {upload.size // 1024} KB; the limit is {limit // 1024} KB.")
    upload.seek(0)
    head = upload.read(512).lstrip().lower()
    upload.seek(0)
    if head.startswith((b"<", b"\xef\xbb\xbf<")) or b"<svg" in head or b"<html" in head or b"<script" in head:
        raise ValidationError("SVG and HTML files are not accepted: upload a JPEG, PNG, GIF or WebP image.")
    try:
        with Image.open(upload) as image:
            kind = image.format
            width, height = image.size
            if width * height > settings.MEMBER_IMAGE_MAX_PIXELS:
                raise ValidationError(
                    f"That image is {width} by {height} pixels, too large to process; keep it under "
                    f"{settings.MEMBER_IMAGE_MAX_PIXELS // 1_000_000} megapixels."
                )
            image.verify()
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError("That file is not an image we can read: upload a JPEG, PNG, GIF or WebP.") from error
    finally:
        upload.seek(0)
    if kind not in ALLOWED_FORMATS:
        raise ValidationError(f"{kind} images are not accepted: upload a JPEG, PNG, GIF or WebP image.")
    return kind
