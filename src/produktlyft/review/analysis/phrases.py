"""Number and list helpers the workflow and culture report sections still import from here.

The review words its own results in `review.presenter.wording` (with Babel formatting); these
stay only until those areas format through the kernel's i18n too.
"""

from __future__ import annotations

from collections.abc import Sequence

from produktlyft.kernel.i18n import N_, gettext

AND = N_("and")  # Swedish in review.po


def number(value: float, lang: str, decimals: int = 0) -> str:
    """Thousands grouped as each language writes them (sv: thin space, decimal comma)."""
    formatted = f"{value:,.{decimals}f}"
    if lang == "sv":
        return formatted.replace(",", "\u00a0").replace(".", ",")
    return formatted


def join(parts: Sequence[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {gettext(AND, lang)} {parts[-1]}"


def percent(share: float, lang: str) -> str:
    return f"{number(share * 100, lang)}\u00a0%"
