"""Names and links for a clause of the plan (chapter, section 第N节, box 专栏N)."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

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
    """The page (and anchor) where the clause's text is published."""
    from cooperation.models import ProgrammePage, StrategyAreaPage
    from home.models import AboutPlanPage

    if not chapter:
        return ""
    anchor = clause_anchor(chapter, section, box)
    if chapter in ABOUT_CHAPTERS:
        page = AboutPlanPage.objects.live().first()
    elif section and not box:
        page = ProgrammePage.objects.live().filter(chapter=chapter, section=section).first()
        anchor = ""
    else:
        page = StrategyAreaPage.objects.live().filter(chapter=chapter).first()
    if page is None:
        return ""
    return page.url + (f"#{anchor}" if anchor else "")
