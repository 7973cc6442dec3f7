from django import template

from home.indicator_progress import indicator_progress as progress_of

register = template.Library()


@register.simple_tag
def indicator_progress(indicators):
    """[Progress] of each indicator (home/indicator_progress.py), for the progress chart."""
    return progress_of(indicators)
