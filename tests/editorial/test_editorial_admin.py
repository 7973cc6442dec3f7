"""The admin as each role sees it: the Chinese source beside the English, one visible next step,
consistent messages, and a dashboard panel with each role's work."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Workflow, WorkflowState

from cooperation.models import Organisation
from core.models import Sector
from editorial.translator_access import row_texts
from home.models import Indicator
from tests.editorial.admin_text import english_phrases
from tests.editorial.workflow_client import act, edit, edit_form_data, edit_page_html, submit
from tourism.models import AttractionPage, EventPage, RouteStop


def test_translator_sees_the_chinese_source_beside_each_english_field(client, make_person, article):
    translator = make_person("tran", "Translators", language="zh-hans")
    html = edit_page_html(client, translator, article)
    # The Chinese title, read-only, labelled in words rather than with a locale code.
    assert "标题（中文）" in html and "标题（英文）" in html
    assert "[zh-hans]" not in html
    assert 'name="title_zh_hans"' not in html
    assert article.title_zh_hans in html
    assert 'name="title_en"' in html
    source = html.index("标题（中文）")
    assert source < html.index('name="title_en"')


def test_editors_edit_both_languages_without_a_read_only_copy(client, make_person, article):
    editor = make_person("edna", "Editors", language="zh-hans")
    html = edit_page_html(client, editor, article)
    assert 'name="title_zh_hans"' in html and 'name="title_en"' in html
    assert "Chinese source text" not in html and "中文原文" not in html


def test_a_crafted_post_cannot_change_a_routes_stops(client, people):
    route = Page.objects.filter(content_type__model="routepage").first().specific
    stops = [stop.attraction_id for stop in route.stops.all()]
    assert len(stops) >= 2
    editor_data = edit_form_data(route, people["editor"])
    stop_fields = {k: v for k, v in editor_data.items() if k.startswith("stops-")}
    # The translator's browser posts the editor's formset with the first stop removed.
    stop_fields["stops-0-DELETE"] = "on"
    data = edit_form_data(route, people["translator"], title_en="Route, checked")
    data.update(stop_fields)
    data["action-submit"] = "submit"
    client.force_login(people["translator"])
    client.post(f"/admin/pages/{route.pk}/edit/", data)
    draft = Page.objects.get(pk=route.pk).specific.get_latest_revision_as_object()
    assert draft.title_en == "Route, checked"
    assert [stop.attraction_id for stop in draft.stops.all()] == stops

    html = edit_page_html(client, people["translator"], route)
    assert 'name="stops-TOTAL_FORMS"' not in html
    first = route.stops.first().attraction
    assert str(first) in html  # the list, read-only


def test_a_translators_read_only_stops_take_the_same_queries_however_many(client, people):
    route = Page.objects.filter(content_type__model="routepage").first().specific
    attractions = AttractionPage.objects.exclude(
        pk__in=[stop.attraction_id for stop in route.stops.all()]
    )[:3]
    client.force_login(people["translator"])
    client.get(f"/admin/pages/{route.pk}/edit/")  # the first view subscribes them to comments
    queries = []
    for added in ([], attractions):
        for attraction in added:
            route.stops.add(RouteStop(attraction=attraction))
        # Published: the editor loads a draft's stops from its revision, which Wagtail checks
        # against the database one stop at a time, whoever edits.
        route.save_revision(user=people["editor"]).publish()
        with CaptureQueriesContext(connection) as context:
            html = client.get(f"/admin/pages/{route.pk}/edit/").content.decode()
        queries.append(len(context))
    with translation.override("en"):  # the translator's admin language
        assert all(str(attraction) in html for attraction in attractions)
    assert queries[0] == queries[1]


@pytest.mark.without_plan
def test_read_only_rows_show_choices_by_their_label(db):
    event = EventPage(kind=EventPage.Kind.FESTIVAL, title="Peach blossom festival")
    with translation.override("en"):
        rows = row_texts(EventPage, [event], ["title", "kind"])
    assert rows == ["Peach blossom festival · Festival"]


def primary_action(html):
    """The label of the action button shown outside the "more actions" menu."""
    footer = html[html.index('class="footer') :]
    button = re.search(r"<button[^>]*>(.*?)</button>", footer, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", button.group(1)).strip()


def test_submit_for_review_is_the_editors_primary_action(client, make_person, article):
    editor = make_person("edna", "Editors", language="zh-hans")
    with translation.override("zh-hans"):
        assert primary_action(edit_page_html(client, editor, article)) == "提交审核"


def test_a_submission_that_passes_the_check_says_who_acts_next(client, people, article):
    response = submit(client, people["editor"], article, title_en="Revised English title")
    text = response.content.decode()
    assert "is submitted for review. Next: a moderator approves and publishes it" in text
    assert "submitted for moderation" not in text


def test_a_page_sent_back_names_fields_language_and_translator(client, people, article):
    response = submit(client, people["editor"], article, title_zh_hans="改过的中文标题")
    text = response.content.decode()
    assert "the translation check sent it back" in text
    assert "English older than the Chinese: title." in text
    assert "Next: a translator updates the English of these fields" in text
    assert "is submitted for review" not in text
    assert "submitted for moderation" not in text


def dashboard(client, user):
    client.force_login(user)
    return client.get("/admin/").content.decode()


def test_dashboard_panels_show_each_role_its_work(client, people, article):
    submit(client, people["editor"], article, title_zh_hans="改过的中文标题")  # sent back
    editor_view = dashboard(client, people["editor"])
    assert "My drafts and sent-back pages" in editor_view
    assert f'href="/admin/pages/{article.pk}/edit/"' in editor_view
    assert "Sent back: English older than the Chinese: title." in editor_view

    translator_view = dashboard(client, people["translator"])
    assert "English to write or update" in translator_view
    assert "1 page" in translator_view
    assert f'href="/admin/pages/{article.pk}/edit/"' in translator_view
    assert "My drafts and sent-back pages" not in translator_view

    assert "Awaiting my review" not in editor_view
    moderator_view = dashboard(client, people["moderator"])
    assert "Nothing is waiting for your review." in moderator_view


def test_the_translators_panel_judges_the_pages_again_only_after_a_change(client, people, article):
    views = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as context:
            dashboard(client, people["translator"])
        views.append([query["sql"] for query in context.captured_queries])
    judged = [any("MD5" in sql for sql in view) for view in views]
    assert judged == [True, False]
    assert len(views[1]) < len(views[0])

    edit(client, people["editor"], article, "save", title_zh_hans="草稿里改过的标题")
    assert f'href="/admin/pages/{article.pk}/edit/"' in dashboard(client, people["translator"])


def test_moderator_approves_from_the_dashboard_and_is_told_it_is_published(client, people, article):
    submit(client, people["editor"], article, title_en="Revised English title")
    moderator_view = dashboard(client, people["moderator"])
    assert "Awaiting my review" in moderator_view
    action = re.search(r'<form method="post" action="([^"]+/approve/\d+/)"', moderator_view)
    response = client.post(action.group(1), {"next": f"/admin/reviewed/{article.pk}/"}, follow=True)
    assert "is approved and published." in response.content.decode()
    page = Page.objects.get(pk=article.pk)
    assert page.specific.title_en == "Revised English title"
    assert page.current_workflow_state is None
    assert not WorkflowState.objects.filter(
        object_id=str(article.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()


@pytest.mark.parametrize(
    "language, label", [("zh-hans", "标题（英文）"), ("en", "Title (English)")]
)
def test_field_labels_name_the_language_in_words(article, language, label):
    with translation.override(language):
        assert str(type(article)._meta.get_field("title_en").verbose_name) == label


ADMIN_PAGE_TYPES = [
    "homepage",
    "aboutplanpage",
    "indicatorpage",
    "newspage",
    "strategyareapage",
    "programmepage",
    "opportunitypage",
    "attractionpage",
    "routepage",
    "eventpage",
]


def role_admin_urls(page_types=ADMIN_PAGE_TYPES):
    home = Page.objects.get(depth=2)
    urls = ["/admin/", "/admin/pages/", f"/admin/pages/{home.pk}/"]
    urls += [f"/admin/reports/{report}/" for report in ("translation", "review", "site-history")]
    urls += ["/admin/reports/workflow/", "/admin/reports/workflow_tasks/"]
    for model in page_types:
        page = Page.objects.filter(content_type__model=model).first()
        urls.append(f"/admin/pages/{page.pk}/edit/")
    return urls


def english_names():
    """The English names of the plan's data, shown in the snippet listings: content."""
    names = [
        name
        for model in (Sector, Organisation)
        for name in model.objects.values_list("name_en", flat=True)
        if name
    ]
    return sorted(names, key=len, reverse=True)  # longest first, before their parts


def test_the_chinese_admin_shows_no_english_interface_text(client, make_person, article):
    """Dashboard, explorer, reports, snippets, every page type's edit form, the workflow
    dialogs and a page's history, as each role sees them in Chinese; content (titles, slugs,
    the Chinese source) and the users' names excepted."""
    people = [
        make_person(name, group, language="zh-hans")
        for name, group in [("edna", "Editors"), ("tran", "Translators"), ("mo", "Moderators")]
    ]
    editor, translator, moderator = people
    submit(client, editor, article, title_en="Revised English title")  # a review to do
    task_state = Page.objects.get(pk=article.pk).current_workflow_task_state
    workflow_urls = [
        f"/admin/pages/workflow/action/{article.pk}/{action}/{task_state.pk}/"
        for action in ("approve", "reject")
    ]
    history_urls = [
        f"/admin/pages/{article.pk}/history/",
        f"/admin/pages/{article.pk}/workflow_history/",
        f"/admin/pages/{article.pk}/workflow_history/detail/{task_state.workflow_state_id}/",
    ]
    indicator = Indicator.objects.order_by("order").first()
    snippet_urls = [
        reverse(Sector.snippet_viewset.get_url_name("list")),
        reverse(Organisation.snippet_viewset.get_url_name("list")),
        reverse(Indicator.snippet_viewset.get_url_name("edit"), args=[indicator.pk]),
    ]
    content = ["Root", *english_names(), *(p.username for p in people)]
    found = {}
    for user in people:
        client.force_login(user)
        urls = role_admin_urls() + history_urls + (workflow_urls if user == moderator else [])
        if user != translator:
            urls += snippet_urls
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            body = response.content.decode()
            if response.headers["Content-Type"].startswith("application/json"):
                body = json.loads(body).get("html", "")
            phrases = english_phrases(body, content=content)
            if phrases:
                found[(user.username, url)] = sorted(phrases)
    assert found == {}


@pytest.mark.parametrize(
    "language, shown, hidden",
    [
        ("zh-hans", ["双语审核", "审核员批准"], "Bilingual review"),
        ("en", ["Bilingual review"], "双语审核"),
    ],
)
def test_workflow_and_task_names_show_in_the_admins_language(
    client, make_person, article, language, shown, hidden
):
    editor = make_person("edna", "Editors", language=language)
    moderator = make_person("mo", "Moderators", language=language)
    submit(client, editor, article, title_en="Revised English title")
    html = edit_page_html(client, moderator, article)
    assert all(name in html for name in shown)
    assert hidden not in html
    # Stored in English whatever the language it was shown or saved in.
    workflow = Workflow.objects.get(workflow_pages__page__depth=1)
    with translation.override("zh-hans"):
        workflow.name = str(workflow.name)
        workflow.save()
    assert Workflow.objects.filter(pk=workflow.pk, name="Bilingual review").exists()


def test_the_history_names_workflow_steps_in_the_admins_language(client, make_person, article):
    """Wagtail's log entries keep the names as logged, in English; their messages translate them."""
    editor = make_person("edna", "Editors", language="zh-hans")
    moderator = make_person("mo", "Moderators", language="zh-hans")
    submit(client, editor, article, title_en="Revised English title")
    act(client, moderator, Page.objects.get(pk=article.pk), "approve")
    state = WorkflowState.objects.get(object_id=str(article.pk))
    client.force_login(moderator)
    for url in [
        f"/admin/pages/{article.pk}/history/",
        f"/admin/pages/{article.pk}/workflow_history/",
        f"/admin/pages/{article.pk}/workflow_history/detail/{state.pk}/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for english in ("Bilingual review", "Translation check", "Moderators approval"):
            assert english not in html, (url, english)
    history = client.get(f"/admin/pages/{article.pk}/history/").content.decode()
    assert "“双语审核”已启动" in history and "“审核员批准”已批准，“双语审核”已完成" in history
