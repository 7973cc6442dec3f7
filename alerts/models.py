from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models.fields import optional_datetime, optional_line


class AlertSubscription(models.Model):
    """A visitor's request to be e-mailed about new or changed opportunities of one filter.

    No account: the address is confirmed by a signed link (double opt-in) and every e-mail
    carries a signed unsubscribe link.
    """

    email = models.EmailField(_("email"))
    query = optional_line(_("filter"), max_length=2000)  # the listing's cleaned URL
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    confirmed_at = optional_datetime(_("confirmed"))
    last_sent_at = optional_datetime(_("last digest"))

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "query", "language"], name="one_alert_per_filter"
            )
        ]

    def __str__(self):
        return f"{self.email} ({self.query or '*'})"
