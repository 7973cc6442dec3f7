"""The map include offers every map the base layers the portal serves itself (rivers, county
boundaries), each credited in the page's language."""

import pytest
from django.template import Context, Template
from django.templatetags.static import static
from django.utils import translation


def render_map(language, points, areas=()):
    """The map include of `points` (and `areas`) as a page in `language` renders it."""
    template = Template("{% load map_tags %}{% portal_map points 'Map' 'Caption' areas=areas %}")
    context = Context({"points": points, "areas": areas, "LANGUAGE_CODE": language})
    with translation.override(language):
        return template.render(context)


@pytest.mark.parametrize(
    ("layer", "path", "language", "attribution"),
    [
        (
            "rivers",
            "maps/rivers.geojson",
            "zh-hans",
            "河流与渠道：GSHHG（Wessel 和 Smith），LGPL-3",
        ),
        (
            "rivers",
            "maps/rivers.geojson",
            "en",
            "Rivers and canals: GSHHG (Wessel and Smith), LGPL-3",
        ),
        (
            "counties",
            "maps/counties.geojson",
            "zh-hans",
            "区划界线：高德地图（经 pyecharts），仅供参考",
        ),
        (
            "counties",
            "maps/counties.geojson",
            "en",
            "Boundaries: AMap via pyecharts, for orientation only",
        ),
    ],
)
def test_every_map_draws_the_base_layers_and_credits_them(layer, path, language, attribution):
    html = render_map(language, [{"name": "A", "lat": 35.3, "lon": 113.9}])
    assert f'data-{layer}="{static(path)}"' in html
    assert f'data-{layer}-attribution="{attribution}"' in html
    assert "data-areas" not in html
