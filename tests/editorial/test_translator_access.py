"""What a translator's form lets them change: the English prose, not the structure it shares."""

from wagtail.models import Page

from tests.editorial.workflow_client import edit_form_data


def translator_form_fields(page, translator):
    return page.get_edit_handler().get_form_class()(instance=page, for_user=translator).fields


def draft(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def test_a_translator_cannot_change_the_english_address(client, people, article):
    assert "slug_en" not in translator_form_fields(article, people["translator"])
    assert "slug_en" in translator_form_fields(article, people["editor"])
    slug = article.slug_en
    data = edit_form_data(article, people["translator"], title_en="Checked")
    data["slug_en"] = "a-crafted-address"
    client.force_login(people["translator"])
    assert client.post(f"/admin/pages/{article.pk}/edit/", data).status_code == 302
    assert (draft(article).title_en, draft(article).slug_en) == ("Checked", slug)
