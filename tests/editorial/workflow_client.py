"""Driving the page editor and the workflow through the admin, as each role's browser would."""

from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.blocks.base import BlockField
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text


def edit_form_data(page, user, **changes):
    """The page editor's form as a browser posts it: every field's current value, plus changes."""
    form = page.get_edit_handler().get_form_class()(instance=page, for_user=user)
    data = {name: form[name].value() for name in form.fields}
    for formset in form.formsets.values():
        data.update({field.html_name: field.value() for field in formset.management_form})
    for name, field in form.fields.items():
        if isinstance(field, BlockField):
            del data[name]  # posted as an empty stream: these tests change other fields
            data[f"{name}-count"] = 0
        elif isinstance(field.widget, DraftailRichTextArea):
            data[name] = rich_text(str(data[name] or ""))
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
