"""Reason codes worded in the reader's language (sv or en), and the labels of the rule table."""

from __future__ import annotations

from collections.abc import Mapping

from produktlyft.interop.model import Reason, ReasonParam
from produktlyft.kernel.i18n import N_, format_list, format_percent, gettext

MESSAGES: dict[str, str] = {
    # silo risk
    "data_unshared": N_(
        "{count} of its {of} data objects are used by no other system ({objects})."
    ),
    "manual_rekeying": N_(
        "{count} of its {of} integrations are re-keyed by hand (with {partners})."
    ),
    "proprietary": N_("Only {share} of its integrations use an open standard or a documented API."),
    "single_vendor": N_(
        "It exchanges data only with {vendor}'s own systems, through no open interface."
    ),
    "no_exit_format": N_(
        "A contract names no format for returning the data ({contracts}), and no open "
        "interface offers another way out."
    ),
    "no_exit_format.open": N_(
        "A contract names no format for returning the data ({contracts}); an open "
        "interface is the only way out."
    ),
    "isolated": N_(
        "It has no integrations at all, although it shares capabilities with other systems "
        "({capabilities})."
    ),
    # dispositions
    "already_retiring": N_("It is already being phased out."),
    "duplicate_weaker": N_("A confirmed duplicate of {keeper}, which is the one to keep."),
    "unknown_facts": N_("Not enough is recorded to judge it: {missing}."),
    "low_value_poor": N_(
        "Poor functional and technical fit (TIME: eliminate); not critical, so retire it."
    ),
    "low_value_poor.critical": N_(
        "Poor functional and technical fit (TIME: eliminate); critical, so replace it."
    ),
    "high_value_poor": N_(
        "It supports the business well but is in poor technical condition (TIME: migrate)."
    ),
    "end_of_life_tech": N_("A good fit, but the vendor ends support on {date} (TIME: migrate)."),
    "on_premises_good": N_(
        "A good fit, run on premises; the cloud check allows a move (TIME: invest)."
    ),
    "low_value_good": N_(
        "Technically sound, but it supports the business poorly (TIME: tolerate)."
    ),
    "good": N_("A good functional and technical fit (TIME: invest)."),
    # cloud
    "rule": N_("It holds {information}; rule table of {version}."),
    "unknown_classification": N_(
        "No information classification is recorded: it is read cautiously, as secret."
    ),
    "from_data_objects": N_("Its data objects raise the level: {objects}."),
    # initiatives
    "breaks_incoming": N_(
        "{system} receives data from {count} systems outside the initiative ({others}): "
        "keep or rebuild those integrations."
    ),
    "breaks_outgoing": N_(
        "{system} sends data to {count} systems outside the initiative ({others}): "
        "keep or rebuild those integrations."
    ),
    "leaves_silo": N_(
        "{system} has a silo risk of {risk} and the target is not stated to use open "
        "standards: the silo stays."
    ),
    "leaves_silo.keeps": N_(
        "{system} has a silo risk of {risk} and the target only keeps the interfaces it has "
        "today: the silo stays."
    ),
    "leaves_silo.drops": N_(
        "{system} has a silo risk of {risk} and the target drops open interfaces: the silo stays."
    ),
    "creates_silo": N_(
        "The target for {system} drops open interfaces that {count} systems outside the "
        "initiative use today ({others}): the plan creates a silo."
    ),
    "reduces_silo": N_(
        "The target for {system} adds open interfaces ({standards}): the plan reduces its "
        "silo risk of {risk}."
    ),
    "reduces_silo.unnamed": N_(
        "The target for {system} adds open interfaces: the plan reduces its silo risk of {risk}."
    ),
    "keeps_proprietary": N_(
        "The target for {system} is stated not to use open standards, although only {share} "
        "of its integrations are open today."
    ),
}

FACTS = {"functional_fit": N_("functional fit"), "technical_fit": N_("technical fit")}
INFORMATION = {
    "public": N_("public information without personal data"),
    "personal": N_("ordinary personal data"),
    "sensitive_or_secret": N_("sensitive personal data or information under OSL secrecy"),
    "security_protection": N_("security-protection information"),
}
PROVIDERS = {
    "eu_eea_without_third_country_access": N_("EU/EEA provider without third-country access"),
    "third_country_law_agency_keys": N_(
        "provider under third-country law, keys held by the agency"
    ),
    "third_country_law_provider_keys": N_("provider under third-country law, keys held by it"),
}
VERDICTS = {
    "suitable": N_("suitable"),
    "flag": N_("only under an adequacy decision, with a transfer assessment"),
    "possible": N_("possible after a secrecy assessment"),
    "conditional": N_("only after a security assessment and a protected procurement"),
    "not_suitable": N_("not suitable"),
}
DOCUMENTS = {
    "dpia": N_("a data protection impact assessment (DPIA)"),
    "transfer_assessment": N_("a transfer impact assessment"),
    "secrecy_assessment": N_("a secrecy assessment under OSL"),
    "security_assessment": N_("a security protection assessment"),
    "protected_procurement": N_("a security-protected procurement with a security agreement"),
}
FLAGS = {
    "esam_position": N_(
        "eSam's statement (2018): third-country access may count as disclosure under OSL"
    ),
    "adequacy_only": N_(
        "only while an adequacy decision holds (the EU–US Data Privacy Framework of 2023 is "
        "challenged)"
    ),
}


def label(table: Mapping[str, str], key: str, lang: str) -> str:
    """A rule-table key in words; a key a user's own table adds is shown as it is."""
    return gettext(table[key], lang) if key in table else key


def _value(key: str, value: ReasonParam, lang: str) -> str:
    if isinstance(value, list):
        if key == "missing":
            return format_list([label(FACTS, str(v), lang) for v in value], lang)
        return format_list([str(v) for v in value], lang)
    if key in ("share", "risk") and isinstance(value, int | float):
        return format_percent(float(value), lang)
    if key == "information" and isinstance(value, str):
        return label(INFORMATION, value, lang)
    return "" if value is None else str(value)


def _key(reason: Reason) -> str:
    params = reason.params
    if reason.code == "no_exit_format" and params.get("open_export"):
        return "no_exit_format.open"
    if reason.code == "leaves_silo" and params.get("target") in ("keeps", "drops"):
        return f"leaves_silo.{params['target']}"
    if reason.code == "reduces_silo" and not params.get("standards"):
        return "reduces_silo.unnamed"
    if reason.code == "low_value_poor" and params.get("critical"):
        return "low_value_poor.critical"
    return reason.code


def reason_text(reason: Reason, lang: str, names: Mapping[str, str] | None = None) -> str:
    """One reason as a sentence; `names` turns system ids into names where a reason has them."""
    template = MESSAGES.get(_key(reason))
    if template is None:
        return reason.code
    names = names or {}
    values = {}
    for key, value in reason.params.items():
        if key in ("system", "keeper") and isinstance(value, str):
            value = names.get(value, value)
        elif key == "others" and isinstance(value, list):
            value = [names.get(str(v), str(v)) for v in value]
        values[key] = _value(key, value, lang)
    try:
        return gettext(template, lang).format(**values)
    except KeyError:  # a reason stored by another version lacks a parameter: show the code
        return reason.code
