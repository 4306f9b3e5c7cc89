"""Checking a user's product catalogue file (the shape of `review/data/products.json`) before
a review reads it: each problem names the entry and the field, and an unknown function id comes
with the id the user probably meant. Pure."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping

from produktlyft.review.analysis.duplicates_signals import Function
from produktlyft.review.analysis.duplicates_text import words

LIST_FIELDS = ("aliases", "functions", "successors")
TEXT_FIELDS = ("vendor", "source")


def user_product_problems(
    raw: object, known_functions: Mapping[str, Function] | Collection[str]
) -> list[str]:
    """What is wrong with a user's product catalogue (parsed JSON), each problem naming the
    entry and field; empty when it can be used. An unknown function id comes with the id the
    user probably meant, where one is near (a term of a function, its name or a similar id)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("products"), list):
        return ['expected an object with a "products" list, as in review/data/products.json']
    problems = []
    for number, entry in enumerate(raw["products"], start=1):
        where = f"products[{number}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected an object")
            continue
        name = entry.get("product")
        if not isinstance(name, str) or not words(name):
            problems.append(f'{where}: "product" must be a non-empty name')
        else:
            where = f"{where} ({name})"
        problems += [
            f'{where}: "{key}" must be text'
            for key in TEXT_FIELDS
            if key in entry and not isinstance(entry[key], str)
        ]
        for key in LIST_FIELDS:
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append(f'{where}: "{key}" must be a list of texts')
        functions = entry.get("functions", [])
        unknown = sorted(
            {f for f in functions if isinstance(f, str)} - set(known_functions)
            if isinstance(functions, list)
            else set()
        )
        if unknown:
            named = ", ".join(_with_guess(u, known_functions) for u in unknown)
            problems.append(
                f'{where}: unknown function(s) {named} in "functions" (the ids are those of '
                "review/data/functions.json)"
            )
    return problems


def _with_guess(unknown: str, known: Mapping[str, Function] | Collection[str]) -> str:
    """`unknown`, with "(did you mean ID?)" where a function is near: one that has it as a
    term or name ("payroll", "Lokalbokning"), else an id spelt nearly alike ("hr_loen")."""
    wanted = unknown.strip().casefold()
    if isinstance(known, Mapping):
        for function in known.values():
            names = (function.sv, function.en, *function.labels)
            if any(name.casefold() == wanted for name in names):
                return f"{unknown} (did you mean {function.id}?)"
    near = difflib.get_close_matches(wanted, sorted(known), n=1, cutoff=0.8)
    return f"{unknown} (did you mean {near[0]}?)" if near else unknown
