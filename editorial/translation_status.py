"""Whether a page revision's English keeps up with its Chinese.

Works on `Revision.content` (the serialised field values), so the workflow task and the admin
report judge a revision the same way without rebuilding page objects.

A field's English is *missing* when the Chinese has text and the English has none, and *stale*
when the Chinese changed since the baseline revision while the English did not.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Revision

# Derived from the slug (url_path) or the same ASCII key in both languages (slug): not prose.
NOT_PROSE = {"url_path", "slug"}


def translated_fields(model):
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return sorted(name for name in options.all_fields if name not in NOT_PROSE)


def is_blank(value):
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):  # a StreamField serialised as JSON
            try:
                return not json.loads(text)
            except ValueError:
                pass
        return not strip_tags(text).strip()
    return not value


@dataclass
class EnglishProblems:
    model: type
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.missing or self.stale)

    def labels(self, names):
        return ", ".join(str(self.model._meta.get_field(name).verbose_name) for name in names)

    def describe(self):
        parts = []
        if self.missing:
            parts.append(_("English missing: %(fields)s.") % {"fields": self.labels(self.missing)})
        if self.stale:
            parts.append(
                _("English older than the Chinese: %(fields)s.")
                % {"fields": self.labels(self.stale)}
            )
        if parts:
            parts.append(_("Next: a translator updates the English of these fields and submits."))
        return " ".join(parts)


def english_problems(model, content, baseline=None):
    """Compare one revision's content with its baseline's (both `Revision.content` dicts)."""
    problems = EnglishProblems(model)
    for name in translated_fields(model):
        zh_key = build_localized_fieldname(name, "zh-hans")
        en_key = build_localized_fieldname(name, "en")
        zh, en = content.get(zh_key), content.get(en_key)
        if is_blank(zh):
            continue
        if is_blank(en):
            problems.missing.append(name)
        elif baseline is not None and zh != baseline.get(zh_key) and en == baseline.get(en_key):
            problems.stale.append(name)
    return problems


def problems_by_page(pages):
    """{page id: EnglishProblems} for the pages whose latest revision has any, in three queries.

    The latest revision is compared with the live one when it is a newer draft, else with the
    revision before it (the change that made it live).
    """
    pages = list(
        pages.exclude(latest_revision=None).values("id", "latest_revision", "live_revision")
    )
    recent = (
        Revision.page_revisions.filter(object_id__in=[str(page["id"]) for page in pages])
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("object_id"),
                order_by=[F("created_at").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=2)
    )
    by_page = defaultdict(list)
    for revision in recent:
        by_page[int(revision.object_id)].append(revision)
    live_ids = {page["live_revision"] for page in pages} - {
        page["latest_revision"] for page in pages
    }
    live = Revision.objects.in_bulk(live_ids - {None})
    found = {}
    for page in pages:
        latest, *previous = by_page[page["id"]]
        if page["live_revision"] and page["live_revision"] != latest.pk:
            baseline = live[page["live_revision"]]
        else:
            baseline = previous[0] if previous else None
        model = ContentType.objects.get_for_id(latest.content_type_id).model_class()
        problems = english_problems(model, latest.content, baseline and baseline.content)
        if problems:
            found[page["id"]] = problems
    return found
