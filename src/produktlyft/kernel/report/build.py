"""Build the leadership report: render every section the areas declared with Jinja2, inside
the frame (cover and appendix) one area provides, and write HTML or (through WeasyPrint) PDF.

The composition root makes one `Report` from the areas; entry points reach it through the web
state or the CLI state, never by importing an area.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import NotFound, ProduktlyftError
from produktlyft.kernel.report.sections import (
    ReportContext,
    Section,
    SectionContent,
    StoryLine,
    join_parts,
)

_ENV = Environment(
    loader=PackageLoader("produktlyft.kernel.report", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
FORMATS = ("html", "pdf")
KEPT_REPORTS = 8  # made reports kept for downloads; older ones are removed
Progress = Callable[[str], None]


class ReportFrame(Protocol):
    """The cover and the appendix around the sections: what the report is about."""

    def prepare(self, rc: ReportContext, step: Progress) -> dict[str, Any]:
        """The template's values for the cover and appendix (`t`, `organisation`, `data`)."""
        ...

    def version(self, ctx: ServiceContext) -> str | None:
        """What the report is made from, to keep made reports by; None when nothing is."""
        ...


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ProduktlyftError(f"the report comes as html or pdf, not {fmt}")


def format_of(path: Path) -> str:
    """html for .html and .htm files, otherwise pdf."""
    return "html" if path.suffix.lower() in (".html", ".htm") else "pdf"


@dataclass(frozen=True)
class Report:
    frame: ReportFrame
    sections: tuple[Section, ...]
    story_lines: tuple[StoryLine, ...] = ()

    @classmethod
    def of(
        cls, frame: ReportFrame, sections: Iterable[Section], story_lines: Iterable[StoryLine]
    ) -> Report:
        ordered = sorted(sections, key=lambda s: (s.order, s.key))
        keys = [section.key for section in ordered]
        if len(set(keys)) != len(keys):
            raise ValueError(f"two report sections share a key: {keys}")
        return cls(frame, tuple(ordered), tuple(story_lines))

    def context(self, ctx: ServiceContext, lang: str) -> ReportContext:
        return ReportContext(lang=lang, service=ctx, story_lines=self.story_lines)

    def render_html(
        self, ctx: ServiceContext, lang: str = "sv", progress: Progress | None = None
    ) -> str:
        step = progress or (lambda _: None)
        context = self.context(ctx, lang)
        frame = self.frame.prepare(context, step)
        rendered: list[tuple[Section, SectionContent]] = []
        for section in self.sections:
            step(f"Writing {section.key}")
            content = section.render(context)
            if content is not None:
                rendered.append((section, content))
        css = (Path(__file__).parent / "templates" / "report.css").read_text(encoding="utf-8")
        return _ENV.get_template("report.html.j2").render(
            lang=lang, sections=join_parts(rendered), css=Markup(css), svg=Markup, **frame
        )

    def render(
        self,
        ctx: ServiceContext,
        *,
        lang: str = "sv",
        fmt: str = "pdf",
        progress: Progress | None = None,
    ) -> bytes:
        """The report as bytes, for a download from the web app."""
        _check_format(fmt)
        html = self.render_html(ctx, lang, progress)
        if fmt == "html":
            return html.encode("utf-8")
        if progress:
            progress("Typesetting the PDF")
        from weasyprint import HTML  # imported late: it loads Pango and fonts

        pdf: bytes = HTML(string=html).write_pdf()
        return pdf

    def for_download(self, ctx: ServiceContext, *, lang: str, fmt: str) -> bytes:
        """The report for the web app's download: made once per version of what it is made
        from (for the review: its run and the inventory state), language and format, and kept
        in the data folder (a PDF takes seconds to typeset)."""
        version = self.frame.version(ctx)
        if version is None:
            raise NotFound("no review has been run yet")
        folder = ctx.settings.resolved_data_dir() / "reports"
        path = folder / f"genomlysning-{version}-{lang}.{fmt}"
        if path.is_file():
            return path.read_bytes()
        content = self.render(ctx, lang=lang, fmt=fmt)
        folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(content)
        os.replace(temporary, path)
        made = sorted(folder.glob("genomlysning-*"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in made[KEPT_REPORTS:]:
            old.unlink(missing_ok=True)
        return content

    def write(
        self,
        ctx: ServiceContext,
        output: Path,
        *,
        lang: str = "sv",
        fmt: str = "pdf",
        progress: Progress | None = None,
    ) -> Path:
        content = self.render(ctx, lang=lang, fmt=fmt, progress=progress)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(content)
        return output

    def write_many(
        self,
        ctx: ServiceContext,
        outputs: Sequence[tuple[Path, str]],
        *,
        lang: str = "sv",
        progress: Progress | None = None,
    ) -> list[Path]:
        """The same report in several files (say a PDF and its HTML), gathered and rendered
        once."""
        for _, fmt in outputs:
            _check_format(fmt)
        html = self.render_html(ctx, lang, progress)
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
