"""The spreadsheet template: one sheet per entity, with Swedish and English headers.

This is the single declaration that the Excel/CSV importer, the exporters, the web forms and
docs/import-formats.md are all built from, so a column is added in one place only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from produktlyft.inventory.vocabularies import (
    AccessibilityStatus,
    Criticality,
    DataAccess,
    DataClassification,
    Direction,
    FunctionalFit,
    Hosting,
    IntegrationKind,
    IpOwner,
    Lifecycle,
    PersonalData,
    TechnicalFit,
    TechnologyKind,
    UnitKind,
)
from produktlyft.kernel.files.cells import fold_header
from produktlyft.kernel.labels import LabelledEnum

# Cells holding several ids or tags separate them with this character.
LIST_SEPARATOR = ";"

ColumnType = type[str] | type[int] | type[float] | type[bool] | type[date] | type[LabelledEnum]


@dataclass(frozen=True)
class Column:
    """A column: the record field it fills (dotted for nested fields) and its two headers."""

    field: str
    sv: str
    en: str
    type: ColumnType = str
    is_list: bool = False
    required: bool = False

    def header(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.en


@dataclass(frozen=True)
class Sheet:
    """One sheet or CSV file. `entity` names the Inventory list it fills; relation sheets
    (a system's capabilities, its data use) fill a list inside the record named by `parent`."""

    key: str
    sv: str
    en: str
    entity: str
    columns: tuple[Column, ...]
    parent_field: str | None = None

    def title(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.en

    @property
    def is_relation(self) -> bool:
        return self.parent_field is not None


def _id() -> Column:
    return Column("id", "ID", "ID", required=True)


def _name() -> Column:
    return Column("name", "Namn", "Name", required=True)


def _description() -> Column:
    return Column("description", "Beskrivning", "Description")


def _dates(prefix: str, sv: str, en: str) -> tuple[Column, ...]:
    phases = (
        ("plan", "planerad", "plan"),
        ("phase_in", "införande", "phase-in"),
        ("active", "aktiv", "active"),
        ("phase_out", "avveckling", "phase-out"),
        ("end_of_life", "avvecklad", "end-of-life"),
    )
    return tuple(
        Column(f"{prefix}.{field}", f"{sv}: {p_sv}", f"{en}: {p_en}", date)
        for field, p_sv, p_en in phases
    )


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "units",
        "Enheter",
        "Units",
        "units",
        (
            _id(),
            _name(),
            Column("kind", "Typ", "Kind", UnitKind),
            Column("parent_id", "Överordnad enhet", "Parent unit"),
        ),
    ),
    Sheet(
        "systems",
        "System",
        "Systems",
        "systems",
        (
            _id(),
            _name(),
            _description(),
            Column("tags", "Taggar", "Tags", is_list=True),
            Column("owning_unit_id", "Ägande enhet", "Owning unit"),
            Column("system_owner", "Systemägare", "System owner"),
            Column("technical_owner", "Teknisk förvaltare", "Technical owner"),
            Column("vendor", "Leverantör", "Vendor"),
            Column("lifecycle", "Livscykel", "Lifecycle", Lifecycle),
            *_dates("internal_dates", "Internt", "Internal"),
            *_dates("vendor_dates", "Leverantörens", "Vendor"),
            Column("criticality", "Kritikalitet", "Criticality", Criticality),
            Column("users", "Antal användare", "Users", int),
            Column("hosting", "Drift", "Hosting", Hosting),
            Column(
                "annual_operating_cost",
                "Årlig driftkostnad (kr)",
                "Annual operating cost (SEK)",
                float,
            ),
            Column(
                "annual_licence_cost",
                "Årlig licenskostnad (kr)",
                "Annual licence cost (SEK)",
                float,
            ),
            Column(
                "data_classification",
                "Informationsklassning",
                "Data classification",
                DataClassification,
            ),
            Column("personal_data", "Personuppgifter", "Personal data", PersonalData),
            Column("accessibility", "Tillgänglighet", "Accessibility", AccessibilityStatus),
            Column("civil_servants", "Tjänstepersoner (årsarbeten)", "Civil servants (FTE)", float),
            Column("contractors", "Konsulter (årsarbeten)", "Contractors (FTE)", float),
            Column("technical_fit", "Teknisk lämplighet", "Technical fit", TechnicalFit),
            Column("technology_ids", "Teknikkomponenter", "Technology components", is_list=True),
        ),
    ),
    Sheet(
        "system_capabilities",
        "Systemstöd",
        "Capability support",
        "systems",
        (
            Column("system_id", "System", "System", required=True),
            Column("capability_id", "Förmåga", "Capability", required=True),
            Column("unit_id", "Enhet", "Unit"),
            Column("fit", "Funktionell lämplighet", "Functional fit", FunctionalFit),
        ),
        parent_field="capabilities",
    ),
    Sheet(
        "data_uses",
        "Informationsanvändning",
        "Data use",
        "systems",
        (
            Column("system_id", "System", "System", required=True),
            Column("data_object_id", "Informationsobjekt", "Data object", required=True),
            Column("access", "Åtkomst", "Access", DataAccess),
        ),
        parent_field="data_uses",
    ),
    Sheet(
        "capabilities",
        "Förmågor",
        "Capabilities",
        "capabilities",
        (
            _id(),
            _name(),
            _description(),
            Column("parent_id", "Överordnad förmåga", "Parent capability"),
        ),
    ),
    Sheet(
        "technologies",
        "Teknik",
        "Technologies",
        "technologies",
        (
            _id(),
            Column("name", "Produkt", "Product", required=True),
            Column("version", "Version", "Version"),
            Column("vendor", "Leverantör", "Vendor"),
            Column("kind", "Typ", "Kind", TechnologyKind),
        ),
    ),
    Sheet(
        "integrations",
        "Integrationer",
        "Integrations",
        "integrations",
        (
            _id(),
            Column("source_id", "Från system", "Source system", required=True),
            Column("target_id", "Till system", "Target system", required=True),
            Column("name", "Namn", "Name"),
            _description(),
            Column("direction", "Riktning", "Direction", Direction),
            Column("kind", "Typ", "Kind", IntegrationKind),
            Column("open_standard", "Öppen standard", "Open standard", bool),
        ),
    ),
    Sheet(
        "data_objects",
        "Informationsobjekt",
        "Data objects",
        "data_objects",
        (
            _id(),
            _name(),
            _description(),
            Column(
                "classification", "Informationsklassning", "Data classification", DataClassification
            ),
            Column("personal_data", "Personuppgifter", "Personal data", PersonalData),
        ),
    ),
    Sheet(
        "contracts",
        "Avtal",
        "Contracts",
        "contracts",
        (
            _id(),
            _name(),
            Column("supplier", "Leverantör", "Supplier"),
            Column("scope", "Omfattning", "Scope"),
            Column("start_date", "Startdatum", "Start date", date),
            Column("end_date", "Slutdatum", "End date", date),
            Column("extension_options", "Förlängningsoptioner", "Extension options"),
            Column(
                "latest_end_date",
                "Senaste slutdatum med optioner",
                "Latest end date with options",
                date,
            ),
            Column("value", "Avtalsvärde (kr)", "Contract value (SEK)", float),
            Column(
                "notice_period_months", "Uppsägningstid (månader)", "Notice period (months)", int
            ),
            Column("exit_clause", "Exitklausul", "Exit clause", bool),
            Column("data_return_format", "Format för återlämning av data", "Data-return format"),
            Column("ip_owner", "Äganderätt till kod och IP", "Owner of code and IP", IpOwner),
            Column("system_ids", "System", "Systems", is_list=True),
        ),
    ),
    Sheet(
        "teams",
        "Team",
        "Teams",
        "teams",
        (
            _id(),
            _name(),
            Column("unit_id", "Enhet", "Unit"),
            _description(),
            Column("products", "Produkter och tjänster", "Products and services", is_list=True),
            Column("system_ids", "System", "Systems", is_list=True),
        ),
    ),
)

SHEETS_BY_KEY = {sheet.key: sheet for sheet in SHEETS}

TRUE_WORDS = frozenset({"ja", "yes", "true", "sant", "1", "x"})
FALSE_WORDS = frozenset({"nej", "no", "false", "falskt", "0"})


def find_sheet(name: str) -> Sheet | None:
    """The sheet a sheet title or CSV file stem names, in either language."""
    wanted = fold_header(name.replace("_", " "))
    for sheet in SHEETS:
        if wanted in (
            fold_header(sheet.key.replace("_", " ")),
            fold_header(sheet.sv),
            fold_header(sheet.en),
        ):
            return sheet
    return None
