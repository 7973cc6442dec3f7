"""Workflow and task names in the admin user's language.

Wagtail stores one name per workflow and task and shows it in many templates, messages and
e-mails ("Submit to …", the status panel, the history, the reports). The names the portal
creates (`home/migrations/0003_editorial_workflow.py`, and Wagtail's default task) are stored
in English as message ids: reading `name` gives a string that renders in the active language,
while what is saved and compared stays the English. Wagtail's workflow log entries keep the
names as they were logged (the English), so their messages in the history and the site history
report get them translated too (localise_logged_names).
"""

import copy

from django.conf import settings
from django.db.models.query_utils import DeferredAttribute
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, Workflow

NAMES = {
    "Bilingual review": _("Bilingual review"),
    "Translation check": _("Translation check"),
    "Moderators approval": _("Moderators approval"),
}


class LocalisedName(str):
    """The stored English name, shown (str(), %s, format) in the active language."""

    def __str__(self):
        return str(NAMES[str.__str__(self)])

    def __format__(self, spec):
        return format(str(self), spec)


def stored_name(value):
    """The English name for any language's version of a known name (a name edited in the
    Chinese admin shows, and is posted back, in Chinese)."""
    if value in NAMES:
        return value
    for english, translated in NAMES.items():
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                if value == str(translated):
                    return english
    return value


class LocalisedNameAttribute(DeferredAttribute):
    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if instance is not None and value in NAMES:
            return LocalisedName(value)
        return value

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = value if value is None else stored_name(value)


def localise_workflow_names():
    for model in (Workflow, Task):
        model.name = LocalisedNameAttribute(model._meta.get_field("name"))


WORKFLOW_LOG_ACTIONS = [
    f"wagtail.workflow.{step}" for step in ("start", "approve", "reject", "resume", "cancel")
]


def localised_titles(value):
    """A log entry's data with every known workflow or task "title" in it shown translated."""
    if isinstance(value, dict):
        return {
            key: LocalisedName(item) if key == "title" and item in NAMES else localised_titles(item)
            for key, item in value.items()
        }
    return value


def localised_formatter(formatter):
    class LocalisedNames(type(formatter)):
        def format_message(self, log_entry):
            entry = copy.copy(log_entry)
            entry.data = localised_titles(log_entry.data)
            return super().format_message(entry)

    return LocalisedNames()


def localise_logged_names(actions):
    """register_log_actions, after Wagtail's own: its workflow formatters, with the names."""
    for action in WORKFLOW_LOG_ACTIONS:
        actions.formatters[action] = localised_formatter(actions.formatters[action])
