from wagtail import hooks


@hooks.register("after_edit_snippet")
def remember_admin_edit(request, instance):
    """Snippets an editor changed are kept as they are by later `load_plan` runs."""
    if hasattr(instance, "edited_in_admin") and not instance.edited_in_admin:
        type(instance).objects.filter(pk=instance.pk).update(edited_in_admin=True)
