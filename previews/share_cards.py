"""Share cards: a 1200×630 PNG per page and language (title, section, and for routes and
attractions the outline of their stops), stored in the default storage (media) by page, newest
live revision of what it shows, and language, so every process and app node serves the same
file after a restart. `load_plan` makes the missing ones; a request makes any still missing.

Chinese needs a CJK font: Noto Sans CJK from Debian's fonts-noto-cjk
(scripts/system-packages.sh). Without it the card still renders, in Pillow's built-in font."""

import re
from functools import cache
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont
from wagtail.models import Page

from core.public import public
from tourism.itinerary import position
from tourism.models import AttractionPage, RoutePage
from tourism.static_map import Frame

from .descriptions import page_section

SIZE = (1200, 630)
MARGIN = 72
MAP_BOX = (760, 150, 1140, 530)  # left, top, right, bottom of the stops' outline
INK, BRAND, PAPER, MUTED = "#1a1a1a", "#0d5c8c", "#ffffff", "#4a5a66"
NOTO_CJK = Path("/usr/share/fonts/opentype/noto")
NOTO_SC_INDEX = 2  # faces in the .ttc: JP, KR, SC, TC, HK…
STORAGE_DIR = "share-cards"
# Part of every card's name: raise it when the drawing changes, and every card is drawn again
# (by the next load_plan, or on request) and the old files go as the new ones are stored.
DESIGN = 1
# zlib's default level: load_plan's 324 cards took 15.2–15.8 s with `optimize` (level 9 and a
# filter search), 5.7 s at this level, for files about 3 % larger.
PNG_COMPRESS_LEVEL = 6
# A line may break after any CJK character, or at a space between words.
TOKENS = re.compile(
    r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+|\s+"
)


@cache
def font(size, bold=False):
    path = NOTO_CJK / ("NotoSansCJK-Bold.ttc" if bold else "NotoSansCJK-Regular.ttc")
    try:
        return ImageFont.truetype(str(path), size, index=NOTO_SC_INDEX)
    except OSError:
        return ImageFont.load_default(size)


def wrap(draw, text, typeface, width, max_lines):
    """`text` in lines no wider than `width`; an ellipsis ends it when more would be needed."""
    lines, line = [], ""
    for token in TOKENS.findall(text):
        candidate = line + token
        if line and draw.textlength(candidate.rstrip(), font=typeface) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and draw.textlength(last + "…", font=typeface) > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last.rstrip() + "…"]
    return lines


def draw_stops(draw, points):
    left, top, right, bottom = MAP_BOX
    draw.rounded_rectangle(MAP_BOX, radius=16, fill="#eef3f6")
    frame = Frame.fit(points, right - left, bottom - top, padding=36)
    xys = [(left + x, top + y) for x, y in map(frame.xy, points)]
    if len(xys) > 1:
        draw.line(xys, fill=BRAND, width=6, joint="curve")
    # Last stop first, so that where stops crowd together the earlier numbers stay on top.
    for number, (x, y) in reversed(list(enumerate(xys, start=1))):
        draw.ellipse((x - 16, y - 16, x + 16, y + 16), fill=BRAND, outline=PAPER, width=3)
        if len(xys) > 1:
            draw.text((x, y), str(number), fill=PAPER, font=font(18, bold=True), anchor="mm")


def render_card(title, section, site_name, points=()):
    """PNG bytes of a card; `points` [(lat, lon)] are drawn as a numbered outline at the right."""
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, SIZE[0], 16), fill=BRAND)
    text_width = (MAP_BOX[0] - 2 * MARGIN + 24) if points else SIZE[0] - 2 * MARGIN
    y = 110
    if section:
        for line in wrap(draw, section, font(34, bold=True), text_width, 1):
            draw.text((MARGIN, y), line, fill=BRAND, font=font(34, bold=True))
            y += 64
    title_font = font(60, bold=True)
    for line in wrap(draw, title, title_font, text_width, 4):
        draw.text((MARGIN, y), line, fill=INK, font=title_font)
        y += 82
    draw.line((MARGIN, SIZE[1] - 110, SIZE[0] - MARGIN, SIZE[1] - 110), fill="#d0d7dd", width=2)
    draw.text((MARGIN, SIZE[1] - 88), site_name, fill=MUTED, font=font(32))
    if points:
        draw_stops(draw, list(points))
    output = BytesIO()
    image.save(output, "PNG", compress_level=PNG_COMPRESS_LEVEL)
    return output.getvalue()


def card_stops(page):
    """The attractions whose outline the card draws."""
    if isinstance(page, RoutePage):
        return page.itinerary.attractions
    if isinstance(page, AttractionPage):
        return [page]
    return []


def card_revision(page):
    """The newest live revision of what the card shows (the page, its section, its stops).
    Revision ids only grow, so this changes whenever the card would, and names it in its URL."""
    shown = [page, page_section(page), *card_stops(page)]
    return max(shown_page.live_revision_id or 0 for shown_page in shown if shown_page)


def card_name(page_id, revision, language):
    """The card's file in the default storage: one folder per page, so replacing a card lists
    only that page's files."""
    return f"{STORAGE_DIR}/{page_id}/{revision}-d{DESIGN}-{language}.png"


def delete_cards(page_ids):
    """Delete every stored card of these pages."""
    for page_id in page_ids:
        folder = f"{STORAGE_DIR}/{page_id}"
        try:
            filenames = default_storage.listdir(folder)[1]
        except FileNotFoundError:  # the file system's answer for a page that has no card
            continue
        for filename in filenames:
            default_storage.delete(f"{folder}/{filename}")


def render_page_card(page):
    """PNG bytes of the card of `page` (specific) in the active language."""
    section = page_section(page)
    return render_card(
        page.title,
        section.title if section else "",
        _("Xinxiang Open Cooperation Portal"),
        [position(attraction) for attraction in card_stops(page)],
    )


def store(name, language, png):
    """Save the card as `name` and delete the page's other cards in `language`: only the current
    revision's is ever asked for. When another process stored the same card first, the storage
    saved ours under another name: that copy is deleted instead."""
    saved = default_storage.save(name, ContentFile(png))
    if saved != name:
        default_storage.delete(saved)
        return
    folder, current = name.rsplit("/", 1)
    for filename in default_storage.listdir(folder)[1]:
        if filename != current and filename.endswith(f"-{language}.png"):
            default_storage.delete(f"{folder}/{filename}")


def share_card(page):
    """PNG bytes of the card of `page` (specific) in the active language: the stored file, made
    and stored first when there is none."""
    language = translation.get_language()
    name = card_name(page.pk, card_revision(page), language)
    if default_storage.exists(name):
        with default_storage.open(name) as stored:
            return stored.read()
    png = render_page_card(page)
    store(name, language, png)
    return png


def make_missing_cards():
    """Store the card of every public page in every language that has none yet; the number
    made."""
    made = 0
    # Depth 1 is the tree's root, which no visitor sees.
    for page in public(Page.objects.filter(depth__gt=1)).specific():
        revision = card_revision(page)
        for language, _label in settings.LANGUAGES:
            name = card_name(page.pk, revision, language)
            if not default_storage.exists(name):
                with translation.override(language):
                    store(name, language, render_page_card(page))
                made += 1
    return made
