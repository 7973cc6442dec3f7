"""CSV files that are safe to open in a spreadsheet.

A cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return, which some programs skip
before looking for one) is run as a formula by Excel, LibreOffice and Google Sheets:
`=HYPERLINK(…)` in an investor's enquiry would become a live link in the staff's sheet. Such a
cell gets a leading apostrophe, which spreadsheets show as text and do not display (OWASP's
advice for CSV injection).

Wagtail streams a CSV file after the view has returned, outside the admin user's language (the
site's default, Chinese, instead): each row is written back in the language of the request.
"""

from django.utils import translation
from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeCsvExportMixin(SpreadsheetExportMixin):
    """Wagtail's admin export, with every CSV cell passed through safe_cell (xlsx cells are
    already written as text by Wagtail), and CSV headings and cells in the admin's language."""

    def stream_csv(self, queryset):
        language = translation.get_language()  # called in the view, read from after it
        rows = super().stream_csv(queryset)

        def next_row():
            with translation.override(language):
                return next(rows, None)

        return iter(next_row, None)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value
