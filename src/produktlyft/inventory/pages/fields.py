"""What the inventory offers every page template: a record field's label."""

from __future__ import annotations

from produktlyft.inventory.template import SHEETS_BY_KEY
from produktlyft.kernel.web.rendering import current_language


def field_label(entity: str, field: str) -> str:
    """A record field's label in the current language, from the import template's headers."""
    lang = current_language()
    sheet = SHEETS_BY_KEY.get(entity)
    for column in sheet.columns if sheet else ():
        if column.field == field:
            return column.header(lang)
    return field
