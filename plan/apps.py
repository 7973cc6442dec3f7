from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "plan"
    verbose_name = "The plan's data as pages"
