from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models.fields import optional_link


class PendingIndexUpdate(models.Model):
    """Outbox: a page whose index entries must be brought up to date.

    Written in the same transaction as the change to the page, so a change is never lost, and
    deleted once delivered. Delivery reads the page as it is then (live → index, otherwise →
    remove), so several rows for one page collapse into one idempotent update.
    """

    page_id = models.PositiveIntegerField(db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"page {self.page_id}"


class SearchTerm(models.Model):
    """A termbase entry: one concept with its names, synonyms and abbreviations in Chinese and
    English. A query naming any of them also searches for all the others (search/termbase.py);
    edits take effect on the next search, without re-indexing."""

    zh = models.CharField(_("Chinese term"), max_length=100)
    en = models.CharField(_("English term"), max_length=200)
    zh_synonyms = models.TextField(
        _("Chinese synonyms and abbreviations"), blank=True, help_text=_("One per line.")
    )
    en_synonyms = models.TextField(
        _("English synonyms and abbreviations"), blank=True, help_text=_("One per line.")
    )

    class Meta:
        ordering = ["zh"]
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self):
        return f"{self.zh} / {self.en}"

    def forms(self):
        """Every name of the term, in both languages."""
        synonyms = f"{self.zh_synonyms}\n{self.en_synonyms}".splitlines()
        return [form.strip() for form in [self.zh, self.en, *synonyms] if form.strip()]


class SearchRecord(models.Model):
    """One search made by a visitor: what, in which language, how many results, which result
    was opened. Nothing about the visitor (no address, account, session or time of day)."""

    language = models.CharField(_("language"), max_length=8)
    query = models.CharField(_("query"), max_length=200, db_index=True)
    results = models.PositiveIntegerField(_("results"))
    clicked_page = optional_link("wagtailcore.Page", related_name="+")
    date = models.DateField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("search record")
        verbose_name_plural = _("search records")

    def __str__(self):
        return self.query
