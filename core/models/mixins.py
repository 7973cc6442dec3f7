"""Fields every piece of plan content shares: where it was loaded from, and which clause of the
plan it comes from."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from core.clauses import clause_label, clause_url

from .fields import optional_number


class PlanSourced(models.Model):
    """Marks an object created by `load_plan`, so a reload finds it instead of duplicating it."""

    plan_key = models.CharField(max_length=120, blank=True, db_index=True, editable=False)
    # Hash of the data record the object was last loaded from: equal means nothing to update.
    plan_fingerprint = models.CharField(max_length=40, blank=True, editable=False)

    class Meta:
        abstract = True


class PlanClauseMixin(models.Model):
    clause_chapter = optional_number(
        _("plan chapter"),
        help_text=_(
            "The chapter of the plan (第N章, 1–9) that names this item, e.g. 3 for chapter 3, "
            "on the Yellow River strategy. With the section or box below it links the page to "
            "where the plan says it."
        ),
    )
    clause_section = optional_number(
        _("plan section"),
        help_text=_(
            "The section (第N节) of that chapter whose text names the item, e.g. 1 for chapter "
            "3, section 1. Leave it empty when the item is listed in a box."
        ),
    )
    clause_box = optional_number(
        _("plan box"),
        help_text=_(
            "The plan box (规划专栏, 专栏N): the numbered lists of key projects printed in a "
            "chapter, e.g. 1 for box 1 of chapter 3, “Major projects and initiatives for the "
            "leading zone…”, which lists Wangjiatan Wetland Park. Leave it empty when the item "
            "is named in a section's text."
        ),
    )
    clause_quote = models.TextField(
        _("what the plan says"),
        blank=True,
        help_text=_(
            "The plan's own sentence about this item, copied unchanged from the plan "
            "(新政〔2022〕33号); the English is a faithful translation of it, e.g. "
            "“河南省人民医院北院区落户平原新区。”"
        ),
    )

    class Meta:
        abstract = True

    @property
    def clause_label(self):
        return clause_label(self.clause_chapter, self.clause_section, self.clause_box)

    @property
    def clause_url(self):
        return clause_url(self.clause_chapter, self.clause_section, self.clause_box)


# The editing panel for PlanClauseMixin's fields, used by every page type that has them.
CLAUSE_PANEL = MultiFieldPanel(
    [
        FieldPanel("clause_chapter"),
        FieldPanel("clause_section"),
        FieldPanel("clause_box"),
        FieldPanel("clause_quote"),
    ],
    heading=_("Plan clause"),
)
