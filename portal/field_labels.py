"""Labels of the per-language fields: "Title (Chinese)" / "标题（中文）", not "title [zh-hans]".

wagtail-modeltranslation builds each label lazily, so this runs in the admin's language.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext

LANGUAGE_NAMES = {
    "zh-hans": lambda: pgettext("field label", "Chinese"),
    "en": lambda: pgettext("field label", "English"),
}


def localized_field_label(verbose_name, lang):
    language = LANGUAGE_NAMES[lang]() if lang in LANGUAGE_NAMES else lang
    return gettext("%(field)s (%(language)s)") % {
        "field": capfirst(verbose_name),
        "language": language,
    }
