from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from core.models.fields import emptied_link, optional_datetime, optional_line, optional_link

# Reference numbers read XOC-<year received>-<serial>: "Xinxiang Open Cooperation", then the
# enquiry's serial number, which is never reused (README, "Investor enquiries").
REFERENCE_PREFIX = "XOC"


class Enquiry(models.Model):
    """A message from a prospective investor about one opportunity."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    # Enquiries are kept even if the opportunity's page is deleted.
    opportunity = emptied_link(
        "cooperation.OpportunityPage", _("opportunity"), related_name="enquiries"
    )
    reference = models.CharField(_("reference number"), max_length=20, blank=True, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    organisation = optional_line(_("organisation"), max_length=200)
    email = models.EmailField(_("email"))
    country = models.CharField(_("country or region"), max_length=100)
    message = models.TextField(_("message"), max_length=5000)
    consent = models.BooleanField(_("consent to be contacted"))
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    # A keyed hash: enough to spot floods from one address without storing the address.
    ip_hash = models.CharField(_("address fingerprint"), max_length=64, editable=False)
    routed_to = models.TextField(_("sent to"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assigned_to = optional_line(_("assigned to"), max_length=200)
    reply = models.TextField(_("reply sent to the investor"), blank=True)
    replied_at = optional_datetime(_("first replied"))
    anonymised_at = models.DateTimeField(_("personal data removed"), null=True, editable=False)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("reference", read_only=True),
                FieldPanel("opportunity", read_only=True),
                FieldPanel("name", read_only=True),
                FieldPanel("organisation", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("country", read_only=True),
                FieldPanel("language", read_only=True),
                FieldPanel("message", read_only=True),
                FieldPanel("routed_to", read_only=True),
            ],
            heading=_("Enquiry"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("assigned_to"),
                FieldPanel("reply"),
                FieldPanel("replied_at"),
            ],
            heading=_("Follow-up"),
        ),
    ]

    class Meta:
        ordering = ["-created_at"]  # the admin's inbox: the newest enquiry first
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")

    def __str__(self):
        return f"{self.reference} {self.name} – {self.opportunity}"

    def save(self, *args, **kwargs):
        # Recording a reply answers the enquiry; its first reply date feeds the public figure.
        if self.reply and self.replied_at is None:
            self.replied_at = timezone.now()
        if self.reply and self.status in (self.Status.NEW, self.Status.ASSIGNED):
            self.status = self.Status.ANSWERED
        if self.assigned_to and self.status == self.Status.NEW:
            self.status = self.Status.ASSIGNED
        super().save(*args, **kwargs)
        if not self.reference:
            self.reference = f"{REFERENCE_PREFIX}-{self.created_at.year}-{self.pk:04d}"
            type(self).objects.filter(pk=self.pk).update(reference=self.reference)


class EnquiryRoute(models.Model):
    """Who answers enquiries about one strategy area or one sector."""

    strategy_area = optional_link(
        "cooperation.StrategyAreaPage", _("strategy area"), on_delete=models.CASCADE
    )
    sector = optional_link("core.Sector", _("sector"), on_delete=models.CASCADE)
    recipients = models.TextField(
        _("e-mail addresses"), help_text=_("One or more addresses, separated by commas.")
    )

    panels = [FieldPanel("strategy_area"), FieldPanel("sector"), FieldPanel("recipients")]

    class Meta:
        verbose_name = _("enquiry routing")
        verbose_name_plural = _("enquiry routing")

    def __str__(self):
        return f"{self.strategy_area or self.sector} → {self.recipients}"

    def addresses(self):
        return [address.strip() for address in self.recipients.split(",") if address.strip()]

    def clean(self):
        if (self.strategy_area_id is None) == (self.sector_id is None):
            raise ValidationError(_("Choose either a strategy area or a sector."))
        for address in self.addresses():
            validate_email(address)
        if not self.addresses():
            raise ValidationError({"recipients": _("Enter at least one e-mail address.")})
