from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial workflow and translation"

    def ready(self):
        from editorial.translator_access import restrict_translators_to_english
        from editorial.workflow_names import localise_workflow_names

        restrict_translators_to_english()
        localise_workflow_names()
