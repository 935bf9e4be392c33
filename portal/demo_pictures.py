"""Pictures for the demo content (dev and tests only), drawn with Pillow so the demo holds images without shipping
any: a gradient with a geometric motif for the kind of page and the title's initials, or initials on a colour for
a person. Everything is derived from the title or name (a SHA-256 of it, never `random`), so it always gives the
same picture, and each is stored once as a Wagtail image in the "Demo pictures" collection, found again by its
title; its description, the alt text, says what it shows. Drawn pictures are kept in var/demo-pictures/, keyed by
what they are drawn from and by this module's code and Pillow's version, so a demo load (each test that loads the
demo, each `make serve`) draws each one only once per machine."""

import functools
import hashlib
import io
import math
import os
import tempfile
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Collection

COLLECTION_NAME = "Demo pictures"
PAGE_SIZE = (1200, 675)  # 16:9; the centre survives the 3:1 crop of page headers
AVATAR_SIZE = (256, 256)
# (name used in the alt text, darker, lighter): white text on either passes WCAG AA for large text.
PALETTE = [
    ("deep blue", "#163f82", "#2a6fd1"),
    ("teal", "#0b5446", "#12906c"),
    ("plum", "#43296f", "#7d52b8"),
    ("rust", "#7a3210", "#c4591d"),
    ("slate", "#263042", "#56657c"),
    ("ocean", "#0c4457", "#16879a"),
    ("berry", "#6d1a42", "#b23c73"),
    ("forest", "#1b4526", "#33854a"),
]
MOTIFS = {
    "community": "overlapping circles",
    "learning path": "a winding path of dots",
    "module": "a grid of tiles",
    "reference article": "lines like a page of text",
}
SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "from", "how", "in", "is", "of", "on", "the", "to", "what", "with"}


def initials(title: str) -> str:
    """Up to two capital letters from the title's first words that carry meaning ("What is knowledge
    management?" gives "KM")."""
    words = ["".join(ch for ch in word if ch.isalnum()) for word in title.split()]
    words = [word for word in words if word]
    meaningful = [word for word in words if word.lower() not in SMALL_WORDS] or words
    return "".join(word[0] for word in meaningful[:2]).upper() or "?"


class Sketch:
    """The numbers behind one picture, read one after another from a SHA-256 of its title."""

    def __init__(self, title: str):
        self.digest = hashlib.sha256(title.encode()).digest()
        self.position = 0

    def byte(self) -> int:
        value = self.digest[self.position % len(self.digest)]
        self.position += 1
        return value

    def fraction(self) -> float:
        return self.byte() / 255

    def colours(self):
        return PALETTE[self.byte() % len(PALETTE)]


@functools.cache
def _diagonal(size) -> Image.Image:
    """A mask from black at the top left to white at the bottom right."""
    mask = Image.linear_gradient("L").rotate(45, resample=Image.Resampling.BICUBIC, expand=True)
    side = mask.width
    return mask.crop((side // 4, side // 4, side - side // 4, side - side // 4)).resize(size)


def _gradient(size, dark: str, light: str) -> Image.Image:
    return Image.composite(Image.new("RGB", size, light), Image.new("RGB", size, dark), _diagonal(size)).convert("RGBA")


def _motif(draw: ImageDraw.ImageDraw, kind: str, size, sketch: Sketch):
    width, height = size
    white = lambda alpha: (255, 255, 255, alpha)  # noqa: E731
    if kind == "community":
        for _ in range(5):
            x, y = sketch.fraction() * width, sketch.fraction() * height
            radius = height * (0.18 + 0.3 * sketch.fraction())
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=white(34), outline=white(90), width=4)
    elif kind == "learning path":
        phase, amplitude = sketch.fraction() * math.tau, height * (0.18 + 0.12 * sketch.fraction())
        points = [(x, height / 2 + amplitude * math.sin(phase + x / width * math.tau)) for x in range(0, width, 30)]
        for number, (x, y) in enumerate(points):
            radius = 16 if number % 8 == 4 else 6
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=white(150 if radius > 6 else 90))
    elif kind == "module":
        tile, gap = 90, 18
        for row in range(height // (tile + gap) + 1):
            for column in range(width // (tile + gap) + 1):
                x, y = column * (tile + gap) + gap, row * (tile + gap) + gap
                draw.rounded_rectangle((x, y, x + tile, y + tile), radius=14, fill=white(18 + sketch.byte() % 4 * 18))
    elif kind == "reference article":
        margin = width * 0.08
        for line in range(int(height // 44)):
            y = 30 + line * 44
            length = (0.45 + 0.5 * sketch.fraction()) * (width - 2 * margin)
            draw.rounded_rectangle((margin, y, margin + length, y + 14), radius=7, fill=white(40))


def _letters(image: Image.Image, overlay: Image.Image, text: str, share: float, disc: bool):
    """The initials, white and centred, `share` of the picture's height tall; on a page picture, over a soft dark
    disc that keeps them readable on any motif."""
    width, height = image.size
    centre = (width / 2, height / 2)
    if disc:
        radius = height * share * 0.95
        ImageDraw.Draw(overlay).ellipse(
            (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius), fill=(0, 0, 0, 70)
        )
    image.alpha_composite(overlay)
    ImageDraw.Draw(image).text(
        centre,
        text,
        font=ImageFont.load_default(size=int(height * share)),
        anchor="mm",
        fill="white",
        stroke_width=max(2, int(height * 0.006)),
    )


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def draw_page_picture(title: str, kind: str) -> bytes:
    """A JPEG for a page: the kind's motif (none for a kind MOTIFS does not know) on a gradient, with the title's
    initials in the middle."""
    sketch = Sketch(f"{kind}:{title}")
    _name, dark, light = sketch.colours()
    image, overlay = _gradient(PAGE_SIZE, dark, light), Image.new("RGBA", PAGE_SIZE)
    _motif(ImageDraw.Draw(overlay), kind, PAGE_SIZE, sketch)
    _letters(image, overlay, initials(title), 0.22, disc=True)
    return _jpeg(image)


def draw_avatar(name: str) -> bytes:
    """A JPEG for a person: their initials on a colour of their own."""
    _colour, dark, light = Sketch(f"person:{name}").colours()
    image = _gradient(AVATAR_SIZE, dark, light)
    _letters(image, Image.new("RGBA", AVATAR_SIZE), initials(name), 0.4, disc=False)
    return _jpeg(image)


@functools.cache
def _drawing_version() -> str:
    """What a drawing depends on besides its arguments: this module's code and Pillow's version."""
    return hashlib.sha256(Path(__file__).read_bytes() + PIL.__version__.encode()).hexdigest()


def cached_drawing(draw, *args) -> bytes:
    """`draw(*args)`, read from the drawing cache when drawn before (the output is deterministic, so the cached
    bytes are the ones it would draw), else drawn and cached. An unwritable cache only costs the drawing."""
    key = hashlib.sha256(repr((_drawing_version(), draw.__name__, args)).encode()).hexdigest()
    folder = Path(settings.VAR_DIR) / "demo-pictures"
    path = folder / f"{key}.jpg"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = draw(*args)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a process reading it concurrently sees the whole file or none.
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        pass
    return data


def demo_collection() -> Collection:
    collection = Collection.objects.filter(name=COLLECTION_NAME, depth=2).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
    return collection


@transaction.atomic
def _stored(title: str, description: str, filename: str, draw):
    """The Wagtail image with this title in the demo collection, drawn and stored the first time only."""
    collection = demo_collection()
    image = get_image_model().objects.filter(collection=collection, title=title).first()
    if image is None:
        image = get_image_model().objects.create(
            title=title, description=description, collection=collection, file=ContentFile(draw(), name=filename)
        )
    return image


def page_picture(title: str, kind: str):
    """The demo picture of a page of this kind (its model's verbose name) and title; its description is the alt
    text."""
    colour = Sketch(f"{kind}:{title}").colours()[0]
    return _stored(
        f"{kind.capitalize()}: {title}"[:255],
        f"{title}: the letters {initials(title)} on {MOTIFS.get(kind, 'a plain gradient')}, in {colour}"[:255],
        f"{slugify(kind)}-{slugify(title)[:60]}.jpg",
        lambda: cached_drawing(draw_page_picture, title, kind),
    )


def avatar_picture(name: str, username: str):
    """The demo avatar of a person: one for each account, though two people may share a name."""
    colour = Sketch(f"person:{name}").colours()[0]
    return _stored(
        f"Avatar: {name} ({username})"[:255],
        f"{name}: the initials {initials(name)} on {colour}"[:255],
        f"avatar-{slugify(username)[:60]}.jpg",
        lambda: cached_drawing(draw_avatar, name),
    )
