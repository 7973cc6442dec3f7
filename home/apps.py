from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home, plan and taxonomy"

    def ready(self):
        from home.translator_access import restrict_translators_to_english

        restrict_translators_to_english()
