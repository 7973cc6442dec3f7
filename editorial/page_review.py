"""Periodic review: every published page has a date by which someone checks it is still right.

A page published without one gets a date from its section (REVIEW_MONTHS); an editor sets
another in the page's "Review and public history" panel, and publishing that date records the
review. Overdue pages are listed under Reports and mailed to their owners
(`manage.py send_review_reminders`, run weekly): once for each due date, and again every
REMIND_AGAIN_AFTER while the page stays overdue; each e-mail is recorded (ReviewReminder) and the
page's panel says when it went. `wagtail-periodic-review` (0.5.0, for Wagtail 6 and 7) was
not used: it adds fields to every page type, sends no mail and shows nothing on the public page.
"""

import datetime
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page
from wagtail.users.models import UserProfile

from editorial.models import PageReview, ReviewReminder, RevisionNote
from portal.spreadsheets import SafeCsvExportMixin

# Months between reviews, by page type ("app.model") or by app; opportunities change fastest.
REVIEW_MONTHS = {
    "cooperation.opportunitypage": 6,
    "cooperation.opportunityindexpage": 6,
    "tourism": 12,
}
DEFAULT_REVIEW_MONTHS = 12
# Who is reminded of the overdue pages nobody owns (the plan's pages are loaded, not written).
OWNERLESS_GROUP = "Moderators"
# A page still overdue this long after its last reminder is mailed about again.
REMIND_AGAIN_AFTER = datetime.timedelta(weeks=4)


def review_months(content_type):
    by_type = REVIEW_MONTHS.get(f"{content_type.app_label}.{content_type.model}")
    return by_type or REVIEW_MONTHS.get(content_type.app_label, DEFAULT_REVIEW_MONTHS)


def record_publication(sender, instance, revision=None, **kwargs):
    """page_published: the notes entered with this revision or an earlier one go public, and the
    latest review date among them is the page's; a page without one gets its section's.
    Connected before caching's receiver (INSTALLED_APPS order), whose content-version bump then
    retires any page body cached between the publish and these rows."""
    published_at = instance.last_published_at or timezone.now()
    pending = RevisionNote.objects.filter(page_id=instance.pk, published_at=None)
    if revision is not None:
        pending = pending.filter(revision_id__lte=revision.pk)
    chosen = (
        pending.exclude(next_review_on=None)
        .order_by("-revision_id")
        .values_list("next_review_on", flat=True)
        .first()
    )
    pending.update(published_at=published_at)
    if chosen:
        PageReview.objects.update_or_create(
            page_id=instance.pk,
            defaults={"next_review_on": chosen},
        )
    else:
        months = review_months(ContentType.objects.get_for_id(instance.content_type_id))
        PageReview.objects.get_or_create(
            page_id=instance.pk,
            defaults={"next_review_on": timezone.localdate() + relativedelta(months=months)},
        )


def overdue_pages():
    return (
        Page.objects.live()
        .filter(review__next_review_on__lt=timezone.localdate())
        .select_related("review", "owner", "content_type")
        .order_by("review__next_review_on", "path")
    )


class ReviewReportView(SafeCsvExportMixin, PageReportView):
    page_title = _("Pages due for review")
    header_icon = "date"
    results_template_name = "editorial/admin/review_report_results.html"
    index_url_name = "review_report"
    index_results_url_name = "review_report_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "url_path", "review.next_review_on", "owner_name", "owner_email"]
    export_headings = {
        "review.next_review_on": _("Review due"),
        "owner_name": _("Owner"),
        "owner_email": _("Owner's e-mail"),
    }

    def get_queryset(self):
        self.queryset = overdue_pages()
        return super().get_queryset()

    def decorate_paginated_queryset(self, pages):
        for page in pages:
            owner = page.owner
            page.owner_name = (owner.get_full_name() or owner.get_username()) if owner else ""
            page.owner_email = owner.email if owner else ""
        return pages


def reminder_recipients(pages):
    """{user: [pages]}: each owner their pages; pages without an owner to the moderators."""
    moderators = list(Group.objects.get(name=OWNERLESS_GROUP).user_set.filter(is_active=True))
    by_user = defaultdict(list)
    for page in pages:
        owner = page.owner if page.owner and page.owner.is_active else None
        for user in [owner] if owner else moderators:
            by_user[user].append(page)
    return by_user


def recently_reminded(pages):
    """(page id, recipient id) of the reminders about the pages' current due dates sent within
    REMIND_AGAIN_AFTER (by calendar day, so a weekly run at the same hour counts it exactly)."""
    since = timezone.localdate() - REMIND_AGAIN_AFTER
    due = {page.pk: page.review.next_review_on for page in pages}
    reminders = ReviewReminder.objects.filter(page_id__in=due, sent_at__date__gt=since)
    return {
        (page_id, recipient_id)
        for page_id, recipient_id, due_on in reminders.values_list(
            "page_id", "recipient_id", "due_on"
        )
        if due[page_id] == due_on
    }


def send_review_reminders():
    """One e-mail per person with overdue pages they were not reminded of lately, in their admin
    language, recorded per page; the number of e-mails sent."""
    pages = list(overdue_pages())
    reminded = recently_reminded(pages)
    sent = 0
    for user, user_pages in reminder_recipients(pages).items():
        user_pages = [page for page in user_pages if (page.pk, user.pk) not in reminded]
        if not user.email or not user_pages:
            continue
        with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
            context = {
                "user": user,
                "pages": [
                    (
                        page,
                        settings.WAGTAILADMIN_BASE_URL
                        + reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    )
                    for page in user_pages
                ],
                "again_weeks": REMIND_AGAIN_AFTER.days // 7,
            }
            subject = render_to_string("editorial/mail/review_reminder_subject.txt", context)
            body = render_to_string("editorial/mail/review_reminder.txt", context)
        send_mail(" ".join(subject.split()), body, None, [user.email])
        now = timezone.now()
        ReviewReminder.objects.bulk_create(
            ReviewReminder(page=p, recipient=user, due_on=p.review.next_review_on, sent_at=now)
            for p in user_pages
        )
        sent += 1
    return sent


def reminders_sent(page_id):
    """The reminders sent about a page's current due date, newest first."""
    return (
        ReviewReminder.objects.filter(page_id=page_id, due_on=F("page__review__next_review_on"))
        .select_related("recipient")
        .order_by("-sent_at", "recipient__username")
    )
