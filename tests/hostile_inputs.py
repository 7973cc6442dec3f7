"""Hostile query strings that every endpoint taking GET parameters must turn away cleanly: markup,
values of the wrong type, numbers past any page or the database's integer range, a NUL
character, and parameters it does not know. Each test says what its endpoint does with them (the
opportunity listing ignores them, API v2 answers a JSON 400)."""

HOSTILE_QUERIES = [
    {"sector": "<script>alert(1)</script>"},
    {"area": "abc", "county": "1.5", "region": "-1"},
    {"kind": "rocket", "stage": ["", "x"]},
    {"unknown": "1", "sort": "'; DROP TABLE"},
    {"page": "abc"},
    {"page": "999999"},
    {"page": "-3"},
    {"offset": "100000000000000000000"},
    {"offset": "10001"},
    {"limit": "100000000000000000000"},
    {"offset": "-1"},
    {"id": "99999999999999999999"},
    {"search": "a\x00b"},
]
