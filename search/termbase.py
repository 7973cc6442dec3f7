"""Query expansion from the editors' termbase (SearchTerm snippets).

A query part that contains any name of a term (京津冀, Beijing-Tianjin-Hebei, Jing-Jin-Ji) also
searches for the term's other names, analysed for the index's language. The termbase is read at
query time from Django's cache, which a saved or deleted term clears: edits need no rebuild.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from search import analysis
from search.models import SearchTerm

CACHE_KEY = "search:termbase:analysed"  # renamed when what it holds changes


def comparable(text):
    """Han text without spaces, or Latin words lowercased and unstemmed, space-separated."""
    if analysis.HAN_RUN.search(text):
        return analysis.normalise(text)
    return " ".join(analysis.LATIN_WORD.findall(text.lower()))


def script(text):
    return "zh-hans" if analysis.HAN_RUN.search(text) else "en"


def entries():
    """[(comparable forms, [(script, tokens)] of the forms)] for every term, analysed once and
    cached until a term changes."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = []
        for term in SearchTerm.objects.all():
            forms = term.forms()
            analysed = [(script(form), analysis.tokens(form, script(form))) for form in forms]
            found.append(([comparable(form) for form in forms], analysed))
        cache.set(CACHE_KEY, found, timeout=None)
    return found


@receiver(post_save, sender=SearchTerm)
@receiver(post_delete, sender=SearchTerm)
def forget_termbase(**kwargs):
    cache.delete(CACHE_KEY)


def expansions(part):
    """[(share, [(script, tokens)])]: for every term that `part` of a query mentions, how much
    of the part its name covers (1: the part is the term), and every name of it, in both
    languages."""
    text = comparable(part)
    padded = f" {text} "
    found = []
    for comparables, analysed in entries():
        named = [
            form
            for form in comparables
            if form and (form in text if analysis.HAN_RUN.search(form) else f" {form} " in padded)
        ]
        if named:
            found.append((max(map(len, named)) / len(text), analysed))
    return found
