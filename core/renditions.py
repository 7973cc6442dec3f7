"""Every size and format a page shows of an image, from one decoding of the original.

Wagtail's `Image.get_renditions(*specs)` reads the file once, but `create_renditions` then has
each filter decode it again, three at a time: a hero's twelve renditions decoded a
6000 × 6000 JPEG twelve times, with up to three full-resolution copies (about 144 MB each) in
memory at once. Here the original is decoded once, at the smallest scale the largest rendition
allows (JPEGs already reduced while decoding), into a working copy that Wagtail's own filters
then cut every rendition from, so crops, focal points, formats and file names stay Wagtail's.
They are made when a page with the image is published, not at its first visitor's view."""

import copy
import logging
import math
from functools import partial
from io import BytesIO

from django.core.files import File
from django.db.models import Prefetch
from django.dispatch import receiver
from PIL import Image as PILImage
from PIL import ImageOps
from PIL.ExifTags import Base
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.rect import Rect
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.signals import page_published

from core.models.images import PageImages
from core.public import public

logger = logging.getLogger(__name__)

# What core/includes/hero.html, gallery.html and card_image.html show (their <picture> through
# page_picture). A card's thumbnail is the hero's crop: its two larger sizes are the hero's own.
PAGE_IMAGE_SPECS = {
    "hero": Filter.expand_spec("format-{avif,webp,jpeg} fill-{640x360,960x540,1280x720,1920x1080}"),
    "gallery": Filter.expand_spec("format-{avif,webp,jpeg} fill-{400x300,800x600,1200x900}"),
    "card": Filter.expand_spec("format-{avif,webp,jpeg} fill-{320x180,640x360,960x540}"),
}
# Pillow modes that PNG, the working copy's format, keeps as they are.
KEPT_MODES = {"RGB", "RGBA", "L", "LA"}


def page_renditions(image, *kinds):
    """The renditions of some of PAGE_IMAGE_SPECS: Wagtail's get_renditions, with its lookups
    and caching, but what is missing made here (create_renditions is the method Wagtail lets a
    custom image model replace)."""
    if not image.is_svg():
        image.create_renditions = partial(create_renditions, image)
    specs = dict.fromkeys(spec for kind in kinds for spec in PAGE_IMAGE_SPECS[kind])
    return get_renditions_or_not_found(image, specs)


def card_images():
    """The prefetch that loads a listing's hero images with their card renditions in two
    queries, whatever the number of cards (`prefetch_related(card_images())`)."""
    images = get_image_model().objects.prefetch_renditions(*PAGE_IMAGE_SPECS["card"])
    return Prefetch("hero_image", queryset=images)


def child_cards(page, model, order):
    """`page`'s public children of type `model`, in `order`, with their cards' images."""
    return public(model.objects.child_of(page)).prefetch_related(card_images()).order_by(order)


def scale_needed(image, filters, size):
    """The smallest scale of the original (oriented) that leaves every rendition at least as
    many pixels as it would get from the original itself."""
    scale = 0
    for f in filters:
        transform = f.get_transform(image, size)
        rect = transform.get_rect()
        width, height = transform.size
        scale = max(scale, width / rect.width, height / rect.height)
    return min(scale, 1)


def working_copy(image, filters):
    """The original decoded once, oriented and reduced: PNG bytes and the scale it has."""
    with image.open_file() as file, PILImage.open(file) as original:
        turned = original.getexif().get(Base.Orientation, 1) in (5, 6, 7, 8)  # by 90°
        width, height = original.size
        oriented = (height, width) if turned else (width, height)
        scale = scale_needed(image, filters, oriented)
        # Two pixels to spare, so that rounding never leaves a rendition a pixel short.
        target = tuple(min(side, math.ceil(side * scale) + 2) for side in oriented)
        # JPEG: libjpeg decodes at 1/2, 1/4 or 1/8 of the size straight away.
        original.draft(original.mode, tuple(reversed(target)) if turned else target)
        picture = ImageOps.exif_transpose(original)
        if picture.mode not in KEPT_MODES:
            transparent = "transparency" in picture.info or picture.mode.endswith("A")
            picture = picture.convert("RGBA" if transparent else "RGB")
        if picture.size != target:
            picture = picture.resize(target, PILImage.Resampling.LANCZOS)
        buffer = BytesIO()
        picture.save(buffer, "PNG", compress_level=1, icc_profile=original.info.get("icc_profile"))
    return buffer.getvalue(), target[0] / oriented[0], target[1] / oriented[1]


def scaled(image, scale_x, scale_y):
    """The image as Wagtail's filters see it when they work on the reduced copy: the focal
    point moves with the pixels; everything else, cache keys and file names included, stays."""
    focal_point = image.get_focal_point()
    view = copy.copy(image)
    if focal_point is not None:
        moved = Rect(
            focal_point.left * scale_x,
            focal_point.top * scale_y,
            focal_point.right * scale_x,
            focal_point.bottom * scale_y,
        )
        view.get_focal_point = lambda: moved
    return view


def create_renditions(image, *filters):
    if not filters:  # get_renditions asks even when it found them all
        return {}
    source, scale_x, scale_y = working_copy(image, filters)
    view = scaled(image, scale_x, scale_y)
    Rendition = image.get_rendition_model()
    made = {}
    for f in filters:
        file = view.generate_rendition_file(f, source=File(BytesIO(source), name=image.file.name))
        made[f] = Rendition(
            image=image, filter_spec=f.spec, focal_point_key=f.get_cache_key(image), file=file
        )
    # As Wagtail does: one made meanwhile by another process stays, and is equivalent.
    Rendition.objects.bulk_create(made.values(), ignore_conflicts=True)
    return made


@receiver(page_published)
def make_page_renditions(sender, instance, **kwargs):
    """Before the first visitor: the sizes the published page shows of its pictures. A broken
    upload must not stop the publish; the page's view meets it as before."""
    if not isinstance(instance, PageImages):
        return
    # The hero's sizes and its thumbnail on the cards that list the page, from one decoding.
    pictures = [(instance.hero_image, ("hero", "card"))]
    pictures += [(item.value["image"], ("gallery",)) for item in instance.gallery]
    for image, kinds in pictures:
        if image is not None:
            try:
                page_renditions(image, *kinds)
            except Exception:  # noqa: BLE001 - whatever the decoder raised
                logger.exception("Renditions of image %s failed", image.pk)
