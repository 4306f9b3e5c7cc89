"""The vocabulary of the fictional municipality "Exempelstad kommun".

Everything here is invented for the demo: departments and units as a Swedish municipality has
them, the things its systems handle (objects), the kinds of system, fictional vendors, and real
technology products and versions (so end-of-life look-ups find them). The end-of-life dates are
copied from the endoflife.date snapshot; a test checks them against that data. The objects are
a table in `demo/data/objects.csv`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from importlib import resources


@dataclass(frozen=True)
class Department:
    key: str
    name: str
    units: tuple[str, ...]
    domain: str  # the level-1 capability this department's work belongs to


@dataclass(frozen=True)
class SystemObject:
    """Something a municipality's systems handle: one capability and one data object."""

    key: str
    phrase: str  # reads well after "för", "över" and "av"
    capability: str  # the level-2 capability
    data_object: str
    department: str
    criticality: str  # the usual criticality of systems handling it
    personal_data: str = "personal"
    citizen_facing: bool = False


DEPARTMENTS: tuple[Department, ...] = (
    Department(
        "klk",
        "Kommunledningskontoret",
        (
            "Kansliavdelningen",
            "Kommunikationsavdelningen",
            "Digitaliseringsenheten",
            "Kontaktcenter",
        ),
        "Styrning och ledning",
    ),
    Department(
        "ekonomi",
        "Ekonomiförvaltningen",
        ("Redovisningsenheten", "Upphandlingsenheten", "Budgetenheten"),
        "Ekonomi och upphandling",
    ),
    Department(
        "hr",
        "HR-förvaltningen",
        ("Löneenheten", "Rekryteringsenheten", "Arbetsmiljöenheten"),
        "Personal och kompetens",
    ),
    Department(
        "bou",
        "Barn- och utbildningsförvaltningen",
        ("Förskoleenheten", "Grundskoleenheten", "Elevhälsan", "Skolskjutsenheten"),
        "Skola och förskola",
    ),
    Department(
        "gvux",
        "Gymnasie- och vuxenutbildningsförvaltningen",
        ("Gymnasieskolan", "Vuxenutbildningen", "SFI"),
        "Gymnasie- och vuxenutbildning",
    ),
    Department(
        "soc",
        "Socialförvaltningen",
        ("Individ- och familjeomsorgen", "Ekonomiskt bistånd", "Familjerätten", "Socialjouren"),
        "Socialtjänst",
    ),
    Department(
        "vo",
        "Vård- och omsorgsförvaltningen",
        ("Hemtjänsten", "Särskilt boende", "LSS-enheten", "Hälso- och sjukvårdsenheten"),
        "Vård och omsorg",
    ),
    Department(
        "sbf",
        "Samhällsbyggnadsförvaltningen",
        ("Bygglovsenheten", "Planenheten", "Lantmäterienheten", "GIS-enheten"),
        "Samhällsbyggnad",
    ),
    Department(
        "mhf",
        "Miljö- och hälsoskyddsförvaltningen",
        ("Miljötillsyn", "Livsmedelskontrollen", "Hälsoskydd"),
        "Miljö och hälsa",
    ),
    Department(
        "tf",
        "Tekniska förvaltningen",
        ("Gata och park", "VA-enheten", "Avfallsenheten", "Fastighetsenheten"),
        "Teknik och infrastruktur",
    ),
    Department(
        "kf",
        "Kultur- och fritidsförvaltningen",
        ("Biblioteken", "Fritidsenheten", "Kulturskolan"),
        "Kultur och fritid",
    ),
    Department(
        "amf",
        "Arbetsmarknadsförvaltningen",
        ("Arbetsmarknadsenheten", "Integrationsenheten"),
        "Arbetsmarknad och integration",
    ),
)

# The objects live in a data file (demo/data/objects.csv), one a row; a boolean is "yes"/"no".
OBJECTS_FILE = "objects.csv"


def _read_objects() -> tuple[SystemObject, ...]:
    text = resources.files("produktlyft.demo.data").joinpath(OBJECTS_FILE).read_text("utf-8")
    return tuple(
        SystemObject(
            key=row["key"],
            phrase=row["phrase"],
            capability=row["capability"],
            data_object=row["data_object"],
            department=row["department"],
            criticality=row["criticality"],
            personal_data=row["personal_data"],
            citizen_facing=row["citizen_facing"] == "yes",
        )
        for row in csv.DictReader(io.StringIO(text))
    )


OBJECTS: tuple[SystemObject, ...] = _read_objects()


@dataclass(frozen=True)
class SystemKind:
    """A kind of system: name templates (the first is the usual one; the others are ways a
    second unit would name its own system of the same kind) and description templates."""

    key: str
    names: tuple[str, ...]
    descriptions: tuple[str, ...]
    weight: float = 1.0
    citizen_facing: bool = False


KINDS: tuple[SystemKind, ...] = (
    SystemKind(
        "case",
        ("Ärendehantering för {o}", "Handläggningsstöd för {o}", "Verksamhetssystem för {o}"),
        (
            "Registrerar, handlägger och beslutar ärenden om {o} från ansökan till arkivering.",
            "Stöd för handläggarna: ärenden om {o} tas emot, utreds och avslutas med beslut.",
        ),
        3.0,
    ),
    SystemKind(
        "register",
        ("Register över {o}", "Databas för {o}", "Förteckning över {o}"),
        (
            "Håller förvaltningens uppgifter om {o} samlade och sökbara.",
            "En databas där uppgifter om {o} förs in, uppdateras och tas ut som listor.",
        ),
        2.0,
    ),
    SystemKind(
        "eservice",
        ("E-tjänst för {o}", "Självservice för {o}", "Webbformulär för {o}"),
        (
            "Låter invånare och företag ansöka och följa sina ärenden om {o} digitalt.",
            "Digital ansökan dygnet runt: invånaren fyller i uppgifter om {o} och får kvitto.",
        ),
        2.0,
        True,
    ),
    SystemKind(
        "planning",
        ("Planeringsverktyg för {o}", "Planeringsstöd för {o}", "Resursplanering för {o}"),
        (
            "Planerar resurser, tider och personal för {o}.",
            "Används för att lägga upp och följa planeringen av {o} vecka för vecka.",
        ),
        1.5,
    ),
    SystemKind(
        "reporting",
        ("Uppföljning av {o}", "Rapportverktyg för {o}", "Statistikstöd för {o}"),
        (
            "Tar fram rapporter och nyckeltal om {o} till ledning och nämnd.",
            "Sammanställer statistik om {o} för uppföljning och analys.",
        ),
        1.2,
    ),
    SystemKind(
        "archive",
        ("Arkiv för {o}", "Arkivlösning för {o}", "Långtidslagring av {o}"),
        (
            "Bevarar handlingar om {o} enligt arkivlagen och dokumenthanteringsplanen.",
            "Lagrar avslutade handlingar om {o} för gallring och bevarande.",
        ),
        0.8,
    ),
    SystemKind(
        "documentation",
        ("Dokumentationsstöd för {o}", "Journalföring för {o}", "Dokumentationssystem för {o}"),
        (
            "Personalen dokumenterar insatser och händelser som rör {o}.",
            "Löpande anteckningar och dokumentation om {o} förs här.",
        ),
        1.2,
    ),
    SystemKind(
        "booking",
        ("Bokningssystem för {o}", "Tidsbokning för {o}", "Bokningstjänst för {o}"),
        (
            "Bokning av tider och resurser som gäller {o}.",
            "Invånare och personal bokar tider som gäller {o}.",
        ),
        0.6,
        True,
    ),
    SystemKind(
        "map",
        ("Kartapplikation för {o}", "Kartverktyg för {o}", "GIS-stöd för {o}"),
        (
            "Visar {o} på karta och hämtar lägesuppgifter från kommunens geodata.",
            "Kartbaserat stöd där {o} kan sökas och visas geografiskt.",
        ),
        0.5,
    ),
    SystemKind(
        "billing",
        ("Fakturering av {o}", "Debiteringssystem för {o}", "Avgiftsdebitering för {o}"),
        (
            "Beräknar avgifter och skapar fakturaunderlag för {o}.",
            "Tar fram debiteringsunderlag för {o} och skickar dem till ekonomisystemet.",
        ),
        0.6,
    ),
    SystemKind(
        "app",
        ("Mobilapp för {o}", "App för {o}", "Mobil tjänst för {o}"),
        (
            "En app i mobilen för personal eller invånare som arbetar med {o}.",
            "Mobil åtkomst till {o} för den som är ute i verksamheten.",
        ),
        0.5,
        True,
    ),
    SystemKind(
        "integration",
        ("Integrationstjänst för {o}", "Överföringstjänst för {o}", "Meddelandetjänst för {o}"),
        (
            "För över uppgifter om {o} mellan verksamhetssystemen.",
            "Skickar och tar emot uppgifter om {o} till och från andra system.",
        ),
        0.5,
    ),
)

VENDORS: tuple[str, ...] = (
    "Nordkod AB",
    "Kommundata Syd AB",
    "Offentlia Systems AB",
    "Tjänsteverket Norden AB",
    "Medborgarsoft AB",
    "Ärendia AB",
    "Förvaltningsdata i Mälardalen AB",
    "Skolplattan AB",
    "Omsorgsdata AB",
    "Geoplan Sverige AB",
    "Fakturabolaget AB",
    "Arkivbyrån Nord AB",
    "Lönepartner AB",
    "Molnkommun AB",
    "Vattenstyrning AB",
    "Bibliotekssystem i Väst AB",
)

# (product, version, kind, end of life or None when endoflife.date has no date for it)
TECHNOLOGIES: tuple[tuple[str, str, str, date | None], ...] = (
    ("Red Hat Enterprise Linux", "9.4", "operating_system", date(2032, 5, 31)),
    ("Red Hat Enterprise Linux", "8.10", "operating_system", date(2029, 5, 31)),
    ("Debian", "13", "operating_system", date(2028, 8, 9)),
    ("SUSE Linux Enterprise Server", "15.7", "operating_system", date(2031, 7, 31)),
    ("Windows Server", "2019", "operating_system", None),
    ("Windows Server", "2012 R2", "operating_system", None),
    ("Alpine Linux", "3.9", "operating_system", date(2020, 11, 1)),
    ("PostgreSQL", "16.4", "database", date(2028, 11, 9)),
    ("PostgreSQL", "17.2", "database", date(2029, 11, 8)),
    ("PostgreSQL", "10.23", "database", date(2022, 11, 10)),
    ("PostgreSQL", "11.22", "database", date(2023, 11, 9)),
    ("Oracle Database", "19.24", "database", date(2029, 12, 31)),
    ("Oracle Database", "18.14", "database", date(2021, 6, 30)),
    ("IBM Db2", "11.5", "database", date(2027, 4, 30)),
    ("IBM Db2", "9.7", "database", date(2017, 9, 30)),
    ("MariaDB", "11.4", "database", date(2029, 5, 29)),
    ("MariaDB", "10.3", "database", date(2023, 5, 25)),
    ("Microsoft SQL Server", "2019", "database", None),
    ("MongoDB", "8.0", "database", date(2029, 10, 31)),
    ("MongoDB", "4.4", "database", date(2024, 2, 29)),
    ("Redis", "7.2", "database", date(2029, 12, 1)),
    ("Python", "3.12", "runtime", date(2028, 10, 31)),
    ("Python", "3.8", "runtime", date(2024, 10, 7)),
    (".NET", "10", "runtime", date(2028, 11, 14)),
    (".NET Framework", "4.5.2", "runtime", date(2022, 4, 26)),
    ("Microsoft Build of OpenJDK", "21", "runtime", date(2028, 9, 30)),
    ("Visual COBOL", "9.0", "runtime", date(2027, 7, 31)),
    ("Visual COBOL", "5.0", "runtime", date(2023, 6, 30)),
    ("Django", "5.2", "framework", date(2028, 4, 30)),
    ("Django", "3.2", "framework", date(2024, 4, 1)),
    ("Angular", "21", "framework", date(2027, 6, 30)),
    ("Umbraco", "17", "framework", date(2028, 11, 27)),
    ("Umbraco", "8", "framework", date(2025, 2, 24)),
    ("Red Hat JBoss EAP", "8.0", "middleware", date(2031, 2, 5)),
    ("Red Hat JBoss EAP", "6.4", "middleware", date(2019, 6, 30)),
)
# The end of extended support, where it outlasts the end of life above.
EXTENDED_SUPPORT: dict[tuple[str, str], date] = {
    ("IBM Db2", "9.7"): date(2025, 4, 30),
    ("Red Hat JBoss EAP", "6.4"): date(2022, 6, 30),
    ("MariaDB", "11.4"): date(2033, 1, 16),
    ("SUSE Linux Enterprise Server", "15.7"): date(2034, 7, 31),
}

FIRST_NAMES = (
    "Anna",
    "Erik",
    "Maria",
    "Lars",
    "Karin",
    "Johan",
    "Eva",
    "Anders",
    "Sara",
    "Mikael",
    "Lena",
    "Per",
    "Emma",
    "Fredrik",
    "Ingrid",
    "Ahmed",
    "Fatima",
    "Jonas",
    "Malin",
    "Olof",
    "Sofia",
    "Hanna",
    "Nils",
    "Elin",
    "Ali",
    "Camilla",
)
LAST_NAMES = (
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Lindberg",
    "Lindqvist",
    "Berg",
    "Holm",
    "Hassan",
    "Nyström",
    "Sjöberg",
    "Ek",
    "Lund",
)
