"""Translators edit the English only, with the Chinese source beside each English field.

Every other field of a page or snippet form (the Chinese text, the fields both languages
share, and the English slug, which is the page's address rather than prose) requires the
`home.edit_source_text` permission; Editors and Moderators have it, Translators do not. Wagtail
then leaves those fields out of a translator's form, so they can neither see nor post them. In
their place a translator sees the Chinese text read-only, in a row with the English field it is
translated into.

Inline lists (a route's stops) are shared structure too: for a translator the form drops their
formsets, so a posted list is ignored and the revision keeps the list it had, and the panel shows
the list read-only. So is what an English stream chooses (a route's days and the attractions
each day visits): a translator may change its text, and its items only to match the Chinese.
"""

from django.template.defaultfilters import linebreaksbr
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.comments import CommentFormSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, Panel
from wagtail.blocks import (
    CharBlock,
    ListBlock,
    RichTextBlock,
    StreamBlock,
    StreamValue,
    StructBlock,
    StructValue,
    TextBlock,
)
from wagtail.blocks.base import BlockField
from wagtail.blocks.list_block import ListValue
from wagtail.fields import RichTextField
from wagtail.rich_text import RichText
from wagtail.utils.text import text_from_html

from core.i18n import localized_field
from editorial.translation_status import NOT_PROSE

SOURCE_TEXT_PERMISSION = "home.edit_source_text"
PANEL_LISTS = ("content_panels", "promote_panels", "settings_panels", "panels")
ENGLISH_SUFFIX = localized_field("", "en")
PROSE_BLOCKS = (CharBlock, TextBlock, RichTextBlock)
STRUCTURE_LOCKED = _(
    "Only the text can be translated here: the items and what they choose (days, stops) must "
    "stay as they are or match the Chinese."
)


def plain_text(value):
    """The text of a field value, a line per paragraph or block, for reading beside a form."""
    if isinstance(value, StreamValue):
        return "\n".join(plain_text(child.value) for child in value)
    if isinstance(value, StructValue):
        return "\n".join(
            f"{capfirst(value.block.child_blocks[name].label)}: {plain_text(child)}"
            for name, child in value.items()
        )
    if isinstance(value, (list, tuple, ListValue)):
        return ", ".join(plain_text(item) for item in value)
    if isinstance(value, RichText):
        return text_from_html(str(value).replace("</p>", "</p>\n"))
    return "" if value is None else str(value)


def may_edit_source(user):
    return user is not None and user.has_perm(SOURCE_TEXT_PERMISSION)


class ChineseSourcePanel(FieldPanel):
    """The Chinese text of a field, read-only, for those who cannot edit it."""

    def __init__(self, field_name, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("help_text", _("Chinese source text, to translate into the field beside"))
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        if isinstance(self.db_field, RichTextField):
            value = RichText(value)  # stored as an HTML string
        return linebreaksbr(plain_text(value))

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return not may_edit_source(self.request.user) and super().is_shown()


def row_texts(model, items, names):
    """Each item's fields `names` as a line of text: a choice by its label, and a foreign key by
    the object it points to, fetched for all the items in one query."""
    fields = [model._meta.get_field(name) for name in names]
    related = {
        field.name: field.related_model._default_manager.in_bulk(
            {getattr(item, field.attname) for item in items} - {None}
        )
        for field in fields
        if field.many_to_one
    }

    def text(item, field):
        if field.name in related:
            return str(related[field.name].get(getattr(item, field.attname), "—"))
        if field.choices:
            return str(getattr(item, f"get_{field.name}_display")())
        return str(getattr(item, field.name))

    return [" · ".join(text(item, field) for field in fields) for item in items]


class SourceLockedInlinePanel(InlinePanel):
    """An inline list that users without the source permission see but cannot change."""

    class BoundPanel(InlinePanel.BoundPanel):
        locked_template_name = "editorial/admin/locked_inline_panel.html"

        @property
        def template_name(self):
            # Only the locked list uses the read-only template; otherwise the usual formset.
            if self.locked:
                return self.locked_template_name
            return InlinePanel.BoundPanel.template_name

        def __init__(self, **kwargs):
            form = kwargs["form"]
            self.locked = form is not None and kwargs["panel"].relation_name not in form.formsets
            if self.locked:
                Panel.BoundPanel.__init__(self, **kwargs)
                self.label = self.panel.label
                fields = self.panel.child_edit_handler.get_form_options().get("fields", [])
                items = list(getattr(self.instance, self.panel.relation_name).all())
                self.rows = row_texts(self.panel.db_field.related_model, items, fields)
            else:
                super().__init__(**kwargs)

        def get_context_data(self, parent_context=None):
            if self.locked:
                return Panel.BoundPanel.get_context_data(self, parent_context)
            return super().get_context_data(parent_context)

        @property
        def telepath_adapter_name(self):
            return "wagtail.panels.Panel" if self.locked else "wagtail.panels.InlinePanel"

        def js_opts(self):
            if self.locked:
                return Panel.BoundPanel.js_opts(self)
            return super().js_opts()


def structure(block, value):
    """A block value less its text: the choices (pages, days, stops) both languages share."""
    if isinstance(block, StreamBlock):
        return [(child.block_type, structure(child.block, child.value)) for child in value]
    if isinstance(block, StructBlock):
        children = block.child_blocks.items()
        return {name: structure(child, value.get(name)) for name, child in children}
    if isinstance(block, ListBlock):
        return [structure(block.child_block, item) for item in value]
    if isinstance(block, PROSE_BLOCKS):
        return None
    return block.get_prep_value(value)


class SourceLockedFormMixin:
    """For a user without the source permission: drops the inline lists' formsets, and
    refuses a posted English stream whose structure is neither the stored English's nor the
    Chinese source's (so a translator can bring the English up to the Chinese, nothing else)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.source_locked = not may_edit_source(for_user)
        if self.source_locked:  # Wagtail's comments are not an inline list: they stay
            self.formsets = {
                name: formset
                for name, formset in self.formsets.items()
                if isinstance(formset, CommentFormSet)
            }

    def clean(self):
        cleaned_data = super().clean()
        if not self.source_locked:
            return cleaned_data
        for name, field in self.fields.items():
            if not isinstance(field, BlockField) or name not in cleaned_data:
                continue
            source = localized_field(name.removesuffix(ENGLISH_SUFFIX), "zh-hans")
            allowed = [structure(field.block, getattr(self.instance, n)) for n in (name, source)]
            if structure(field.block, cleaned_data[name]) not in allowed:
                self.add_error(name, STRUCTURE_LOCKED)
        return cleaned_data


def guard_source_panels(panels):
    """Return `panels` with the source fields guarded and each English field paired with its
    Chinese source."""
    guarded = []
    for panel in panels:
        if isinstance(panel, FieldPanel):
            name = panel.field_name.removesuffix(ENGLISH_SUFFIX)
            if name != panel.field_name and name not in NOT_PROSE:
                source = localized_field(name, "zh-hans")
                panel = FieldRowPanel([ChineseSourcePanel(source), panel])
            elif panel.permission is None:
                panel.permission = SOURCE_TEXT_PERMISSION
        elif isinstance(panel, InlinePanel):
            panel = SourceLockedInlinePanel(**panel.clone_kwargs())
        elif hasattr(panel, "children"):
            panel.children = guard_source_panels(panel.children)
        guarded.append(panel)
    return guarded


def lock_inline_lists(model):
    base = getattr(model, "base_form_class", None) or WagtailAdminModelForm
    if not issubclass(base, SourceLockedFormMixin):
        model.base_form_class = type(
            f"SourceLocked{base.__name__}", (SourceLockedFormMixin, base), {}
        )


def restrict_translators_to_english():
    """Runs once the panels exist in both languages (wagtail_modeltranslation's ready())."""
    guarded = set()  # panel lists a model inherits from another model are guarded once
    for model in translator.get_registered_models():
        for name in PANEL_LISTS:
            panels = getattr(model, name, None)
            if panels is not None and id(panels) not in guarded:
                panels = guard_source_panels(panels)
                guarded.add(id(panels))
                setattr(model, name, panels)
        lock_inline_lists(model)
        if hasattr(model, "get_edit_handler"):
            model.get_edit_handler.cache_clear()
