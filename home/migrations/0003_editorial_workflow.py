"""Editorial roles and the bilingual review workflow.

Editors write and submit, Moderators approve and publish, Translators edit (the page editor
cannot restrict them to the English fields). Every page, from the root down, goes through the
translation check and then the Moderators' approval.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PAGE = {
    "Editors": ["add_page", "change_page", "lock_page"],
    "Moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Translators": ["change_page"],
}
COLLECTION = {
    "Editors": ["add_image", "change_image", "choose_image", "add_document", "change_document",
                "choose_document"],
    "Moderators": ["add_image", "change_image", "delete_image", "choose_image", "add_document",
                   "change_document", "delete_document", "choose_document"],
    "Translators": ["choose_image", "choose_document"],
}
SNIPPETS = [("home", "county"), ("home", "indicator"), ("home", "indicatoractual"),
            ("home", "partnerregion"), ("home", "sector"), ("cooperation", "organisation")]
SNIPPET_ACTIONS = {
    "Editors": ["add", "change", "view"],
    "Moderators": ["add", "change", "delete", "view"],
    "Translators": ["change", "view"],
}


def permission(apps, app_label, codename):
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label=app_label, codename=codename
    )


def create_groups_and_workflow(apps, schema_editor):
    # Permissions are normally created after all migrations; these steps need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    TranslationCheckTask = apps.get_model("home", "TranslationCheckTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    groups = {}
    for name in PAGE:
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.set(
            [permission(apps, "wagtailadmin", "access_admin")]
            + [
                permission(apps, app_label, f"{action}_{model}")
                for app_label, model in SNIPPETS
                for action in SNIPPET_ACTIONS[name]
            ]
        )
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in PAGE[name]:
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=permission(apps, "wagtailcore", codename)
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for codename in COLLECTION[name]:
            app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            GroupCollectionPermission.objects.create(
                group=group, collection=root_collection,
                permission=permission(apps, app_label, codename),
            )

    check, _ = TranslationCheckTask.objects.get_or_create(
        name="Translation check",
        defaults={"content_type": ContentType.objects.get(app_label="home",
                                                          model="translationchecktask")},
    )
    approval = GroupApprovalTask.objects.filter(name="Moderators approval", active=True).first()
    if approval is None:
        approval = GroupApprovalTask.objects.create(
            name="Moderators approval",
            content_type=ContentType.objects.get(app_label="wagtailcore",
                                                 model="groupapprovaltask"),
        )
    approval.groups.set([groups["Moderators"]])

    workflow, _ = Workflow.objects.get_or_create(name="Bilingual review")
    for order, task in enumerate([check, approval]):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    # Wagtail's own single-step default is replaced by the workflow above.
    Workflow.objects.exclude(pk=workflow.pk).filter(workflow_pages=None).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_translationchecktask"),
        ("cooperation", "0002_initial"),
        ("tourism", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop),
    ]
