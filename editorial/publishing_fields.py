"""The "Review and public history" panel on every page's edit form: the next review date and an
optional bilingual "what changed" note, and the review reminders sent about its due date.

Neither is a field of the page: the form keeps what was entered on the page it saves, and the
revision saved from it is noted with it (RevisionNote); publishing applies it
(page_review.record_publication). The Chinese note and the date need the source-text permission,
like the Chinese text: a translator writes only the English note.
"""

from django import forms
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Page, Revision, get_page_models

from core.i18n import localized_fields
from editorial.models import PageReview, RevisionNote
from editorial.page_review import reminders_sent
from editorial.translator_access import SOURCE_TEXT_PERMISSION

NOTE_FIELDS = tuple(localized_fields("note").values())
NOTE_HELP = _(
    "Optional. Published with this change, with its date, as the page's public history, e.g. "
    "“Investment amount updated from the 2024 project list.”"
)


def publishing_form_fields():
    return {
        "next_review_on": forms.DateField(
            label=_("Next review"),
            required=False,
            widget=AdminDateInput,
            help_text=_(
                "By when someone checks this page is still right. Changing it and publishing "
                "records a review. Empty: set on publishing, 6 months ahead for opportunities, "
                "12 for other pages."
            ),
        ),
        "note_zh_hans": forms.CharField(
            label=_("What changed (Chinese)"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=NOTE_HELP,
        ),
        "note_en": forms.CharField(
            label=_("What changed (English)"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=NOTE_HELP,
        ),
    }


def planned_review(page_id):
    """The review date a page will have: the latest one waiting to be published, else its own."""
    waiting = (
        RevisionNote.objects.filter(page_id=page_id, published_at=None)
        .exclude(next_review_on=None)
        .order_by("-revision_id")
        .values_list("next_review_on", flat=True)
        .first()
    )
    if waiting:
        return waiting
    review = PageReview.objects.filter(page_id=page_id).first()
    return review and review.next_review_on


class PublishingFieldsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "next_review_on" in self.fields and self.instance.pk:
            self.initial["next_review_on"] = planned_review(self.instance.pk)

    def clean_next_review_on(self):
        chosen = self.cleaned_data["next_review_on"]
        if chosen and "next_review_on" in self.changed_data and chosen <= timezone.localdate():
            raise forms.ValidationError(_("Choose a date after today."))
        return chosen

    def save(self, commit=True):
        page = super().save(commit=commit)
        entered = {name: self.cleaned_data.get(name, "").strip() for name in NOTE_FIELDS}
        if "next_review_on" in self.changed_data and self.cleaned_data["next_review_on"]:
            entered["next_review_on"] = self.cleaned_data["next_review_on"]
        if any(entered.values()):
            page.revision_note = entered
        return page


def note_revision(sender, instance, **kwargs):
    """A revision saved from an edit form that had something entered in the panel."""
    field = Revision._meta.get_field("content_object")
    page = field.get_cached_value(instance, default=None)
    entered = getattr(page, "revision_note", None)
    if entered:
        del page.revision_note  # once, for the revision saved from that form
        RevisionNote.objects.create(page_id=page.pk, revision=instance, **entered)


class RemindersSentPanel(Panel):
    """Says "Reminder sent on …": who was mailed about the current due date, and when."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/admin/reminders_sent_panel.html"

        @cached_property
        def reminders(self):
            return list(reminders_sent(self.instance.pk)) if self.instance.pk else []

        def is_shown(self):
            return bool(self.reminders)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["reminders"] = self.reminders
            return context


def review_panel():
    return MultiFieldPanel(
        [
            FieldPanel("next_review_on", permission=SOURCE_TEXT_PERMISSION),
            RemindersSentPanel(heading=_("Review reminders")),
            FieldPanel("note_zh_hans", permission=SOURCE_TEXT_PERMISSION),
            FieldPanel("note_en"),
        ],
        heading=_("Review and public history"),
    )


def add_publishing_fields():
    """After the translators' guard (translator_access), which must not pair these notes."""
    for model in get_page_models():
        if model is Page:  # wagtail.admin, ready later, resets its form; nobody edits it here
            continue
        base = model.base_form_class
        if not issubclass(base, PublishingFieldsMixin):
            name = f"Publishing{base.__name__}"
            model.base_form_class = type(
                name, (PublishingFieldsMixin, base), publishing_form_fields()
            )
        if "content_panels" in vars(model):  # else inherited, with the panel already added
            model.content_panels = [*model.content_panels, review_panel()]
        model.get_edit_handler.cache_clear()
    post_save.connect(note_revision, sender=Revision, dispatch_uid="editorial.note_revision")
