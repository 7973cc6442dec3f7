"""Whether a page revision's English keeps up with its Chinese.

Works on `Revision.content` (the serialised field values), so the workflow task and the admin
report judge a revision the same way without rebuilding page objects.

A field's English is *missing* when the Chinese has text and the English has none, and *stale*
when the Chinese has changed since the first revision with the current English (however many
revisions ago that was, within the last HISTORY of the page).
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Window
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import MD5, RowNumber
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from wagtail.models import Revision

from core.i18n import localized_field

# Derived from the slug (url_path) or the same ASCII key in both languages (slug): not prose.
NOT_PROSE = {"url_path", "slug"}
# Revisions per page that problems_by_page looks back through (see there).
HISTORY = 50


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


def english_problems(model, content, history):
    """What the English of a revision lacks.

    `content` is the revision's `Revision.content`; `history` is its page's revisions, newest
    first and starting with it, each a dict {content key: MD5 of its value}.
    A field's English is older than its Chinese when the Chinese now differs from the Chinese of
    the first revision with the current English: the text it was written for. (The first, not
    the last revision in which the English changed: an English put back to an earlier text, as
    an edit of the live page does after a draft's, is still that earlier Chinese's translation.)
    """
    problems = EnglishProblems(model)
    for name in translated_fields(model):
        zh_key = localized_field(name, "zh-hans")
        en_key = localized_field(name, "en")
        if is_blank(content.get(zh_key)):
            continue
        if is_blank(content.get(en_key)):
            problems.missing.append(name)
            continue
        latest = history[0]
        written = next(old for old in reversed(history) if old[en_key] == latest[en_key])
        if written[zh_key] != latest[zh_key]:
            problems.stale.append(name)
    return problems


def problems_by_page(pages):
    """{page id: EnglishProblems} for the pages whose latest revision has any, in three queries.

    Each page's last HISTORY revisions are compared by the MD5 of their translated fields,
    computed by the database so that their text is not fetched (only the latest revision's
    content is, to tell blank fields). The bound's one blind spot: a Chinese change whose
    English was never updated is no longer noticed once HISTORY later revisions have left that
    field's Chinese and English as they were. A larger window only costs more digests.
    """
    pages = dict(pages.exclude(latest_revision=None).values_list("id", "content_type"))
    models = {
        pk: ContentType.objects.get_for_id(type_id).model_class() for pk, type_id in pages.items()
    }
    keys = sorted(
        localized_field(name, language)
        for model in set(models.values())
        for name in translated_fields(model)
        for language in ("zh-hans", "en")
    )
    recent = (
        Revision.page_revisions.filter(object_id__in=[str(pk) for pk in pages])
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("object_id"),
                order_by=[F("created_at").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=HISTORY)
    )
    revisions = (
        Revision.objects.filter(id__in=recent.values("id"))
        .annotate(**{key: MD5(KeyTextTransform(key, "content")) for key in keys})
        .order_by("-created_at", "-id")
        .values("id", "object_id", *keys)
    )
    history = defaultdict(list)
    for revision in revisions:
        history[int(revision.pop("object_id"))].append(revision)
    latest = Revision.objects.in_bulk([page_history[0]["id"] for page_history in history.values()])
    found = {}
    for pk, page_history in history.items():
        content = latest[page_history[0]["id"]].content
        problems = english_problems(models[pk], content, page_history)
        if problems:
            found[pk] = problems
    return found
