"""Loader v2: data files are checked before the database is touched, the loader's own mapping is
part of the fingerprint, records that disappear unpublish their pages, people's changes survive
and a dry run changes nothing. Each test loads a copy of `content/` it may break."""

import shutil
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command
from wagtail.models import Page

from plan import plan_loader
from plan.plan_loader import CONTENT_DIR, PlanLoader
from plan.schema import PlanDataError, validate


class Content(type(CONTENT_DIR)):
    """A copy of the plan's data files that a test may rewrite."""

    def rewrite(self, name, change):
        data = yaml.safe_load((self / name).read_text(encoding="utf-8"))
        change(data)
        (self / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def content(tmp_path):
    shutil.copytree(CONTENT_DIR, tmp_path, dirs_exist_ok=True)
    return Content(tmp_path)


def run(content_dir, **options):
    out = StringIO()
    call_command("load_plan", content_dir=str(content_dir), stdout=out, **options)
    return out.getvalue()


def without(records, key):
    records[:] = [record for record in records if record["key"] != key]


def remove_zhongyuan_nonggu(data):
    without(data["opportunities"], "zhongyuan-nonggu")


def page_states():
    fields = ("pk", "latest_revision_id", "live", "title_en")
    return list(Page.objects.order_by("pk").values_list(*fields))


def test_the_plan_as_shipped_is_valid():
    validate(CONTENT_DIR)


def test_schema_errors_name_file_record_and_field(content):
    opportunities = yaml.safe_load((content / "opportunities.yaml").read_text())["opportunities"]

    def break_opportunities(data):
        del data["opportunities"][3]["summary"]["en"]
        data["opportunities"][4]["stage"] = "finished"

    content.rewrite("opportunities.yaml", break_opportunities)
    with pytest.raises(PlanDataError) as raised:
        validate(content)
    first, second = raised.value.errors
    assert first == (
        f"opportunities.yaml: opportunities[3] (key '{opportunities[3]['key']}') › summary.en: "
        "Field required"
    )
    assert second.startswith(
        f"opportunities.yaml: opportunities[4] (key '{opportunities[4]['key']}') › stage: "
        "Input should be"
    )


def test_unknown_references_are_errors_too(content):
    content.rewrite("tourism.yaml", lambda data: data["events"][0].update(attraction="nowhere"))
    content.rewrite(
        "opportunities.yaml", lambda data: data["opportunities"][5]["sectors"].append("nothing")
    )
    opportunity = yaml.safe_load((content / "opportunities.yaml").read_text())["opportunities"][5]
    event = yaml.safe_load((content / "tourism.yaml").read_text())["events"][0]["key"]
    with pytest.raises(PlanDataError) as raised:
        validate(content)
    assert raised.value.errors == [
        f"opportunities.yaml: key '{opportunity['key']}' › sectors: unknown sectors 'nothing'",
        f"tourism.yaml: key '{event}' › attraction: unknown attraction 'nowhere'",
    ]


def test_invalid_data_changes_nothing(content, db):
    content.rewrite("news.yaml", lambda data: data["news"][0].pop("date"))
    content.rewrite("opportunities.yaml", remove_zhongyuan_nonggu)
    before = page_states()
    with pytest.raises(CommandError, match=r"news\.yaml: news\[0\] \(key '.*'\) › date: Field"):
        run(content)
    assert page_states() == before


def test_a_removed_record_unpublishes_its_page_and_is_reported(content, db):
    from cooperation.models import OpportunityPage

    content.rewrite("opportunities.yaml", remove_zhongyuan_nonggu)
    output = run(content)
    assert not OpportunityPage.objects.get(plan_key="zhongyuan-nonggu").live
    assert "unpublished (removed from the data): opportunity zhongyuan-nonggu" in output
    assert "0 created, 0 updated, 1 unpublished." in output
    assert OpportunityPage.objects.live().count() == OpportunityPage.objects.count() - 1


def test_a_removed_record_keeps_a_page_a_person_changed(content, db, django_user_model):
    from cooperation.models import OpportunityPage

    editor = django_user_model.objects.create_user("editor-r", password="x")
    page = OpportunityPage.objects.get(plan_key="zhongyuan-nonggu")
    page.title_en = "Kept by an editor"
    page.save_revision(user=editor, log_action=True).publish()
    content.rewrite("opportunities.yaml", remove_zhongyuan_nonggu)
    output = run(content)
    assert OpportunityPage.objects.get(plan_key="zhongyuan-nonggu").live
    assert "1 kept (removed from the data, edited by a person)" in output


def test_a_new_loader_version_updates_pages_whose_records_did_not_change(db, monkeypatch):
    from home.models import NewsIndexPage, NewsPage

    loader = PlanLoader(log=lambda message: None)
    loader.find_changes_by_people()
    # Tests that commit (the browser's editorial test) may leave a person's edits of a news page
    # in the audit log: such a page is theirs and is kept, whatever the loader's version.
    news = NewsPage.objects.order_by("path")
    by_people = sum(loader.changed_by_a_person(news_page) for news_page in news)
    page = next(news_page for news_page in news if not loader.changed_by_a_person(news_page))
    NewsPage.objects.filter(pk=page.pk).update(title_en="As an older mapping left it")
    news_index = NewsIndexPage.objects.get()

    loader.load_news(news_index)  # same record, same mapping: nothing to do
    page.refresh_from_db()
    assert page.title_en == "As an older mapping left it"

    monkeypatch.setattr(plan_loader, "LOADER_VERSION", plan_loader.LOADER_VERSION + 1)
    loader.load_news(news_index)
    page.refresh_from_db()
    assert page.title_en != "As an older mapping left it"
    assert loader.stats[("news article", "updated")] == NewsPage.objects.count() - by_people


def test_dry_run_prints_what_would_change_and_changes_nothing(content, db):
    from cooperation.models import OpportunityPage

    def change(data):
        remove_zhongyuan_nonggu(data)
        data["opportunities"][0]["title"]["en"] = "A new English title"

    content.rewrite("opportunities.yaml", change)
    key = yaml.safe_load((content / "opportunities.yaml").read_text())["opportunities"][0]["key"]
    before = page_states()

    output = run(content, dry_run=True)

    assert f"updated: opportunity {key}" in output
    assert "unpublished (removed from the data): opportunity zhongyuan-nonggu" in output
    assert "Dry run, nothing saved; would have 0 created, 1 updated, 1 unpublished." in output
    assert page_states() == before
    assert OpportunityPage.objects.get(plan_key="zhongyuan-nonggu").live


def test_a_restored_record_publishes_its_page_again(content, db):
    from cooperation.models import OpportunityPage

    original = (content / "opportunities.yaml").read_text(encoding="utf-8")
    content.rewrite("opportunities.yaml", remove_zhongyuan_nonggu)
    run(content)
    (content / "opportunities.yaml").write_text(original, encoding="utf-8")
    output = run(content)
    assert OpportunityPage.objects.get(plan_key="zhongyuan-nonggu").live
    assert "republished (back in the data): opportunity zhongyuan-nonggu" in output


def test_a_page_a_person_unpublished_stays_offline(db, django_user_model):
    from cooperation.models import OpportunityPage

    editor = django_user_model.objects.create_superuser("editor-u", password="x")
    OpportunityPage.objects.get(plan_key="zhongyuan-nonggu").unpublish(user=editor)
    output = run(CONTENT_DIR)
    assert not OpportunityPage.objects.get(plan_key="zhongyuan-nonggu").live
    assert "1 kept (unpublished by a person)" in output


def test_sector_groups_are_checked_like_the_other_files(content):
    groups = yaml.safe_load((content / "sector_groups.yaml").read_text())["sector_groups"]
    content.rewrite(
        "sector_groups.yaml", lambda data: data["sector_groups"][0]["sectors"].append("nothing")
    )
    with pytest.raises(PlanDataError) as raised:
        validate(content)
    assert raised.value.errors == [
        f"sector_groups.yaml: key '{groups[0]['key']}' › sectors: unknown sectors 'nothing'"
    ]

    (content / "sector_groups.yaml").unlink()
    with pytest.raises(CommandError, match=r"sector_groups\.yaml: missing"):
        run(content)
