"""What a search returns, whichever backend answered it."""

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search import analysis
from search.registry import KIND_LABELS

PAGE_SIZE = 10
FACETS = ("kind", "strategy_area", "county", "sector")


@dataclass(frozen=True)
class Query:
    text: str
    language: str
    filters: dict = field(default_factory=dict)  # facet name → selected value
    page: int = 1

    def __post_init__(self):
        # Whoever builds the query, both backends get it within Elasticsearch's limits.
        object.__setattr__(self, "text", analysis.limited(self.text))


@dataclass
class Hit:
    title: str
    url: str
    kind: str
    snippet: str  # safe HTML: escaped text with <mark> around matches
    plan_key: str = ""
    page_id: int | None = None

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass
class Results:
    query: Query
    total: int
    hits: list
    facets: dict  # facet name → [(value, count)]
    backend: str  # "elasticsearch" or "database"

    @property
    def complete(self):
        return self.backend == "elasticsearch"


# The highlighter wraps matches in these private-use characters instead of HTML, so the snippet
# can be escaped as a whole and only then given its <mark> tags.
MARK_START, MARK_END = "\ue000", "\ue001"


def safe_highlight(fragment):
    html = escape(fragment).replace(MARK_END + MARK_START, "")  # 万仙山, not 万|仙山
    html = html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308  (escaped above)


def mark_terms(text, pattern, width=160):
    """An escaped window of `text` around the first match of `pattern`, each match in <mark>."""
    first = pattern.search(text) if pattern else None
    start = max(0, first.start() - width // 4) if first else 0
    window = text[start : start + width]
    pieces, index = [], 0
    for found in pattern.finditer(window) if pattern else ():
        pieces += [escape(window[index : found.start()]), f"<mark>{escape(found.group())}</mark>"]
        index = found.end()
    pieces.append(escape(window[index:]))
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308  (every piece is escaped)
