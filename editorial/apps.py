from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial workflow and translation"

    def ready(self):
        from wagtail.signals import page_published

        from editorial.page_review import record_publication
        from editorial.publishing_fields import add_publishing_fields
        from editorial.translator_access import restrict_translators_to_english
        from editorial.workflow_names import localise_workflow_names

        restrict_translators_to_english()
        add_publishing_fields()
        localise_workflow_names()
        page_published.connect(record_publication, dispatch_uid="editorial.record_publication")
