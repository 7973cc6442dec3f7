"""The apps' dependency rule (README, Layout): every arrow points one way.

`core` is at the bottom; `home`, `cooperation`, `tourism`, `search` and `editorial` build on
`core` alone (`alerts` also on `cooperation`; `caching` serves them all from `core`); `plan`,
which turns the plan's data into every kind of page, `previews` and `maps` sit on top.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

APPS = {
    "core",
    "home",
    "cooperation",
    "tourism",
    "search",
    "editorial",
    "plan",
    "alerts",
    "caching",
    "previews",
    "maps",
}
MAY_IMPORT = {
    "core": set(),
    "home": {"core"},
    "cooperation": {"core"},
    "tourism": {"core"},
    "search": {"core"},
    "editorial": {"core"},
    "plan": APPS,
    "alerts": {"core", "cooperation"},  # e-mail alerts for the opportunity listing's filters
    "caching": {"core"},  # HTTP cache headers, validators and purges for every page
    # Previews (share cards, JSON-LD) and maps draw what the domain apps publish.
    "previews": {"core", "tourism"},
    "maps": {"core", "cooperation"},
}


def imported_apps(source):
    """The project apps a module's source imports, anywhere in it (function bodies included)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.update(name.split(".")[0] for name in names)
    return found & APPS


def forbidden_imports(app, source):
    return sorted(imported_apps(source) - MAY_IMPORT[app] - {app})


def test_the_rule_covers_every_app():
    assert set(MAY_IMPORT) == APPS
    assert set(settings.INSTALLED_APPS) >= APPS


@pytest.mark.parametrize("app", sorted(APPS))
def test_app_imports_only_what_the_rule_allows(app):
    violations = {
        str(path.relative_to(settings.BASE_DIR)): forbidden
        for path in sorted((Path(settings.BASE_DIR) / app).rglob("*.py"))
        if (forbidden := forbidden_imports(app, path.read_text(encoding="utf-8")))
    }
    assert violations == {}


@pytest.mark.parametrize(
    ("app", "source", "forbidden"),
    [
        ("home", "from cooperation.models import OpportunityPage", ["cooperation"]),
        ("home", "def f():\n    import tourism.geo", ["tourism"]),
        ("core", "from home.models import HomePage", ["home"]),
        ("search", "from plan.plan_loader import PlanLoader", ["plan"]),
        ("cooperation", "from core.models import County\nfrom . import blocks", []),
        ("plan", "from cooperation.models import OpportunityPage", []),
    ],
)
def test_the_check_catches_upward_imports(app, source, forbidden):
    assert forbidden_imports(app, source) == forbidden
