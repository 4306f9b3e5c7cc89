"""`produktlyft survey …`: create rounds, hand out links, close, report, and answer by file.

Standard output carries only what scripts need (the round id, the answer links); notes and
tables go to standard error or are printed for people.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from produktlyft.kernel.cli.state import STATE
from produktlyft.kernel.errors import InvalidInput, Issue
from produktlyft.surveys.model import GroupResult, RoundMode, SurveyReport, current_instruments
from produktlyft.surveys.services.answers import submit_answer
from produktlyft.surveys.services.exports import (
    write_links_csv,
    write_links_sheet,
    write_report_json,
)
from produktlyft.surveys.services.readiness import import_dimios, readiness_view
from produktlyft.surveys.services.reports import group_trend, survey_report
from produktlyft.surveys.services.rounds import (
    add_evidence,
    close_round,
    create_round,
    generate_links,
    list_rounds,
)

out = Console(highlight=False, soft_wrap=True)
notes = Console(highlight=False, stderr=True, soft_wrap=True)
survey_app = typer.Typer(
    help="Anonymous culture, readiness and team surveys.", no_args_is_help=True
)


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(
            f"'{text}' is not a date written YYYY-MM-DD", param_hint=option
        ) from None


@survey_app.command()
def create(
    instrument: str = typer.Option(
        ..., "--instrument", "-i", help="Comma-separated: " + ", ".join(current_instruments()) + "."
    ),
    team: list[str] = typer.Option(
        ...,
        "--team",
        "-t",
        help="A team or unit (inventory id or name); repeat for more. Unknown names are created.",
    ),
    close: str = typer.Option(..., "--close", help="Closing day, YYYY-MM-DD."),
    opens: str | None = typer.Option(None, "--opens", help="Opening day (default today)."),
    min_group: int | None = typer.Option(
        None,
        "--min-group",
        help="Minimum group size k (default the organisation's, never below 3).",
    ),
    title: str | None = typer.Option(None, "--title", help="The round's title."),
    mode: RoundMode = typer.Option(
        RoundMode.AGGREGATE,
        "--mode",
        help="aggregate (default: no answer rows kept) or rows (needs --legal-basis).",
    ),
    legal_basis: str | None = typer.Option(
        None, "--legal-basis", help="The legal basis for keeping answer rows."
    ),
) -> None:
    """Create a survey round and print its id."""
    closes = _day(close, "--close")
    assert closes is not None
    created = create_round(
        STATE.context(),
        instruments=[p for p in instrument.split(",") if p.strip()],
        groups=team,
        closes_on=closes,
        opens_on=_day(opens, "--opens"),
        min_group=min_group,
        title=title,
        mode=mode,
        legal_basis=legal_basis,
    )
    for note in created.notes:
        notes.print(f"[yellow]note[/] {note}")
    answering = [g.name for g in created.groups if g.answerable]
    notes.print(
        f"Round '{created.round.title}' opens {created.round.opens_on}, closes "
        f"{created.round.closes_on}, k = {created.round.min_group}; groups: "
        f"{', '.join(answering)}."
    )
    print(created.round.id)


@survey_app.command()
def links(
    round_id: str = typer.Argument(..., help="The round id."),
    team: str = typer.Option(..., "--team", "-t", help="The answering team or unit."),
    count: int = typer.Option(..., "--count", "-n", help="How many links."),
    csv_path: Path | None = typer.Option(None, "--csv", help="Also write a CSV for mail merge."),
    sheet: Path | None = typer.Option(
        None, "--sheet", help="Also write a printable HTML sheet of slips with QR codes."
    ),
    lang: str = typer.Option("sv", "--lang", help="Language of the sheet: sv or en."),
) -> None:
    """Make single-use answer links and print them, one per line, relative to the server."""
    ctx = STATE.context()
    batch = generate_links(ctx, round_id, team, count)
    base = ctx.settings.public_base_url
    if csv_path:
        write_links_csv(batch, csv_path, base)
    if sheet:
        write_links_sheet(batch, sheet, base, lang)
    for note in batch.notes:
        notes.print(f"[yellow]note[/] {note}")
    print("\n".join(batch.paths))


@survey_app.command("close")
def close_(round_id: str = typer.Argument(..., help="The round id.")) -> None:
    """Close a round now: no more answers, links deleted, results final."""
    round_ = close_round(STATE.context(), round_id)
    notes.print(f"Round {round_.id} closed on {round_.closed_on}; its results are final.")


@survey_app.command("list")
def list_() -> None:
    """List the survey rounds."""
    table = Table(title="Survey rounds")
    for header in ("id", "title", "status", "opens", "closes", "k", "instruments"):
        table.add_column(header)
    for round_, status in list_rounds(STATE.context()):
        table.add_row(
            round_.id,
            round_.title,
            status.value,
            str(round_.opens_on),
            str(round_.closes_on),
            str(round_.min_group),
            ", ".join(r.code for r in round_.instruments),
        )
    out.print(table)


@survey_app.command()
def report(
    round_id: str = typer.Argument(..., help="The round id."),
    json_path: Path | None = typer.Option(None, "--json", help="Write the report as JSON."),
    group: list[str] = typer.Option(
        [],
        "--group",
        "-g",
        help="Show one combined result for these groups instead (a filter); repeat for more.",
    ),
    lang: str | None = typer.Option(None, "--lang", help="sv or en."),
) -> None:
    """Show the round's results with every anonymity rule applied."""
    result = survey_report(STATE.context(), round_id, lang=lang, groups=group or None)
    if json_path:
        write_report_json(result, json_path)
        notes.print(f"Report written to {json_path}.")
    print_report(result)


def _fmt(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def print_report(result: SurveyReport) -> None:
    codes = sorted({code for g in result.groups for code in g.scales})
    table = Table(
        title=f"{result.round.title} ({result.status.value}, k = {result.round.min_group})"
    )
    table.add_column("group")
    table.add_column("n", justify="right")
    for code in codes:
        table.add_column(f"{code}\nmean [95 % CI] α", justify="right")
    for group in result.groups:
        table.add_row(
            "  " * group.depth + group.name, _n(group), *[_cell(group, code) for code in codes]
        )
    out.print(table)
    out.print(
        "Hidden: fewer than k answers, or showing it would let someone work out a "
        "hidden group or a few answers. α below .70 is marked !."
    )


def _n(group: GroupResult) -> str:
    return "hidden" if group.suppressed or group.n is None else str(group.n)


def _cell(group: GroupResult, code: str) -> str:
    scale = group.scales.get(code)
    if group.suppressed or scale is None or scale.suppressed:
        return "hidden"
    flag = "!" if scale.alpha_low else ""
    interval = f"[{_fmt(scale.ci_low)}–{_fmt(scale.ci_high)}]"
    return f"{_fmt(scale.mean)} {interval} {_fmt(scale.alpha)}{flag}"


@survey_app.command()
def answer(
    token: str = typer.Argument(..., help="The link's token, or the link itself."),
    answers: Path = typer.Option(
        ..., "--answers", help="A JSON object: field name -> answer ('1'…'7' or 'skip')."
    ),
) -> None:
    """Answer through a link from a file (for tests and load checks)."""
    try:
        fields = json.loads(answers.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InvalidInput(
            [Issue(file=answers.name, message=f"not a readable JSON object: {error}")]
        ) from None
    if not isinstance(fields, dict):
        raise InvalidInput([Issue(file=answers.name, message="expected a JSON object")])
    receipt = submit_answer(STATE.context(), token, {str(k): str(v) for k, v in fields.items()})
    notes.print(f"Answer recorded ({receipt.answered} answered, {receipt.skipped} skipped).")


@survey_app.command()
def trend(
    team: str = typer.Option(..., "--team", "-t", help="The team or unit."),
    lang: str | None = typer.Option(None, "--lang", help="sv or en."),
) -> None:
    """A team's results round by round beside the organisation's (its own history)."""
    result = group_trend(STATE.context(), team, lang=lang)
    table = Table(title=f"{result.group_name}: its own history and the organisation")
    for header in ("round", "closes", "group n", "scale", "group mean", "organisation", "change"):
        table.add_column(header)
    for point in result.points:
        for code, scale in point.group.scales.items() or {"–": None}.items():
            org = point.organisation.scales.get(code)
            change = point.changes.get(code)
            table.add_row(
                point.round_title,
                str(point.closes_on),
                _n(point.group),
                code,
                "hidden" if scale is None or scale.suppressed else _fmt(scale.mean),
                "hidden" if org is None or org.suppressed else _fmt(org.mean),
                "" if change is None else f"{change[0]:+.2f} (p {_fmt(change[1], 3)})",
            )
    out.print(table)


@survey_app.command()
def readiness(
    round_id: str = typer.Argument(..., help="A round with the readiness instrument."),
    lang: str | None = typer.Option(None, "--lang", help="sv or en."),
) -> None:
    """The organisation's readiness per challenge, and the next steps it points at."""
    view = readiness_view(STATE.context(), round_id, lang)
    if not view.shown:
        out.print("The organisation's result is hidden: too few answers so far.")
    for result in view.challenges:
        scale = result.scale
        out.print(
            f"{result.label}: "
            + (
                "hidden"
                if scale.suppressed
                else f"{_fmt(scale.mean)} of 5 [{_fmt(scale.ci_low)}–{_fmt(scale.ci_high)}]"
            )
        )
    for step in view.next_steps:
        out.print(f"\n[bold]{step.label}[/]: {step.advice}")
        for item in step.because:
            out.print(f"  because {_fmt(item.mean)}: {item.text}")
    for score in view.dimios:
        out.print(
            f"DiMiOS {score.scope} {score.dimension}: {score.score:g}"
            + (f" ({score.quadrant})" if score.quadrant else "")
        )


@survey_app.command()
def evidence(
    round_id: str = typer.Argument(..., help="A round with the Service Standard assessment."),
    team: str = typer.Option(..., "--team", "-t", help="The team whose service it is."),
    point: int = typer.Option(..., "--point", help="The Service Standard point, 1–14."),
    url: str = typer.Option(..., "--url", help="Link to the evidence."),
    note: str | None = typer.Option(None, "--note", help="What the link shows."),
) -> None:
    """Record evidence for a Service Standard point (openly, under your name)."""
    recorded = add_evidence(STATE.context(), round_id, team, point, url, note)
    notes.print(f"Evidence for point {point} recorded by {recorded.added_by}.")


@survey_app.command("import-dimios")
def import_dimios_(
    path: Path = typer.Argument(..., help="CSV or .xlsx with dimension and score columns."),
    scope: str | None = typer.Option(
        None, "--scope", help="Whom the scores are for, when the file has no scope column."
    ),
) -> None:
    """Import your organisation's own DiMiOS dimension scores, to show beside readiness."""
    count = import_dimios(STATE.context(), path, scope)
    notes.print(f"Imported {count} DiMiOS score(s) from {path.name}.")


def register(app: typer.Typer) -> None:
    app.add_typer(survey_app, name="survey")
