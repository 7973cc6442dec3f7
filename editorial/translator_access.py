"""Translators edit the English only.

Every other field of a page or snippet form (the Chinese text and the fields both languages
share) requires the `home.edit_source_text` permission; Editors and Moderators have it,
Translators do not. Wagtail then leaves those fields out of a translator's form, so they can
neither see nor post them. Inline lists (a route's stops) are shared structure and stay as they
are: hiding a whole formset would break the form.
"""

from modeltranslation.translator import translator
from wagtail.admin.panels import FieldPanel, InlinePanel

SOURCE_TEXT_PERMISSION = "home.edit_source_text"
PANEL_LISTS = ("content_panels", "promote_panels", "settings_panels", "panels")


def guard_source_fields(panels):
    for panel in panels:
        if isinstance(panel, FieldPanel):
            if not panel.field_name.endswith("_en") and panel.permission is None:
                panel.permission = SOURCE_TEXT_PERMISSION
        elif not isinstance(panel, InlinePanel):
            guard_source_fields(getattr(panel, "children", ()))


def restrict_translators_to_english():
    """Runs once the panels exist in both languages (wagtail_modeltranslation's ready())."""
    for model in translator.get_registered_models():
        for name in PANEL_LISTS:
            guard_source_fields(getattr(model, name, ()))
        if hasattr(model, "get_edit_handler"):
            model.get_edit_handler.cache_clear()
