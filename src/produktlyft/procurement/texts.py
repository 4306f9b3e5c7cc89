"""What procurement's reason codes say, in English message ids the `procurement` catalogue
translates. The rules return codes and values; only the presenter words them."""

from __future__ import annotations

from produktlyft.kernel.i18n import N_

RULES: dict[str, str] = {
    "duration": N_("Duration"),
    "extensions": N_("Options and extensions"),
    "framework_length": N_("Framework length"),
    "value": N_("Value against the EU threshold"),
    "shape.team": N_("One team"),
    "shape.length": N_("Slice length"),
    "shape.outcome": N_("Outcome and success criterion"),
    "shape.go_no_go": N_("Go/no-go point"),
    "exit.clause": N_("Exit clause"),
    "exit.notice": N_("Notice period"),
    "exit.data_format": N_("Data returned in an open format"),
    "exit.knowledge_transfer": N_("Knowledge transfer"),
    "code_ip": N_("Code and IP"),
    "interfaces": N_("Interfaces"),
    "interfaces.systems": N_("Open interfaces of the systems covered"),
    "concentration": N_("Vendor concentration"),
    "concentration.bidders": N_("Number of bidders"),
    "route": N_("Procurement route"),
    "route.hours": N_("Hours under ranked order"),
}

REASONS: dict[str, str] = {
    "duration_within": N_("Lasts {months} months; a call-off may last at most {limit} months."),
    "duration_too_long": N_(
        "Lasts {months} months, longer than the {limit} months a call-off may last."
    ),
    "extensions_within": N_(
        "Options and extensions are {share} of the base value (at most {limit})."
    ),
    "extensions_too_large": N_(
        "Options and extensions are {share} of the base value, more than the {limit} allowed."
    ),
    "framework_within": N_("The framework runs {months} months (at most {limit})."),
    "framework_too_long": N_(
        "The framework runs {months} months, longer than the {limit} months LOU allows "
        "without special reasons."
    ),
    "value_below": N_(
        "Estimated value {value} SEK; the need '{need}' is worth {need_total} SEK over "
        "{slices} slice(s), below the EU threshold of {threshold} SEK."
    ),
    "value_need_above": N_(
        "The need '{need}' is worth {need_total} SEK over {slices} slice(s), above the EU "
        "threshold of {threshold} SEK: it is valued and procured as one."
    ),
    "value_above_advertised": N_(
        "Estimated value {value} SEK is above the EU threshold of {threshold} SEK; the route "
        "is an advertised procedure or a call-off."
    ),
    "value_above_direct": N_(
        "Estimated value {value} SEK is above the EU threshold of {threshold} SEK but the "
        "route is a direct award: an advertised procedure is required."
    ),
    "value_split": N_(
        "Each of the {slices} slices of the need '{need}' is below the EU threshold of "
        "{threshold} SEK, but together they are worth {need_total} SEK: the value must be "
        "estimated as the sum (possible artificial splitting)."
    ),
    "shape_one_team": N_("One team does the work."),
    "shape_many_teams": N_("{teams} teams share the slice; a slice should have one team."),
    "shape_length_ok": N_("Lasts {months} months (at most {limit}, ideally {preferred})."),
    "shape_too_long": N_(
        "Lasts {months} months; a slice should last at most {limit} months (ideally {preferred})."
    ),
    "shape_no_outcome": N_("No user-visible outcome is stated."),
    "shape_no_criterion": N_("The outcome has no success criterion."),
    "shape_criterion_not_measurable": N_(
        "The success criterion names no figure, share or date, so it cannot be measured."
    ),
    "shape_outcome_ok": N_("A user-visible outcome with a measurable success criterion."),
    "shape_go_no_go": N_("Go/no-go point: {point}."),
    "shape_no_go_no_go": N_("No go/no-go review point is stated."),
    "exit_clause": N_("The contract has an exit clause."),
    "exit_no_clause": N_("The contract has no exit clause."),
    "exit_notice_missing": N_("No notice period is stated (at most {limit} months)."),
    "exit_notice_ok": N_("Notice period {months} months (at most {limit})."),
    "exit_notice_too_long": N_(
        "Notice period {months} months, longer than the {limit} months allowed."
    ),
    "exit_no_format": N_(
        "No format is stated for returning the data; accepted open formats: {formats}."
    ),
    "exit_open_format": N_("Data is returned as {format}, an open format."),
    "exit_closed_format": N_(
        "Data is returned as '{format}', which is not an open format; accepted: {formats}."
    ),
    "exit_transfer_unknown": N_("Knowledge-transfer deliverables are not stated."),
    "exit_transfer": N_("Knowledge transfer is a deliverable."),
    "exit_no_transfer": N_("There is no knowledge transfer at exit."),
    "code_agency": N_("The code is owned by the agency or open source from the first sprint."),
    "code_unknown": N_("Who owns the code is not stated; lock-in score {score}."),
    "code_supplier": N_(
        "The supplier owns the code: lock-in score {score} (from {limit} it fails), made of: "
        "{parts}."
    ),
    "interfaces_none": N_("No interfaces are named; name the open standards or documented APIs."),
    "interfaces_unknown": N_("Not a known open standard or documented API: {names}."),
    "interfaces_open": N_("Open standards and documented APIs: {names}."),
    "interfaces_silo_systems": N_(
        "The interoperability check finds silos among the systems covered: {names} (silo risk "
        "up to {risk}, from {limit} it warns); open their interfaces in this slice."
    ),
    "interfaces_systems_open": N_(
        "The systems covered are not silos by the interoperability check: {names}."
    ),
    "single_bidder": N_("Only {bidders} bidder(s): a single-bidder market."),
    "concentration_no_supplier": N_("No supplier chosen yet."),
    "concentration_too_few": N_(
        "Only {slices} slice(s): too few to judge the share of one supplier."
    ),
    "concentration_high": N_("{supplier} holds {share} of the total value, more than {limit}."),
    "concentration_ok": N_("{supplier} holds {share} of the total value (at most {limit})."),
    "route_direct_too_large": N_(
        "A direct award, but the need is worth {value} SEK, more than the direct-award limit "
        "of {direct_limit} SEK."
    ),
    "route_direct_ok": N_("A direct award within the limit of {direct_limit} SEK."),
    "route_outcome_via_resource_framework": N_(
        "Outcome work bought through a resource-consultant framework, which carries no "
        "result commitment."
    ),
    "route_renewed_competition": N_(
        "{hours} hours: above {limit} hours the framework needs a renewed competition, not "
        "the ranked order."
    ),
    "route_framework_ok": N_("A framework call-off for resource work."),
    "route_dps_ok": N_("A dynamic purchasing system, open to new suppliers."),
    "route_open_ok": N_("An open procedure."),
    "advice_direct": N_(
        "The need is worth {value} SEK, within the direct-award limit of {direct_limit} SEK."
    ),
    "advice_framework_ranked": N_(
        "Resource work without an outcome: a framework call-off, by ranked order up to "
        "{hours_limit} hours."
    ),
    "advice_framework_competition": N_(
        "Resource work of {hours} hours, above {hours_limit}: a framework call-off with "
        "renewed competition."
    ),
    "advice_dps": N_(
        "Outcome work that recurs over {slices} slices: a dynamic purchasing system stays open "
        "to new suppliers for each."
    ),
    "advice_open_above": N_(
        "Outcome work worth {value} SEK, above the EU threshold of {threshold} SEK: an open "
        "procedure with an outcome-based contract (such as agilakontrakt.se's)."
    ),
    "advice_open_below": N_(
        "Outcome work worth {value} SEK, below the EU threshold: an advertised procedure "
        "with an outcome-based contract (such as agilakontrakt.se's)."
    ),
    "few_data_points": N_(
        "Only {points} days of history: forecasts are less reliable below {minimum} data points."
    ),
}

LOCK_IN_PARTS: dict[str, str] = {
    "supplier_code": N_("supplier-owned code"),
    "closed_data": N_("data not returned in an open format"),
    "no_exit_clause": N_("no exit clause"),
    "long_notice": N_("a long or unknown notice period"),
    "no_open_interfaces": N_("no open interfaces named"),
}

RESULTS: dict[str, str] = {
    "pass": N_("pass"),
    "warn": N_("warn"),
    "fail": N_("fail"),
}
