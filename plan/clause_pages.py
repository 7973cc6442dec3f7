"""Where each clause of the plan is published: chapters 1, 2 and 9 on the "About the plan" page,
a section on its programme page, everything else (boxes, whole chapters) on the strategy area."""

from cooperation.models import ProgrammePage, StrategyAreaPage
from core.clauses import ABOUT_CHAPTERS, clause_anchor
from core.public import public
from home.models import AboutPlanPage


def clause_page(chapter, section=None, box=None):
    """(public page, anchor on it) for a clause; the page is None when it is not public."""
    anchor = clause_anchor(chapter, section, box)
    if chapter in ABOUT_CHAPTERS:
        return public(AboutPlanPage.objects).first(), anchor
    if section and not box:
        return public(ProgrammePage.objects).filter(chapter=chapter, section=section).first(), ""
    return public(StrategyAreaPage.objects).filter(chapter=chapter).first(), anchor
