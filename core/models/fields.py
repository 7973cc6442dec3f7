"""Named constructors for the field kinds the models declare again and again. Each returns the
field as it would be spelled out, so migrations see no difference; labels and help texts stay at
the declaration."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalManyToManyField


def optional_link(to, verbose_name=None, on_delete=models.SET_NULL, **kwargs):
    """A link an editor may leave empty; deleting what it points to empties it, by default."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, null=True, blank=True, on_delete=on_delete, **kwargs
    )


def emptied_link(to, verbose_name=None, **kwargs):
    """A link that lets what it points to be deleted: it becomes empty, and this row stays."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, null=True, on_delete=models.SET_NULL, **kwargs
    )


def optional_links(to, verbose_name, **kwargs):
    """Links to any number of snippets or pages, or none, saved with the page's revisions."""
    return ParentalManyToManyField(to, blank=True, verbose_name=verbose_name, **kwargs)


def optional_line(verbose_name, max_length=255, **kwargs):
    """A line of text that may be left empty."""
    return models.CharField(verbose_name, max_length=max_length, blank=True, **kwargs)


def optional_number(verbose_name, **kwargs):
    """A small whole number (a chapter, a month) that is not always known."""
    return models.PositiveSmallIntegerField(verbose_name, null=True, blank=True, **kwargs)


def optional_date(verbose_name, **kwargs):
    return models.DateField(verbose_name, null=True, blank=True, **kwargs)


def optional_datetime(verbose_name, **kwargs):
    return models.DateTimeField(verbose_name, null=True, blank=True, **kwargs)


def coordinate(verbose_name, limit, **kwargs):
    """Decimal degrees (WGS84) to five places, about a metre, between -limit and limit."""
    return models.DecimalField(
        verbose_name,
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-limit), MaxValueValidator(limit)],
        **kwargs,
    )


def choice(verbose_name, choices, **kwargs):
    """One value of a TextChoices class; 20 characters hold every value the models define."""
    return models.CharField(verbose_name, max_length=20, choices=choices.choices, **kwargs)
