"""Driving the page editor and the workflow through the admin, as each role's browser would."""

from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.blocks import ListBlock, RichTextBlock, StreamBlock, StructBlock
from wagtail.blocks.base import BlockField
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text
from wagtailautocomplete.widgets import Autocomplete


def block_data(block, value):
    """A block value as the stream editor posts it (before nested_form_data flattens it)."""
    if isinstance(block, StreamBlock):
        items = [(child.block, child.value, {"type": child.block_type}) for child in value]
    elif isinstance(block, ListBlock):
        items = [(block.child_block, item, {}) for item in value]
    elif isinstance(block, StructBlock):
        children = block.child_blocks.items()
        return {name: block_data(child, value.get(name)) for name, child in children}
    elif isinstance(block, RichTextBlock):
        return rich_text(value.source if value else "")
    else:
        value = block.get_prep_value(value)
        return "" if value is None else value
    data = {
        str(index): {**extra, "value": block_data(child, item), "deleted": "", "order": index}
        for index, (child, item, extra) in enumerate(items)
    }
    return {**data, "count": len(items)}


def edit_form_data(page, user, **changes):
    """The page editor's form as a browser posts it: every field's current value, plus changes."""
    form = page.get_edit_handler().get_form_class()(instance=page, for_user=user)
    data = {name: form[name].value() for name in form.fields}
    for formset in form.formsets.values():
        data.update({field.html_name: field.value() for field in formset.management_form})
    for name, field in form.fields.items():
        if isinstance(field, BlockField):
            del data[name]
            data.update(nested_form_data({name: block_data(field.block, getattr(page, name))}))
        elif isinstance(field.widget, DraftailRichTextArea):
            data[name] = rich_text(str(data[name] or ""))
        elif isinstance(field.widget, Autocomplete):  # the chosen objects as JSON
            data[name] = field.widget.format_value(data[name])
    data.update(changes)
    for name in ("body_zh_hans", "body_en"):
        if name in changes:
            data[name] = rich_text(str(changes[name]))
    return {name: "" if value is None else value for name, value in data.items()}


def edit(client, user, page, action, **changes):
    client.force_login(user)
    data = edit_form_data(page, user, **changes)
    data[f"action-{action}"] = action
    return client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)


def submit(client, user, page, **changes):
    return edit(client, user, page, "submit", **changes)


def act(client, moderator, page, action, comment=""):
    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    return client.post(url, {"comment": comment})


def live_title(page):
    return Page.objects.get(pk=page.pk).specific.title_en


def edit_page_html(client, user, page):
    client.force_login(user)
    return client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
