from wagtail import hooks
from wagtail.snippets.models import register_snippet

from plan.clause_pages import clause_page
from plan.sections import home_sections
from plan.snippet_views import PlanDataGroup

register_snippet(PlanDataGroup)
hooks.register("home_page_context", home_sections)
hooks.register("clause_page", clause_page)
