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


def route_with_days():
    route = Page.objects.filter(content_type__model="routepage").first().specific
    assert route.days_en and route.days_en[0].value["stops"]
    return route


def test_a_translator_translates_the_days_of_a_route(client, people):
    route = route_with_days()
    data = edit_form_data(route, people["translator"], **{"days_en-0-value-title": "Day one"})
    client.force_login(people["translator"])
    assert client.post(f"/admin/pages/{route.pk}/edit/", data).status_code == 302
    days = draft(route).days_en
    assert days[0].value["title"] == "Day one"
    assert [list(day.value["stops"]) for day in days] == [
        list(day.value["stops"]) for day in route.days_en
    ]


def test_a_translator_cannot_change_which_attractions_a_day_visits(client, people):
    route = route_with_days()
    elsewhere = Page.objects.filter(content_type__model="attractionpage").exclude(
        pk__in=[stop.pk for day in route.days_en for stop in day.value["stops"]]
    )[0]
    data = edit_form_data(route, people["translator"], title_en="Checked")
    data["days_en-0-value-stops-0-value"] = elsewhere.pk
    client.force_login(people["translator"])
    response = client.post(f"/admin/pages/{route.pk}/edit/", data)
    assert response.status_code == 200  # the form again, with the error
    assert "Only the text can be translated here" in response.content.decode()
    assert draft(route).title_en == route.title_en

    data["days_en-count"] = 0  # nor remove the days
    assert client.post(f"/admin/pages/{route.pk}/edit/", data).status_code == 200
    assert list(draft(route).days_en[0].value["stops"]) == list(route.days_en[0].value["stops"])


def test_translators_read_and_write_comments(client, people, article):
    data = edit_form_data(article, people["translator"], title_en="Checked")
    assert "comments-TOTAL_FORMS" in data
    data.update(
        {
            "comments-TOTAL_FORMS": 1,
            "comments-0-contentpath": "title_en",
            "comments-0-text": "Is “cooperation” the right word here?",
            "comments-0-replies-TOTAL_FORMS": 0,
            "comments-0-replies-INITIAL_FORMS": 0,
        }
    )
    client.force_login(people["translator"])
    assert client.post(f"/admin/pages/{article.pk}/edit/", data).status_code == 302
    comment = article.wagtail_admin_comments.get()
    assert (comment.user, comment.contentpath) == (people["translator"], "title_en")
