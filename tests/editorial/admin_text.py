"""Finds English interface text in an admin page rendered in Chinese."""

import re
from html.parser import HTMLParser

# Text a Chinese admin may show in Latin letters: names, codes, formats and the plan's own
# abbreviations (WGS84 coordinates).
ALLOWED = {
    "wagtail",
    "javascript",
    "xinxiang open cooperation portal",
    "english",
    "csv",
    "url",
    "seo",
    "id",
    "wgs",
    "geojson",
}
SKIPPED_TAGS = {"script", "style", "textarea", "template", "svg", "code", "pre"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
# Content, not interface: the read-only Chinese source beside a translator's field.
CONTENT_CLASS = "w-field__textoutput"
READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
WORDS = re.compile(r"[A-Za-z][A-Za-z'’]+(?:\s+[A-Za-z][A-Za-z'’]+)*")
# Addresses and slugs shown as such (a page's URL, a link) are data, not interface text.
NOT_PROSE = re.compile(r"\S+://\S+|\S+@\S+|(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w-])|/\S*")


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open_tags = []  # (tag, whether its text is skipped)
        self.texts = []

    @property
    def skipping(self):
        return any(skipped for _, skipped in self.open_tags)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self.skipping:
            self.texts.extend(v for k, v in attrs.items() if k in READ_ATTRIBUTES and v)
        if tag in VOID_TAGS:
            return
        skipped = (
            tag in SKIPPED_TAGS
            or "hidden" in attrs
            or CONTENT_CLASS in (attrs.get("class") or "").split()
        )
        self.open_tags.append((tag, skipped))

    def handle_endtag(self, tag):
        for index in range(len(self.open_tags) - 1, -1, -1):
            if self.open_tags[index][0] == tag:
                del self.open_tags[index:]
                return

    def handle_data(self, data):
        if not self.skipping:
            self.texts.append(data)


def english_phrases(html, content=()):
    """Latin-letter phrases in the page's visible text and labels, less allowed words and the
    given content (titles, user names) that is not interface text."""
    parser = VisibleText()
    parser.feed(html)
    found = set()
    for text in parser.texts:
        for known in content:
            text = text.replace(known, " ")
        text = NOT_PROSE.sub(" ", text)
        for phrase in WORDS.findall(text):
            if phrase.lower() not in ALLOWED:
                found.add(phrase)
    return found
