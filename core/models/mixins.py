"""Fields every piece of plan content shares: where it was loaded from, and which clause of the
plan it comes from."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from core.clauses import clause_label, clause_url


class PlanSourced(models.Model):
    """Marks an object created by `load_plan`, so a reload finds it instead of duplicating it."""

    plan_key = models.CharField(max_length=120, blank=True, db_index=True, editable=False)
    # Hash of the data record the object was last loaded from: equal means nothing to update.
    plan_fingerprint = models.CharField(max_length=40, blank=True, editable=False)

    class Meta:
        abstract = True


class PlanClauseMixin(models.Model):
    clause_chapter = models.PositiveSmallIntegerField(_("plan chapter"), null=True, blank=True)
    clause_section = models.PositiveSmallIntegerField(_("plan section"), null=True, blank=True)
    clause_box = models.PositiveSmallIntegerField(_("plan box"), null=True, blank=True)
    clause_quote = models.TextField(_("what the plan says"), blank=True)

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
