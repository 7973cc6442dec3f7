"""Share cards: a 1200×630 PNG per page and language (title, section, and for routes and
attractions the outline of their stops), cached by the newest live revision of what it shows.

Chinese needs a CJK font: Noto Sans CJK from Debian's fonts-noto-cjk
(scripts/system-packages.sh). Without it the card still renders, in Pillow's built-in font."""

import re
from functools import cache
from io import BytesIO
from pathlib import Path

from django.core.cache import cache as django_cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

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
CACHE_SECONDS = 30 * 24 * 3600
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
    image.save(output, "PNG", optimize=True)
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


def cache_key(page, language):
    return f"share-card:{page.pk}:{card_revision(page)}:{language}"


def share_card(page):
    """The card of `page` (specific) in the active language, rendered once per card revision."""
    key = cache_key(page, get_language())
    png = django_cache.get(key)
    if png is None:
        section = page_section(page)
        png = render_card(
            page.title,
            section.title if section else "",
            _("Xinxiang Open Cooperation Portal"),
            [position(attraction) for attraction in card_stops(page)],
        )
        django_cache.set(key, png, CACHE_SECONDS)
    return png
