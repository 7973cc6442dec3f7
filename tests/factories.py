"""A few pages and snippets built directly, for tests that need one or two pages rather than the
whole plan (mark those `without_plan`, tests/conftest.py explains). Pages have their title and
slug in both languages, as `load_plan` gives them; their text is the tests' own, never presented
as the plan's.
"""

import io
from decimal import Decimal

from django.conf import settings
from django.core.files.images import ImageFile
from wagtail.models import Page, Site


def both(field, zh_hans, en):
    """A translated field's values: the bare name holds the Chinese, as the loader stores it."""
    return {field: zh_hans, f"{field}_zh_hans": zh_hans, f"{field}_en": en}


def add(parent, model, slug, title_en, title_zh_hans, **values):
    """A live page of `model` under `parent`, named and slugged in both languages. It has no
    revision: enough to serve it and the pages below it, at a third of the cost of publishing."""
    page = model(**both("title", title_zh_hans, title_en), **both("slug", slug, slug), **values)
    parent.add_child(instance=page)
    return page


def publish(parent, model, slug, title_en, title_zh_hans, **values):
    """A page added as above, then published through a revision, as editors and the loader do."""
    page = add(parent, model, slug, title_en, title_zh_hans, **values)
    page.save_revision().publish()
    return page


def home():
    """The home page, in place of Wagtail's welcome page, and the default site on it."""
    from home.models import HomePage

    root = Page.get_first_root_node()
    root.get_children().exact_type(Page).delete()  # the welcome page, and its site with it
    home = add(root, HomePage, "home", "Home", "首页")
    Site.objects.create(
        hostname="localhost",
        root_page=home,
        is_default_site=True,
        site_name=settings.WAGTAIL_SITE_NAME,
    )
    return home


def section(home, model, slug, title_en, title_zh_hans):
    """A top-level section, found or added (its slug is the plan's key for it, e.g. "news")."""
    existing = model.objects.first()
    return existing or add(home, model, slug, title_en, title_zh_hans, show_in_menus=True)


def news_article(home, slug="test-article", **values):
    from home.models import NewsIndexPage, NewsPage

    index = section(home, NewsIndexPage, "news", "News", "新闻")
    values = {"date": "2022-05-01", **both("body", "<p>正文。</p>", "<p>Text.</p>"), **values}
    return publish(index, NewsPage, slug, "Test article", "测试文章", **values)


def strategy_area(home, chapter=3):
    from cooperation.models import CooperationIndexPage, StrategyAreaPage

    index = section(home, CooperationIndexPage, "cooperation", "Cooperation", "合作")
    return add(
        index,
        StrategyAreaPage,
        f"area-{chapter}",
        f"Strategy area {chapter}",
        f"战略领域{chapter}",
        chapter=chapter,
        **both("short_title", f"战略{chapter}", f"Area {chapter}"),
        **both("intro", "<p>导语。</p>", "<p>Introduction.</p>"),
    )


def opportunity(home, slug="test-opportunity", area=None, **values):
    """An opportunity (and, when not given, a strategy area for it) in the opportunities section."""
    from cooperation.models import OpportunityIndexPage, OpportunityPage

    index = section(home, OpportunityIndexPage, "opportunities", "Opportunities", "合作机会")
    values = {
        **both("summary", "测试项目。", "A test project."),
        "kind": OpportunityPage.Kind.PROJECT,
        "stage": OpportunityPage.Stage.PROPOSED,
        "strategy_area": area or strategy_area(home),
        **values,
    }
    return publish(index, OpportunityPage, slug, f"Opportunity {slug}", f"机会 {slug}", **values)


def indicator(baseline, target, order=1):
    from home.models import Indicator

    return Indicator.objects.create(
        order=order,
        **both("name", "测试指标", "Test indicator"),
        **both("unit", "公里", "km"),
        **both("category", "测试", "Test"),
        baseline_2021=Decimal(baseline),
        target_2025=Decimal(target),
    )


# As wide as the largest card thumbnail: publishing a page makes all its renditions, which from a
# 2,000-pixel original took most of a card test's time.
SMALL_IMAGE = (960, 540)


def image(title="Reeds", size=(2000, 1200), focal_point=None):
    """A real library image from a Pillow-made JPEG: red on the left half, blue on the right."""
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    picture = PILImage.new("RGB", size, (0, 0, 200))
    picture.paste((200, 0, 0), (0, 0, size[0] // 2, size[1]))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG")
    made = get_image_model()(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))
    if focal_point:
        x, y = focal_point
        made.focal_point_x, made.focal_point_y = x, y
        made.focal_point_width = made.focal_point_height = 10
    made.save()
    return made
