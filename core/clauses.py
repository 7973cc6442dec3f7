"""Names and links for a clause of the plan (chapter, section 第N节, box 专栏N)."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail import hooks

CHINESE_NUMERALS = "零一二三四五六七八九十"
# Chapters published as running text on the "About the plan" page; 3–8 are strategy areas.
ABOUT_CHAPTERS = (1, 2, 9)


def chinese_numeral(number):
    if number <= 10:
        return CHINESE_NUMERALS[number]
    tens, units = divmod(number, 10)
    prefix = "" if tens == 1 else CHINESE_NUMERALS[tens]
    return prefix + "十" + (CHINESE_NUMERALS[units] if units else "")


def clause_label(chapter, section=None, box=None):
    if not chapter:
        return ""
    if get_language() == "zh-hans":
        label = f"第{chinese_numeral(chapter)}章"
        if section:
            label += f" 第{chinese_numeral(section)}节"
        if box:
            label += f" 专栏{box}"
        return label
    parts = [_("Chapter %(n)s") % {"n": chapter}]
    if section:
        parts.append(_("Section %(n)s") % {"n": section})
    if box:
        parts.append(_("Box %(n)s") % {"n": box})
    return ", ".join(parts)


def clause_anchor(chapter, section=None, box=None):
    if box:
        return f"box-{box}"
    if section:
        return f"chapter-{chapter}-section-{section}"
    return f"chapter-{chapter}"


def clause_url(chapter, section=None, box=None):
    """The page (and anchor) where the clause's text is published.

    Which page publishes which chapter is known by the app that builds the pages from the plan
    (plan's `clause_page` hook), so this module stays below every page type.
    """
    if not chapter:
        return ""
    for find_page in hooks.get_hooks("clause_page"):
        page, anchor = find_page(chapter, section, box)
        if page is not None:
            return page.url + (f"#{anchor}" if anchor else "")
    return ""
