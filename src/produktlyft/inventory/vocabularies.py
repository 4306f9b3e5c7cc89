"""Controlled vocabularies of the inventory, each value with a Swedish and an English label.

Values are stable English codes (stored in the database and in exports); users see and may type
either label. Parsing accepts the code or a label in either language, case-insensitively.
"""

from __future__ import annotations

from produktlyft.kernel.labels import LabelledEnum


class Criticality(LabelledEnum):
    CRITICAL_TO_SOCIETY = ("critical_to_society", "samhällskritisk", "critical to society")
    CRITICAL_TO_OPERATIONS = (
        "critical_to_operations",
        "verksamhetskritisk",
        "critical to operations",
    )
    NOT_CRITICAL = ("not_critical", "ej kritisk", "not critical")


class Lifecycle(LabelledEnum):
    PLAN = ("plan", "planerad", "plan")
    PHASE_IN = ("phase_in", "införande", "phase-in")
    ACTIVE = ("active", "aktiv", "active")
    PHASE_OUT = ("phase_out", "avveckling", "phase-out")
    END_OF_LIFE = ("end_of_life", "avvecklad", "end-of-life")


class Hosting(LabelledEnum):
    ON_PREMISES = ("on_premises", "egen drift", "on-premises")
    PRIVATE_CLOUD = ("private_cloud", "privat moln", "private cloud")
    PUBLIC_CLOUD = ("public_cloud", "publikt moln", "public cloud")
    SAAS = ("saas", "SaaS", "SaaS")


class DataClassification(LabelledEnum):
    """Levels of harm if information leaks, as in MSB's information classification model."""

    OPEN = ("open", "öppen", "open")
    INTERNAL = ("internal", "intern", "internal")
    CONFIDENTIAL = ("confidential", "konfidentiell", "confidential")
    SECRET = ("secret", "säkerhetsskyddsklassad", "security classified")


class PersonalData(LabelledEnum):
    NONE = ("none", "inga personuppgifter", "no personal data")
    PERSONAL = ("personal", "personuppgifter", "personal data")
    SENSITIVE = ("sensitive", "känsliga personuppgifter", "sensitive personal data")


class AccessibilityStatus(LabelledEnum):
    """Conformance wording of the Swedish DOS law (lagen om tillgänglighet till digital service)."""

    COMPLIANT = ("compliant", "helt förenlig", "fully compliant")
    PARTIALLY_COMPLIANT = ("partially_compliant", "delvis förenlig", "partially compliant")
    NOT_COMPLIANT = ("not_compliant", "inte förenlig", "not compliant")
    NOT_ASSESSED = ("not_assessed", "ej bedömd", "not assessed")
    NOT_APPLICABLE = ("not_applicable", "ej tillämplig", "not applicable")


class FunctionalFit(LabelledEnum):
    """LeanIX's four levels of how well a system supports a capability."""

    PERFECT = ("perfect", "utmärkt", "perfect")
    APPROPRIATE = ("appropriate", "lämplig", "appropriate")
    INSUFFICIENT = ("insufficient", "otillräcklig", "insufficient")
    UNREASONABLE = ("unreasonable", "orimlig", "unreasonable")

    @property
    def is_high(self) -> bool:
        return self in (FunctionalFit.PERFECT, FunctionalFit.APPROPRIATE)


class TechnicalFit(LabelledEnum):
    """LeanIX's four levels of technical condition, as assessed by people."""

    FULLY_APPROPRIATE = ("fully_appropriate", "fullt lämplig", "fully appropriate")
    ADEQUATE = ("adequate", "tillräcklig", "adequate")
    UNREASONABLE = ("unreasonable", "orimlig", "unreasonable")
    INAPPROPRIATE = ("inappropriate", "olämplig", "inappropriate")

    @property
    def is_high(self) -> bool:
        return self in (TechnicalFit.FULLY_APPROPRIATE, TechnicalFit.ADEQUATE)


class IntegrationKind(LabelledEnum):
    REST = ("rest", "REST/OpenAPI", "REST/OpenAPI")
    SOAP = ("soap", "SOAP", "SOAP")
    MESSAGING = ("messaging", "meddelandekö", "messaging")
    FILE_TRANSFER = ("file_transfer", "filöverföring", "file transfer")
    DATABASE_LINK = ("database_link", "databaskoppling", "database link")
    MANUAL_REKEYING = ("manual_rekeying", "manuell överföring", "manual re-keying")


class Direction(LabelledEnum):
    ONE_WAY = ("one_way", "enkelriktad", "one-way")
    TWO_WAY = ("two_way", "dubbelriktad", "two-way")


class DataAccess(LabelledEnum):
    READ = ("read", "läser", "read")
    WRITE = ("write", "skriver", "write")
    READ_WRITE = ("read_write", "läser och skriver", "read and write")


class UnitKind(LabelledEnum):
    ORGANISATION = ("organisation", "myndighet/kommun", "agency/municipality")
    DEPARTMENT = ("department", "förvaltning", "department")
    UNIT = ("unit", "enhet", "unit")


class IpOwner(LabelledEnum):
    """Who owns the code and intellectual property a contract produces."""

    BUYER = ("buyer", "beställaren", "the buyer")
    SUPPLIER = ("supplier", "leverantören", "the supplier")
    SHARED = ("shared", "delad", "shared")
    OPEN_SOURCE = ("open_source", "öppen källkod", "open source")


class TechnologyKind(LabelledEnum):
    OPERATING_SYSTEM = ("operating_system", "operativsystem", "operating system")
    DATABASE = ("database", "databas", "database")
    RUNTIME = ("runtime", "körmiljö", "runtime")
    FRAMEWORK = ("framework", "ramverk", "framework")
    MIDDLEWARE = ("middleware", "mellanprogramvara", "middleware")
    PLATFORM = ("platform", "plattform", "platform")
    HARDWARE = ("hardware", "hårdvara", "hardware")
    OTHER = ("other", "övrigt", "other")
