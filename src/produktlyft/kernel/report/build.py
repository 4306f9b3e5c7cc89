"""Build the leadership report: gather the data, render every registered section with Jinja2,
and write HTML or (through WeasyPrint) PDF."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import NotFound, ProduktlyftError
from produktlyft.kernel.report.sections import ReportContext, SectionContent, sections
from produktlyft.review.report_texts import t
from produktlyft.review.services.report_data import gather_report_data
from produktlyft.review.services.views import report_version

_ENV = Environment(
    loader=PackageLoader("produktlyft.kernel.report", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(
    ctx: ServiceContext, lang: str = "sv", progress: Callable[[str], None] | None = None
) -> str:
    step = progress or (lambda _: None)
    step("Gathering the review")
    data = gather_report_data(ctx, lang=lang)
    context = ReportContext(lang=lang, data=data, service=ctx)
    rendered: list[SectionContent] = []
    for section in sections():
        step(f"Writing {section.key}")
        content = section.render(context)
        if content is not None:
            rendered.append(content)
    css = (Path(__file__).parent / "templates" / "report.css").read_text(encoding="utf-8")
    return _ENV.get_template("report.html.j2").render(
        lang=lang,
        t=lambda key, **kw: t(lang, key, **kw),
        data=data,
        sections=rendered,
        css=Markup(css),
        svg=Markup,
        organisation=data.organisation or "",
    )


def render_report(
    ctx: ServiceContext,
    *,
    lang: str = "sv",
    fmt: str = "pdf",
    progress: Callable[[str], None] | None = None,
) -> bytes:
    """The report as bytes, for a download from the web app."""
    if fmt not in ("html", "pdf"):
        raise ProduktlyftError(f"the report comes as html or pdf, not {fmt}")
    html = render_html(ctx, lang, progress)
    if fmt == "html":
        return html.encode("utf-8")
    if progress:
        progress("Typesetting the PDF")
    from weasyprint import HTML  # imported late: it loads Pango and fonts

    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


KEPT_REPORTS = 8  # made reports kept for downloads; older ones are removed


def report_for_download(ctx: ServiceContext, *, lang: str, fmt: str) -> bytes:
    """The report for the web app's download: made once per review run, inventory state,
    language and format, and kept in the data folder (a PDF takes seconds to typeset)."""
    version = report_version(ctx)
    if version is None:
        raise NotFound("no review has been run yet")
    folder = ctx.settings.resolved_data_dir() / "reports"
    path = folder / f"genomlysning-{version}-{lang}.{fmt}"
    if path.is_file():
        return path.read_bytes()
    content = render_report(ctx, lang=lang, fmt=fmt)
    folder.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)
    for old in sorted(folder.glob("genomlysning-*"), key=lambda p: p.stat().st_mtime, reverse=True)[
        KEPT_REPORTS:
    ]:
        old.unlink(missing_ok=True)
    return content


def write_report(
    ctx: ServiceContext,
    output: Path,
    *,
    lang: str = "sv",
    fmt: str = "pdf",
    progress: Callable[[str], None] | None = None,
) -> Path:
    content = render_report(ctx, lang=lang, fmt=fmt, progress=progress)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(content)
    return output


def format_of(path: Path) -> str:
    """html for .html and .htm files, otherwise pdf."""
    return "html" if path.suffix.lower() in (".html", ".htm") else "pdf"


def write_reports(
    ctx: ServiceContext,
    outputs: Sequence[tuple[Path, str]],
    *,
    lang: str = "sv",
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """The same report in several files (say a PDF and its HTML), gathered and rendered once."""
    for _, fmt in outputs:
        if fmt not in ("html", "pdf"):
            raise ProduktlyftError(f"the report comes as html or pdf, not {fmt}")
    html = render_html(ctx, lang, progress)
    for output, fmt in outputs:
        output.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "html":
            output.write_text(html, encoding="utf-8")
            continue
        if progress:
            progress("Typesetting the PDF")
        from weasyprint import HTML

        HTML(string=html, base_url=str(output.parent)).write_pdf(output)
    return [output for output, _ in outputs]
