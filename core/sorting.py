"""Sort keys for titles and names as a reader expects them, not by character code.

Leading quotation marks and punctuation (“京津冀…”, "Made in…") and an English leading article
("the Yangtze River Delta") do not count; Chinese sorts by pinyin, as dictionaries and indexes
in China do, so 3D打印 files under "3d da yin" and 百泉 under "bai quan".
"""

import re
import unicodedata

from django.db.models import F
from django.utils import translation
from modeltranslation.utils import get_language as translated_language
from pypinyin import lazy_pinyin

from core.i18n import in_active_language, localized_field, localized_fields

# Place names whose first character pypinyin's dictionary reads wrongly (长 is cháng here).
PLACE_READINGS = {"长垣": " chang yuan ", "长三角": " chang san jiao "}
ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def strip_leading_marks(text):
    """`text` without leading punctuation, symbols and spaces (Unicode categories P*, S*, Z*)."""
    start = 0
    while start < len(text) and unicodedata.category(text[start])[0] in "PSZ":
        start += 1
    return text[start:]


def sort_key(text):
    bare = ARTICLE.sub("", strip_leading_marks(text or ""))
    for place, reading in PLACE_READINGS.items():
        bare = bare.replace(place, reading)
    # lazy_pinyin turns each Han character into its syllable and keeps other runs as they are.
    return " ".join(" ".join(lazy_pinyin(bare)).split()).casefold()


def stored_sort_keys(read, name):
    """{`<name>_sort_<language>`: the sort key of `<name>` as each language shows it}, for the
    fields that let the database order by it; `read(field name)` gives a stored field's value."""
    keys = {}
    for language, field in localized_fields(f"{name}_sort").items():
        with translation.override(language):
            keys[field] = sort_key(in_active_language(read, name))
    return keys


def stored_order(name):
    """Order by `name` as readers expect it, in the active language: the sort key stored beside
    it (`<name>_sort_<language>`, see stored_sort_keys)."""
    return F(localized_field(f"{name}_sort", translated_language()))
