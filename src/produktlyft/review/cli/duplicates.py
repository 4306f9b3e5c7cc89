"""The duplicates commands: list the suggested pairs by group, confirm or reject a pair, and
re-fit, show or reset the duplicate weights."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.table import Table

from produktlyft.kernel.cli.state import STATE
from produktlyft.kernel.errors import ProduktlyftError
from produktlyft.review.cli.common import console, lang_option
from produktlyft.review.model import Decision

if TYPE_CHECKING:
    from produktlyft.review.services.views import Cluster

# the services pull in polars, scikit-learn and SciPy: imported inside the commands, so that
# `produktlyft --help` and the other commands start quickly

duplicates_app = typer.Typer(
    help="List suggested duplicates; confirm or reject them.", no_args_is_help=True
)
DECIDED = {Decision.CONFIRM: "confirmed", Decision.REJECT: "rejected"}
MAX_GROUPS = 100_000  # `duplicates list` shows every group on one page


@duplicates_app.command("list")
def list_duplicates(
    lang: str | None = typer.Option(
        None, "--lang", help="Language of the reasons and amounts: sv or en; default: the review's."
    ),
) -> None:
    """Show the latest review's suggested duplicates by group, dearest first: what each group
    costs, what keeping one would free, the system suggested to keep and every pair with its
    reason; then the decisions taken."""
    from produktlyft.review.presenter.wording import duplicate_reason, money
    from produktlyft.review.services.views import duplicates as duplicate_view

    view = duplicate_view(STATE.context(), per_page=MAX_GROUPS)
    if view is None:
        raise ProduktlyftError("no review has been run yet; run `produktlyft review` first")
    lang = lang_option(lang) or view.run.lang
    console.print(
        f"Review {view.run.id}: {view.pairs} suggested pair(s) in {view.clusters.total} group(s). "
        f"The groups cost {money(view.cost.total, lang)} a year; keeping one system per group "
        f"(the dearest) would free {money(view.cost.avoidable, lang)}."
    )
    for number, group in enumerate(view.clusters.items, start=1):
        table = Table(
            title=f"Group {number}: {group.name}",
            caption=_group_caption(group, lang),
            title_justify="left",
            caption_justify="left",
        )
        table.add_column("pair (ids)", overflow="fold")
        table.add_column("score")
        table.add_column("reason", overflow="fold")
        for found in group.pairs:
            pair, made = found.suggested, found.decision
            table.add_row(
                f"{pair.name_a} ({pair.system_a})\n{pair.name_b} ({pair.system_b})"
                + (f"\n{DECIDED[made.decision]} by {made.decided_by}" if made else ""),
                f"{pair.score:.2f}",
                duplicate_reason(pair, view.run.lang, lang).text,
            )
        console.print(table)
    for made, name_a, name_b in view.decisions:
        console.print(
            f"  {made.decision.value}: {name_a} ({made.system_a}) + {name_b} ({made.system_b}), "
            f"{made.decided_by}, {made.decided_at:%Y-%m-%d}"
        )


def _group_caption(group: Cluster, lang: str) -> str:
    """A group's cost, what keeping one would free and the system to keep."""
    from produktlyft.review.presenter.wording import money

    parts = [
        f"together {money(group.cost, lang)} a year",
        f"could be freed by keeping the dearest {money(group.freed, lang)}",
    ]
    if group.survivor:
        parts.append(f"suggested to keep: {group.survivor}")
    if group.unknown_costs:
        parts.append(f"{group.unknown_costs} without a recorded cost")
    return "; ".join(parts)


@duplicates_app.command("refit")
def refit() -> None:
    """Adjust the duplicate weights to the confirmed and rejected pairs (signals model), kept
    near the shipped ones; the next review uses them."""
    from produktlyft.review.services import duplicates as duplicate_service

    made = duplicate_service.refit_weights(STATE.context())
    if made.model == "trees":
        console.print(
            f"The shipped trees' score adjusted to {made.pairs} decided pairs (a weight per "
            "signal added to it, kept near none); used by the next review:"
        )
    else:
        console.print(
            f"Weights adjusted to {made.pairs} decided pairs (kept near the shipped ones); "
            "used by the next review:"
        )
    _print_weights(made.weights, made.intercept, made.threshold)


@duplicates_app.command("weights")
def show_duplicate_weights() -> None:
    """Show the duplicate weights in use (shipped, or re-fitted for this organisation)."""
    from produktlyft.review.services import duplicates as duplicate_service

    ctx = STATE.context()
    made = duplicate_service.current_weights(ctx)
    if made is None:
        console.print("Shipped weights (not adjusted to this organisation's decisions):")
        _print_weights(*duplicate_service.shipped_weights(ctx))
        trees = duplicate_service.shipped_tree_count(ctx)
        if trees:
            console.print(
                f"The shipped model scores pairs with {trees} decision trees over these signals; "
                "the weights rank each system's best match. A re-fit adds a weight per signal "
                "to the trees' score."
            )
        return
    what = "the trees' score adjusted" if made.model == "trees" else "weights adjusted"
    console.print(
        f"In use: {what} by {made.fitted_by} on {made.fitted_at:%Y-%m-%d} "
        f"to {made.pairs} decided pairs:"
    )
    _print_weights(made.weights, made.intercept, made.threshold)


@duplicates_app.command("reset")
def reset_duplicate_weights() -> None:
    """Forget the re-fitted duplicate weights; the next review uses the shipped ones."""
    from produktlyft.review.services import duplicates as duplicate_service

    duplicate_service.reset_weights(STATE.context())
    console.print("Back to the shipped duplicate weights.")


def _print_weights(weights: tuple[float, ...], intercept: float, threshold: float) -> None:
    from produktlyft.review.services.duplicates import signal_names

    for name, weight in zip(signal_names(), weights, strict=False):
        console.print(f"  {name:<24} {weight:+.3f}")
    console.print(
        f"  {'intercept':<24} {intercept:+.3f}\n"
        f"  {'threshold':<24} {threshold:.4f} (a review suggests pairs from this score; "
        "with a calibration set, it cuts each inventory's list where its expected F1 is best)"
    )


def _decide(a: str, b: str, decision: Decision, note: str | None) -> None:
    from produktlyft.review.services import duplicates as duplicate_service

    made = duplicate_service.decide_duplicate(STATE.context(), a, b, decision, note)
    console.print(
        f"{made.decision.value.capitalize()}ed: {made.system_a} and {made.system_b}; "
        "kept across re-runs and re-imports."
    )


@duplicates_app.command("confirm")
def confirm(
    a: str = typer.Argument(..., help="One system id."),
    b: str = typer.Argument(..., help="The other system id."),
    note: str | None = typer.Option(None, "--note", help="Why."),
) -> None:
    """Confirm that two systems overlap."""
    _decide(a, b, Decision.CONFIRM, note)


@duplicates_app.command("reject")
def reject(
    a: str = typer.Argument(..., help="One system id."),
    b: str = typer.Argument(..., help="The other system id."),
    note: str | None = typer.Option(None, "--note", help="Why."),
) -> None:
    """Reject a suggested pair: it is never suggested again."""
    _decide(a, b, Decision.REJECT, note)
