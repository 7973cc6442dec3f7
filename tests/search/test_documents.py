"""What each language's index document holds, and which of its fields the queries read."""

import json

import pytest

from search import analysis
from search.documents import chinese_fields, index_source
from search.query import matching

CHINESE_ONLY = set(chinese_fields("", ""))
PAGE = {
    "page_id": 1,
    "plan_key": "wanxianshan",
    "kind": "attraction",
    "strategy_area": [],
    "county": ["huixian"],
    "sector": [],
    "clauses": [],
    "clause_own": [],
    "date": None,
}
TEXT = {
    "zh-hans": ("万仙山", "万仙山位于辉县，以郭亮挂壁公路闻名。"),
    "en": ("Wanxianshan", "Wanxianshan lies in Huixian, known for the Guoliang cliff road."),
}


def source(language):
    other = "en" if language == "zh-hans" else "zh-hans"
    fields = {
        **PAGE,
        "title": TEXT[language][0],
        "body": TEXT[language][1],
        "other_title": TEXT[other][0],
        "url": f"/{language}/wanxianshan/",
    }
    return index_source(fields, language)


def test_only_the_chinese_document_has_the_chinese_only_fields():
    chinese, english = source("zh-hans"), source("en")
    assert chinese.keys() >= CHINESE_ONLY
    assert not CHINESE_ONLY & english.keys()
    assert chinese["body_pinyin_pairs"].split()[:3] == ["wan_xian", "xian_shan", "shan_wei"]
    # Both indices keep the pinyin of the Chinese title (pinyin queries and typos on either site).
    assert chinese["pinyin_exact"] == english["pinyin_exact"] == "wanxianshan"


def test_syllable_pairs_stay_inside_a_run_of_han_characters():
    assert analysis.pinyin_pairs("比干庙，八里沟") == ["bi_gan", "gan_miao", "ba_li", "li_gou"]
    assert analysis.pinyin_pairs("河") == []


@pytest.mark.without_plan
@pytest.mark.django_db
@pytest.mark.parametrize("text", ["黄河", "比甘庙", "八沟", "Yellow River", "新乡 new energy"])
def test_english_searches_never_read_the_fields_the_english_document_lacks(text):
    """So leaving them out of the English index cannot change an English search's results."""
    asked = json.dumps(matching(text, "en").to_dict(), ensure_ascii=False)
    assert not [name for name in CHINESE_ONLY if f'"{name}"' in asked]
    if analysis.HAN_RUN.search(text):  # the Chinese index does read them
        chinese = json.dumps(matching(text, "zh-hans").to_dict(), ensure_ascii=False)
        assert [name for name in CHINESE_ONLY if f'"{name}"' in chinese]
