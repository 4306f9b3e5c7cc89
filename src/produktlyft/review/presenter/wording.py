"""Review results in plain sentences, Swedish or English, worded when shown.

Message ids are English; the Swedish is in the `review` gettext catalogue. Sentences are built
from facts, never from scores alone: they name the component, the date, the amount. Numbers,
money and shares are formatted by Babel (kernel i18n) in the reader's locale.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from produktlyft.kernel import i18n
from produktlyft.kernel.i18n import N_
from produktlyft.review.analysis.duplicates_signals import load_vocabulary
from produktlyft.review.analysis.duplicates_word_pairs import FUNCTION, SEPARATOR
from produktlyft.review.analysis.facts import FACTS
from produktlyft.review.model import Band
from produktlyft.review.results import DuplicatePair, Reason, ReasonCode, ReasonParam

PHRASES: dict[str, str] = {  # English ids; Swedish in review.po
    ReasonCode.EOL_PASSED: N_("runs {component}, which reached end of life on {date}"),
    ReasonCode.EOL_SOON: N_("runs {component}, which reaches end of life on {date}"),
    ReasonCode.TECH_POOR: N_("has been rated technically unfit"),
    ReasonCode.CONDITION_POOR: N_("is in poor technical condition"),
    ReasonCode.FIT_POOR: N_("supports the work poorly"),
    ReasonCode.CRIT_SOCIETY: N_("is critical to society"),
    ReasonCode.CRIT_OPERATIONS: N_("is critical to operations"),
    ReasonCode.COST: N_("costs {amount} a year"),
    ReasonCode.USERS: N_("is used by {users} people"),
    ReasonCode.LOCK_IN: N_("is locked in by contract {contract} ({signals})"),
    ReasonCode.WORKFLOW_PAIN: N_("is behind waits and rework in the workflows it supports"),
    ReasonCode.NO_STRONG: N_("has no strong reason to be prioritised now"),
    ReasonCode.NOT_ASSESSABLE: N_("is too little known to judge: {missing} missing"),
    ReasonCode.UNCERTAIN: N_("uncertain basis ({confidence} of the facts known)"),
    ReasonCode.DUP_CAPABILITIES: N_("share the capabilities {items}"),
    ReasonCode.DUP_DATA: N_("use the same data {items}"),
    ReasonCode.DUP_INTEGRATIONS: N_("integrate with the same systems"),
    ReasonCode.DUP_TEXT: N_("have similar names and descriptions ({similarity})"),
    ReasonCode.DUP_FUNCTION: N_("both serve {function} ({words})"),
    ReasonCode.DUP_PRODUCT: N_("are both {product}"),
    ReasonCode.DUP_MEANING: N_("are close in meaning by the language model"),
    ReasonCode.DUP_WORD_PARTS: N_("have names and descriptions that share parts of words"),
    ReasonCode.DUP_WORD_PAIRS: N_("use words that known twins pair up ({pairs})"),
    ReasonCode.DUP_SUCCESSOR: N_("are a product and its usual successor ({old}, then {new})"),
    ReasonCode.DUP_HOLDOVER: N_("include one kept only for reading or on its way out ({name})"),
    ReasonCode.DUP_ORIGIN: N_("come from different parts of the organisation ({items})"),
    ReasonCode.DUP_AGAINST: N_("though {items}"),
    "sentence": N_("{name} {parts}."),
    "dup_sentence": N_("{a} and {b} {parts}."),
    "more": N_("and more"),
    "and": N_("and"),
    "million": N_("SEK {value} million"),
    "thousand": N_("SEK {value} thousand"),
}
LOCK_IN_SIGNS = {  # the signs of lock-in a contract shows, by code
    "no_exit_clause": N_("no exit clause"),
    "supplier_owns_ip": N_("the supplier owns the code"),
    "no_data_return": N_("no data return format"),
    "long_notice": N_("long notice period"),
    "long_term": N_("runs five years or more"),
}
AGAINST_WORDS = {  # evidence against a pair, by signal name (analysis.duplicates.AGAINST)
    "linked": N_("one feeds the other"),
    "role_complementary": N_("their roles complement each other"),
    "role_differ": N_("their roles differ"),
    "mapped_apart": N_("they are mapped to different capabilities"),
    "satellite_apart": N_(
        "one is an e-service, app, report, viewer, archive, pool or integration service "
        "and the other is not"
    ),
}
SIGNAL_WORDS = {  # the duplicate model's signals, by name (analysis.duplicates.SIGNALS)
    "capabilities": N_("shared capabilities"),
    "data_integrations": N_("shared data and integrations"),
    "text": N_("similar names and descriptions"),
    "function": N_("same function"),
    "product_same": N_("same product"),
    "role_same": N_("same role"),
    "role_complementary": N_("their roles complement each other"),
    "linked": N_("one feeds the other"),
    "role_differ": N_("their roles differ"),
    "role_and_function": N_("same role within the same function"),
    "homegrown_and_function": N_("a home-grown tool for the same function"),
    "mapped_apart": N_("they are mapped to different capabilities"),
    "capability_rarity": N_("a rare capability shared"),
    "satellite_apart": N_(
        "one is an e-service, app, report, viewer, archive, pool or integration service "
        "and the other is not"
    ),
    "embedding": N_("close in meaning"),
    "embedding_function": N_("same function by meaning"),
    "best_match": N_("each other's best match"),
    "group_match": N_("best match within a group"),
    "origin_apart": N_("from different parts of the organisation"),
    "text_grams": N_("their names and descriptions share parts of words"),
    "word_pairs": N_("their words pair up as known twins' words do"),
    "text_rarity": N_("a rare word shared"),
    "match_margin": N_("clearly each other's best match"),
}
BAND_SCALES = {band.value: band.scale for band in Band}  # message ids, for the pages' filters
MISSING_NAMED = 4  # a reason names this many missing facts, then says "and more"


@dataclass(frozen=True)
class Sentence:
    """A sentence and the language it is in: the reader's, or for a run stored before reasons
    were codes, the language that run was worded in (pages mark it for screen readers)."""

    text: str
    lang: str

    def __str__(self) -> str:
        return self.text


class Reasoned(Protocol):
    """A system's result as the ranking, the evidence page and the report read it."""

    @property
    def name(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def reasons(self) -> list[Reason] | None: ...


def phrase(lang: str, key: str, **values: object) -> str:
    return i18n.gettext(PHRASES[key], lang).format(**values)


def number(value: float, lang: str, digits: int = 0) -> str:
    # rounded from the float as Python does (3.85 → 3.9), not from its decimal text as Babel
    # would (3.85 → 3.8), so a figure reads the same as in every report made before
    return i18n.format_number(round(value, digits), lang, digits)


def percent(share: float, lang: str) -> str:
    return i18n.format_share(round(share * 100) / 100, lang)  # rounded as `number`


def amount(value: float, lang: str) -> str:
    """Kronor as leaders read them: '3,0 mnkr', '950 tkr', '800 kr' (SEK 3.0 million...)."""
    if value >= 1_000_000:
        return phrase(lang, "million", value=number(value / 1_000_000, lang, 1))
    if value >= 1_000:
        return phrase(lang, "thousand", value=number(value / 1_000, lang))
    return i18n.format_money(value, lang)


def money(value: float | None, lang: str) -> str:
    return "–" if value is None else amount(value, lang)


def join(parts: Sequence[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {phrase(lang, 'and')} {parts[-1]}"


def fact_label(key: str, lang: str) -> str:
    spec = FACTS.get(key)
    return spec.label(lang) if spec else key


def lock_in_sign(code: str, lang: str) -> str:
    return i18n.gettext(LOCK_IN_SIGNS[code], lang) if code in LOCK_IN_SIGNS else code


def band_label(band: Band | str, lang: str) -> str:
    """The band's short name ('red'), for tables and legends."""
    return i18n.gettext(Band.of(band).label, lang)


def band_scale(band: Band | str, lang: str) -> str:
    """The band with its range of health ('red (health under 4)'), for filters and charts."""
    return i18n.gettext(Band.of(band).scale, lang)


def _texts(value: ReasonParam) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _figure(value: ReasonParam) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def reason_part(reason: Reason, lang: str) -> str:
    """One clause of a reason sentence."""
    params = reason.params
    code = reason.code
    if code is ReasonCode.COST:
        return phrase(lang, code, amount=amount(_figure(params.get("amount")), lang))
    if code is ReasonCode.USERS:
        return phrase(lang, code, users=number(_figure(params.get("users")), lang))
    if code is ReasonCode.LOCK_IN:
        signs = ", ".join(lock_in_sign(s, lang) for s in _texts(params.get("signals")))
        return phrase(lang, code, contract=params.get("contract"), signals=signs)
    if code is ReasonCode.NOT_ASSESSABLE:
        missing = [fact_label(key, lang) for key in _texts(params.get("missing"))]
        shown = ", ".join(missing[:MISSING_NAMED])
        if len(missing) > MISSING_NAMED:
            shown += f" {phrase(lang, 'more')}"
        return phrase(lang, code, missing=shown)
    if code is ReasonCode.UNCERTAIN:
        return phrase(lang, code, confidence=percent(_figure(params.get("confidence")), lang))
    if code in (ReasonCode.DUP_CAPABILITIES, ReasonCode.DUP_DATA, ReasonCode.DUP_ORIGIN):
        return phrase(lang, code, items=join(_texts(params.get("items")), lang))
    if code is ReasonCode.DUP_TEXT:
        return phrase(lang, code, similarity=percent(_figure(params.get("similarity")), lang))
    if code is ReasonCode.DUP_FUNCTION:
        words = join(_texts(params.get("words")), lang)
        return phrase(
            lang, code, function=function_name(str(params.get("function")), lang), words=words
        )
    if code is ReasonCode.DUP_AGAINST:
        items = [against_word(i, lang) for i in _texts(params.get("items"))]
        return phrase(lang, code, items=join(items, lang))
    if code is ReasonCode.DUP_WORD_PAIRS:
        pairs = [_word_pair(p, lang) for p in _texts(params.get("pairs"))]
        return phrase(lang, code, pairs=join(pairs, lang))
    return phrase(lang, code, **params)


QUOTES = {"sv": ("\u201d", "\u201d")}  # Swedish quotes with the closing mark on both sides
ENGLISH_QUOTES = ("\u201c", "\u201d")


def _word_pair(pair: str, lang: str) -> str:
    """'Billetsalg|fn:evenemang' as “Billetsalg” – events: a word in the reader's quotation
    marks, a function by its name in the reader's language."""
    opening, closing = QUOTES.get(lang, ENGLISH_QUOTES)
    sides = [
        function_name(w.removeprefix(FUNCTION), lang)
        if w.startswith(FUNCTION)
        else f"{opening}{w}{closing}"
        for w in pair.split(SEPARATOR, 1)
    ]
    return " – ".join(sides)


def function_name(function_id: str, lang: str) -> str:
    """A function of the shipped vocabulary in the reader's language (its id if unknown)."""
    function = load_vocabulary().functions.get(function_id)
    if function is None:
        return function_id
    return function.sv if lang == "sv" else function.en


def signal_word(name: str, lang: str) -> str:
    message = SIGNAL_WORDS.get(name)
    return i18n.gettext(message, lang) if message else name


def against_word(code: str, lang: str) -> str:
    message = AGAINST_WORDS.get(code)
    return i18n.gettext(message, lang) if message else code


def system_sentence(name: str, reasons: Sequence[Reason], lang: str) -> str:
    """One sentence: the system, what pushes it up the list, and how sure we are."""
    parts = [reason_part(r, lang) for r in reasons]
    return phrase(lang, "sentence", name=name, parts=join(parts, lang))


def duplicate_sentence(a: str, b: str, reasons: Sequence[Reason], lang: str) -> str:
    """Why two systems look alike, as "A and B share ... and ..., though ...": the evidence
    against a pair follows the rest after a comma, not as one more item of its list ("and
    though" read wrongly)."""
    parts = [reason_part(r, lang) for r in reasons if r.code is not ReasonCode.DUP_AGAINST]
    against = [reason_part(r, lang) for r in reasons if r.code is ReasonCode.DUP_AGAINST]
    said = ", ".join(filter(None, [join(parts, lang), *against]))
    return phrase(lang, "dup_sentence", a=a, b=b, parts=said)


def system_reason(result: Reasoned, run_lang: str, lang: str) -> Sentence:
    """Why a system ranks where it does, in the reader's language; a run stored before reasons
    were codes has only its text, in the language it ran in."""
    if result.reasons is None:
        return Sentence(result.reason, run_lang)
    return Sentence(system_sentence(result.name, result.reasons, lang), lang)


def duplicate_reason(pair: DuplicatePair, run_lang: str, lang: str) -> Sentence:
    """Why two systems look alike; as `system_reason`."""
    if pair.reasons is None:
        return Sentence(pair.reason, run_lang)
    return Sentence(duplicate_sentence(pair.name_a, pair.name_b, pair.reasons, lang), lang)
