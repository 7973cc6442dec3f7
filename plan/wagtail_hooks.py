from wagtail import hooks
from wagtail.snippets.models import register_snippet

from plan.clause_pages import clause_page
from plan.sections import home_sections
from plan.snippet_views import PlanDataGroup

register_snippet(PlanDataGroup)
hooks.register("home_page_context", home_sections)
hooks.register("clause_page", clause_page)


@hooks.register("after_edit_snippet")
def remember_admin_edit(request, instance):
    """Snippets an editor changed are kept as they are by later `load_plan` runs."""
    if hasattr(instance, "edited_in_admin") and not instance.edited_in_admin:
        type(instance).objects.filter(pk=instance.pk).update(edited_in_admin=True)
