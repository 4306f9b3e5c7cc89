"""Jinja2 rendering with gettext, locale-aware filters and the page's shared context.

Templates never hold user-facing text: they call `_()` (or `ngettext`) with an English message
id, translated through the merged gettext domains of `produktlyft.kernel.i18n`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from produktlyft.kernel import i18n
from produktlyft.kernel.cache import CacheRegistry, VersionedCache
from produktlyft.kernel.errors import Issue, Wording
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.labels import LabelledEnum

TEMPLATES = Path(__file__).parent / "templates"
_language: ContextVar[str] = ContextVar("language", default=i18n.DEFAULT_LANGUAGE)


def current_language() -> str:
    return _language.get()


def _gettext(message: str, **variables: Any) -> str:
    text = i18n.gettext(message, _language.get())
    return text % variables if variables else text


def _ngettext(singular: str, plural: str, count: int, **variables: Any) -> str:
    text = i18n.ngettext(singular, plural, count, _language.get())
    return text % {"num": count, **variables}


def _issue_text(said: Issue | Wording | str | None) -> Markup:
    """A problem or message in the reader's language when it was worded for translation;
    otherwise its English text, marked as English for screen readers."""
    if isinstance(said, Issue):
        said = Wording(said.template, said.params) if said.template else said.message
    if isinstance(said, Wording):
        text = i18n.gettext(said.template, _language.get())
        return escape(text.format(**dict(said.params)))
    return Markup('<span lang="en">{}</span>').format(said or "")


def _issue_where(issue: Issue) -> str:
    """Where a problem is, in the reader's language (the part before its description)."""
    parts = [issue.file] if issue.file else []
    if issue.sheet:
        parts.append(_gettext(N_("sheet '%(name)s'"), name=issue.sheet))
    if issue.row is not None:
        parts.append(_gettext(N_("row %(number)s"), number=issue.row))
    if issue.line is not None:
        parts.append(_gettext(N_("line %(number)s"), number=issue.line))
    if issue.column:
        parts.append(_gettext(N_("column '%(name)s'"), name=issue.column))
    if issue.element:
        parts.append(_gettext(N_("element '%(id)s'"), id=issue.element))
    if issue.location:
        parts.append(issue.location)
    return ", ".join(parts)


def _label(value: Any, fallback: str = "") -> str:
    """The label of a coded value in the current language; codes of LabelledEnums only."""
    if value is None or value == "":
        return fallback
    if isinstance(value, LabelledEnum):
        return value.label(_language.get())
    return str(value)


def _date(value: date | datetime | None, style: str = "medium") -> str:
    return i18n.format_date(value, _language.get(), style)


def _number(value: float | None, digits: int = 0) -> str:
    return i18n.format_number(value, _language.get(), digits)


def _money(value: float | None) -> str:
    return i18n.format_money(value, _language.get())


def _share(value: float) -> str:
    return i18n.format_share(value, _language.get())


ROLE_LABELS = {
    "viewer": N_("viewer"),
    "editor": N_("editor"),
    "analyst": N_("analyst"),
    "admin": N_("admin"),
}

ACTION_LABELS = {
    "create": N_("created"),
    "update": N_("updated"),
    "delete": N_("deleted"),
    "sign_in": N_("signed in"),
    "sign_in_failed": N_("failed sign-in"),
    "sign_out": N_("signed out"),
}


def _role(value: Any) -> str:
    return _gettext(ROLE_LABELS.get(str(value), str(value)))


def pages_around(current: int, last: int, width: int = 2) -> list[int | None]:
    """Page numbers to offer: the first, the last and a few around the current one."""
    shown = {1, last, *range(max(1, current - width), min(last, current + width) + 1)}
    numbers: list[int | None] = []
    for number in sorted(shown):
        if numbers and numbers[-1] is not None and number - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


def _field_name(_entity: str, field: str) -> str:
    return field


OPTION_LISTS = 2000  # lists and selections kept in the "web.options" cache


def _options_html(options: list[Any], selected: str | None) -> Markup:
    return Markup("").join(
        Markup('<option value="{}"{}>{}</option>').format(
            option.id, Markup(" selected") if option.id == selected else "", option.name
        )
        for option in options
    )


def option_tags(cache: VersionedCache, options: list[Any], selected: str | None) -> Markup:
    """`<option>` elements for id/name pairs, built once per list and selection: the filter
    lists of units and capabilities are long and shown on every list page. Keyed by the
    pairs themselves, not by the list object: with the page cache off every request reads a
    new list of the same units, and formatting a hundred options each time was a third of
    the list page's time (issue 15). Hashing the pairs costs microseconds."""
    pairs = tuple((option.id, option.name) for option in options)
    return cache.get_or_build("", 0, (pairs, selected), lambda: _options_html(options, selected))


def _iso(value: date | datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def build_environment(
    caches: CacheRegistry,
    template_folders: Sequence[Path] = (),
    template_globals: Mapping[str, Callable[..., Any]] | None = None,
) -> Environment:
    """The pages' Jinja2 environment: the kernel's templates and each area's folder, the
    formatting filters, and the helpers areas offer their templates (`template_globals`)."""
    env = Environment(
        loader=FileSystemLoader([TEMPLATES, *template_folders]),
        autoescape=select_autoescape(["html", "svg"]),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        role_label=_role,
        label=_label,
        date=_date,
        number=_number,
        money=_money,
        share=_share,
        iso=_iso,
        issue_text=_issue_text,
        issue_where=_issue_where,
    )
    env.globals["Markup"] = Markup
    env.globals["pages_around"] = pages_around
    env.globals["field_label"] = _field_name  # an area that knows its fields' labels overrides it
    env.globals["option_tags"] = partial(option_tags, caches.named("web.options", OPTION_LISTS))
    env.globals.update(template_globals or {})
    env.globals["action_labels"] = ACTION_LABELS
    return env


class Renderer:
    """Renders a template for a request, with the language and page furniture set."""

    def __init__(
        self,
        caches: CacheRegistry,
        template_folders: Sequence[Path] = (),
        template_globals: Mapping[str, Callable[..., Any]] | None = None,
    ) -> None:
        self.env = build_environment(caches, template_folders, template_globals)

    def compile_all(self) -> int:
        """Compile every page template now, so that no visitor waits for it (30 ms or so for
        each template's first use, and the first requests after a start queue behind them)."""
        names = self.env.list_templates(filter_func=lambda name: name.endswith((".html", ".svg")))
        for name in names:
            self.env.get_template(name)
        return len(names)

    def render(
        self,
        request: Request,
        template: str,
        status_code: int = 200,
        headers: dict[str, str] | None = None,
        **context: Any,
    ) -> HTMLResponse:
        lang = request.state.lang
        token = _language.set(lang)
        try:
            html = self.env.get_template(template).render(
                request=request, lang=lang, page=request.state.page, **context
            )
        finally:
            _language.reset(token)
        return HTMLResponse(html, status_code=status_code, headers=headers)
