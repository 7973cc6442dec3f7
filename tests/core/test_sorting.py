"""Sort keys: pinyin for Chinese, no leading quotation marks or English article."""

from core.sorting import sort_key


def test_chinese_sorts_by_pinyin():
    names = ["万仙山", "八里沟", "宝泉", "百泉", "长垣市", "新乡"]
    assert sorted(names, key=sort_key) == ["八里沟", "百泉", "宝泉", "长垣市", "万仙山", "新乡"]


def test_leading_quotation_marks_and_articles_do_not_count():
    assert sort_key("“京津冀”协同") == sort_key("京津冀”协同")
    assert sort_key('"Made in Xinxiang"') < sort_key("Shanghai")
    assert sort_key("the Yangtze River Delta") == sort_key("Yangtze River Delta")
    assert sort_key("3D打印") < sort_key("百泉") < sort_key("G30沿线") < sort_key("新乡")
