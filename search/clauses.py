"""Plan clause references in queries and documents: 第三章, 第三章第二节, 专栏2, Chapter 3,
Section 3.2, Box 2.

A page is indexed with the keys of the clauses it cites (`clauses`) and of the clause whose text
it publishes (`clause_own`): "ch3", "ch3-s2", "box2". A query's clause references become the same
keys, so a search for 第三章 finds every page citing chapter 3, the chapter's own page first.
"""

import re

CHINESE_DIGITS = {c: n for n, c in enumerate("零一二三四五六七八九")}
NUMBER = r"(\d{1,3}|[零一二三四五六七八九十]{1,3})"
REFERENCE = re.compile(
    rf"第\s*{NUMBER}\s*章(?:\s*第\s*{NUMBER}\s*节)?"
    rf"|专栏\s*{NUMBER}"
    r"|\bchapter\s*(\d{1,3})(?:\s*[,，]?\s*section\s*(\d{1,3}))?\b"
    r"|\bsection\s*(\d{1,3})\s*\.\s*(\d{1,3})\b"
    r"|\bbox\s*(\d{1,3})\b",
    re.IGNORECASE,
)


def number(text):
    """An Arabic or Chinese numeral (三, 十二, 二十) as an int."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _ten, units = text.partition("十")
        return CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(units, 0)
    return CHINESE_DIGITS[text]


def key(chapter=None, section=None, box=None):
    if box:
        return f"box{box}"
    if chapter and section:
        return f"ch{chapter}-s{section}"
    return f"ch{chapter}" if chapter else ""


def cited(chapter=None, section=None, box=None):
    """Keys a page citing this clause is found under: the chapter, its section, its box."""
    keys = [key(chapter), key(chapter, section) if section else "", key(box=box)]
    return [k for k in keys if k]


def parse(text):
    """(clause keys referred to in `text`, `text` without those references)."""
    keys = []
    for match in REFERENCE.finditer(text):
        zh_chapter, zh_section, zh_box, chapter, section, dotted_chapter, dotted_section, box = (
            match.groups()
        )
        if zh_box or box:
            keys.append(key(box=number(zh_box or box)))
        elif dotted_chapter:
            keys.append(key(number(dotted_chapter), number(dotted_section)))
        else:
            section = zh_section or section
            keys.append(key(number(zh_chapter or chapter), number(section) if section else None))
    return keys, REFERENCE.sub(" ", text)
