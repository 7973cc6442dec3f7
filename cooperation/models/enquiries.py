from django.db import models
from django.utils.translation import gettext_lazy as _


class Enquiry(models.Model):
    """A message from a prospective investor about one opportunity."""

    opportunity = models.ForeignKey(
        "cooperation.OpportunityPage",
        verbose_name=_("opportunity"),
        # Enquiries are kept even if the opportunity's page is deleted.
        null=True,
        on_delete=models.SET_NULL,
        related_name="enquiries",
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    country = models.CharField(_("country or region"), max_length=100)
    message = models.TextField(_("message"), max_length=5000)
    consent = models.BooleanField(_("consent to be contacted"))
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    # A keyed hash: enough to spot floods from one address without storing the address.
    ip_hash = models.CharField(_("address fingerprint"), max_length=64, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")

    def __str__(self):
        return f"{self.name} – {self.opportunity}"
