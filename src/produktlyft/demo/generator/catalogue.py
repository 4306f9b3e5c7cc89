"""The vocabulary of the fictional municipality "Exempelstad kommun".

Everything here is invented for the demo: departments and units as a Swedish municipality has
them, the things its systems handle (objects), the kinds of system, fictional vendors, and real
technology products and versions (so end-of-life look-ups find them). The end-of-life dates are
copied from the endoflife.date snapshot; a test checks them against that data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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
    phrase: str          # reads well after "för", "över" and "av"
    capability: str      # the level-2 capability
    data_object: str
    department: str
    criticality: str     # the usual criticality of systems handling it
    personal_data: str = "personal"
    citizen_facing: bool = False


DEPARTMENTS: tuple[Department, ...] = (
    Department("klk", "Kommunledningskontoret", ("Kansliavdelningen", "Kommunikationsavdelningen",
               "Digitaliseringsenheten", "Kontaktcenter"), "Styrning och ledning"),
    Department("ekonomi", "Ekonomiförvaltningen", ("Redovisningsenheten", "Upphandlingsenheten",
               "Budgetenheten"), "Ekonomi och upphandling"),
    Department("hr", "HR-förvaltningen", ("Löneenheten", "Rekryteringsenheten",
               "Arbetsmiljöenheten"), "Personal och kompetens"),
    Department("bou", "Barn- och utbildningsförvaltningen", ("Förskoleenheten",
               "Grundskoleenheten", "Elevhälsan", "Skolskjutsenheten"), "Skola och förskola"),
    Department("gvux", "Gymnasie- och vuxenutbildningsförvaltningen", ("Gymnasieskolan",
               "Vuxenutbildningen", "SFI"), "Gymnasie- och vuxenutbildning"),
    Department("soc", "Socialförvaltningen", ("Individ- och familjeomsorgen",
               "Ekonomiskt bistånd", "Familjerätten", "Socialjouren"), "Socialtjänst"),
    Department("vo", "Vård- och omsorgsförvaltningen", ("Hemtjänsten", "Särskilt boende",
               "LSS-enheten", "Hälso- och sjukvårdsenheten"), "Vård och omsorg"),
    Department("sbf", "Samhällsbyggnadsförvaltningen", ("Bygglovsenheten", "Planenheten",
               "Lantmäterienheten", "GIS-enheten"), "Samhällsbyggnad"),
    Department("mhf", "Miljö- och hälsoskyddsförvaltningen", ("Miljötillsyn",
               "Livsmedelskontrollen", "Hälsoskydd"), "Miljö och hälsa"),
    Department("tf", "Tekniska förvaltningen", ("Gata och park", "VA-enheten", "Avfallsenheten",
               "Fastighetsenheten"), "Teknik och infrastruktur"),
    Department("kf", "Kultur- och fritidsförvaltningen", ("Biblioteken", "Fritidsenheten",
               "Kulturskolan"), "Kultur och fritid"),
    Department("amf", "Arbetsmarknadsförvaltningen", ("Arbetsmarknadsenheten",
               "Integrationsenheten"), "Arbetsmarknad och integration"),
)

_O = SystemObject
OBJECTS: tuple[SystemObject, ...] = (
    # Kommunledningskontoret
    _O("diarium", "diarieföring och dokument", "Dokument- och ärendehantering", "Diarieförd handling", "klk", "critical_to_operations"),
    _O("namnd", "nämndadministration", "Politisk beredning", "Sammanträdesprotokoll", "klk", "critical_to_operations", "none"),
    _O("earkiv", "e-arkivering", "Arkivering", "Arkivpaket", "klk", "critical_to_operations"),
    _O("webb", "den externa webbplatsen", "Information till invånare", "Webbsida", "klk", "critical_to_operations", "none", True),
    _O("intranat", "intranätet", "Intern kommunikation", "Intranätsida", "klk", "not_critical", "none"),
    _O("kontakt", "invånarkontakter", "Kontaktcenter", "Invånarärende", "klk", "critical_to_operations", "personal", True),
    _O("medborgardialog", "medborgardialog", "Medborgardialog", "Medborgarförslag", "klk", "not_critical", "personal", True),
    _O("kris", "krisledning", "Krisberedskap", "Krislägesbild", "klk", "critical_to_society"),
    _O("identitet", "inloggning och behörigheter", "Identitets- och behörighetshantering", "Användarkonto", "klk", "critical_to_society"),
    _O("statistik", "verksamhetsstatistik", "Beslutsstöd", "Nyckeltal", "klk", "not_critical", "none"),
    # Ekonomi
    _O("redovisning", "redovisning och huvudbok", "Redovisning", "Verifikation", "ekonomi", "critical_to_operations", "none"),
    _O("leverantorsfaktura", "leverantörsfakturor", "Fakturahantering", "Leverantörsfaktura", "ekonomi", "critical_to_operations"),
    _O("kundfaktura", "kundfakturor", "Fakturering", "Kundfaktura", "ekonomi", "critical_to_operations"),
    _O("budget", "budget och prognos", "Budgetering", "Budgetpost", "ekonomi", "not_critical", "none"),
    _O("upphandling", "upphandlingar", "Upphandling", "Upphandlingsdokument", "ekonomi", "critical_to_operations", "none"),
    _O("avtal", "avtal", "Avtalsförvaltning", "Avtal", "ekonomi", "not_critical", "none"),
    _O("ehandel", "e-handel och beställningar", "Inköp", "Beställning", "ekonomi", "not_critical", "none"),
    _O("anlaggning", "anläggningstillgångar", "Anläggningsredovisning", "Anläggningspost", "ekonomi", "not_critical", "none"),
    # HR
    _O("lon", "löner", "Lönehantering", "Lönespecifikation", "hr", "critical_to_operations"),
    _O("rekrytering", "rekrytering", "Rekrytering", "Ansökan om anställning", "hr", "not_critical", "personal", True),
    _O("bemanning", "bemanning och scheman", "Bemanning", "Arbetspass", "hr", "critical_to_operations"),
    _O("kompetens", "kompetensutveckling", "Kompetensförsörjning", "Utbildningsinsats", "hr", "not_critical"),
    _O("arbetsmiljo", "arbetsmiljöärenden", "Arbetsmiljö", "Tillbudsrapport", "hr", "not_critical", "sensitive"),
    _O("franvaro", "sjukfrånvaro", "Frånvarouppföljning", "Frånvaroanmälan", "hr", "not_critical", "sensitive"),
    # Barn och utbildning
    _O("elevregister", "elever i grundskolan", "Elevadministration", "Elevuppgifter", "bou", "critical_to_operations", "personal"),
    _O("forskoleplats", "förskoleplacering", "Förskoleplacering", "Placeringsbeslut", "bou", "critical_to_operations", "personal", True),
    _O("skolskjuts", "skolskjuts", "Skolskjutsplanering", "Skolskjutsresa", "bou", "critical_to_operations", "personal", True),
    _O("larplattform", "undervisning och lärande", "Lärande och undervisning", "Uppgift och bedömning", "bou", "critical_to_operations"),
    _O("frånvaro_elev", "elevfrånvaro", "Närvaro- och frånvarohantering", "Frånvaronotering", "bou", "not_critical"),
    _O("elevhalsa", "elevhälsans journaler", "Elevhälsa", "Elevhälsojournal", "bou", "critical_to_operations", "sensitive"),
    _O("skolmat", "skolmåltider", "Måltidsplanering", "Matsedel", "bou", "not_critical", "none"),
    _O("modersmal", "modersmålsundervisning", "Modersmålsundervisning", "Modersmålsansökan", "bou", "not_critical"),
    # Gymnasie och vux
    _O("gymnasieantagning", "gymnasieantagning", "Antagning", "Antagningsbeslut", "gvux", "critical_to_operations", "personal", True),
    _O("betyg", "betyg och examen", "Betygshantering", "Betygsdokument", "gvux", "critical_to_operations"),
    _O("vuxkurser", "kurser i vuxenutbildningen", "Vuxenutbildning", "Kursanmälan", "gvux", "not_critical", "personal", True),
    _O("sfi", "svenskundervisning för invandrare", "SFI", "Studieplan", "gvux", "not_critical"),
    _O("studieplan", "individuella studieplaner", "Studie- och yrkesvägledning", "Individuell studieplan", "gvux", "not_critical"),
    # Socialtjänst
    _O("ifo", "utredningar inom individ- och familjeomsorgen", "Myndighetsutövning IFO", "Personakt", "soc", "critical_to_society", "sensitive"),
    _O("bistand", "ekonomiskt bistånd", "Ekonomiskt bistånd", "Biståndsansökan", "soc", "critical_to_society", "sensitive", True),
    _O("familjeratt", "familjerättsärenden", "Familjerätt", "Familjerättsakt", "soc", "critical_to_operations", "sensitive"),
    _O("socialjour", "socialjourens ärenden", "Socialjour", "Jourrapport", "soc", "critical_to_society", "sensitive"),
    _O("orosanmalan", "orosanmälningar", "Orosanmälningar", "Orosanmälan", "soc", "critical_to_society", "sensitive", True),
    _O("missbruk", "missbruksvård", "Missbruks- och beroendevård", "Behandlingsplan", "soc", "critical_to_operations", "sensitive"),
    _O("boendesoc", "sociala bostadskontrakt", "Boendestöd", "Bostadskontrakt", "soc", "not_critical", "sensitive"),
    # Vård och omsorg
    _O("hemtjanst", "hemtjänst", "Hemtjänst", "Insatsbeslut", "vo", "critical_to_society", "sensitive"),
    _O("trygghetslarm", "trygghetslarm", "Trygghetslarm", "Larmhändelse", "vo", "critical_to_society", "sensitive", True),
    _O("lakemedel", "läkemedelshantering", "Läkemedelshantering", "Läkemedelslista", "vo", "critical_to_society", "sensitive"),
    _O("halsojournal", "hälso- och sjukvårdsjournaler", "Hälso- och sjukvårdsdokumentation", "Patientjournal", "vo", "critical_to_society", "sensitive"),
    _O("lss", "LSS-insatser", "LSS-handläggning", "LSS-beslut", "vo", "critical_to_operations", "sensitive"),
    _O("boende", "särskilt boende", "Särskilt boende", "Boendeplacering", "vo", "critical_to_operations", "sensitive"),
    _O("nyckel", "nyckelfri hemtjänst", "Digitala lås", "Låsbehörighet", "vo", "critical_to_operations"),
    _O("fardtjanst", "färdtjänst", "Färdtjänst", "Färdtjänsttillstånd", "vo", "critical_to_operations", "sensitive", True),
    _O("avgifter", "omsorgsavgifter", "Avgiftshantering", "Avgiftsbeslut", "vo", "not_critical", "sensitive"),
    # Samhällsbyggnad
    _O("bygglov", "bygglov", "Bygglovshantering", "Bygglovsärende", "sbf", "critical_to_operations", "personal", True),
    _O("detaljplan", "detaljplaner", "Fysisk planering", "Detaljplan", "sbf", "critical_to_operations", "none", True),
    _O("fastighet", "fastighetsinformation", "Fastighetsinformation", "Fastighetsuppgift", "sbf", "critical_to_operations"),
    _O("karta", "kartor och geodata", "Geografisk information", "Geodataskikt", "sbf", "critical_to_operations", "none"),
    _O("adress", "adresser och belägenhet", "Adressförvaltning", "Belägenhetsadress", "sbf", "not_critical", "none"),
    _O("bostadsanpassning", "bostadsanpassningsbidrag", "Bostadsanpassning", "Bidragsansökan", "sbf", "not_critical", "sensitive", True),
    _O("strandskydd", "strandskyddsdispenser", "Strandskydd", "Dispensärende", "sbf", "not_critical", "personal", True),
    # Miljö och hälsa
    _O("miljotillsyn", "miljötillsyn", "Miljötillsyn", "Tillsynsärende", "mhf", "critical_to_operations"),
    _O("livsmedel", "livsmedelskontroll", "Livsmedelskontroll", "Kontrollrapport", "mhf", "critical_to_operations", "personal"),
    _O("avlopp", "enskilda avlopp", "Avloppstillsyn", "Avloppsanläggning", "mhf", "not_critical"),
    _O("serveringstillstand", "serveringstillstånd", "Alkoholtillstånd", "Tillståndsärende", "mhf", "not_critical", "personal", True),
    _O("halsoskydd", "hälsoskyddsärenden", "Hälsoskydd", "Klagomålsärende", "mhf", "not_critical"),
    # Teknik
    _O("va", "vatten och avlopp", "VA-försörjning", "Mätarställning", "tf", "critical_to_society"),
    _O("scada", "driftövervakning av verk", "Driftövervakning", "Larmsignal", "tf", "critical_to_society", "none"),
    _O("avfall", "avfallsabonnemang", "Avfallshantering", "Abonnemang", "tf", "critical_to_operations", "personal", True),
    _O("felanmalan", "felanmälningar", "Felanmälan", "Felanmälan", "tf", "not_critical", "personal", True),
    _O("fastighetsforvaltning", "kommunala fastigheter", "Fastighetsförvaltning", "Lokalobjekt", "tf", "critical_to_operations", "none"),
    _O("energi", "energiuppföljning", "Energiuppföljning", "Energimätvärde", "tf", "not_critical", "none"),
    _O("gata", "gator och vägar", "Gatuunderhåll", "Vägobjekt", "tf", "not_critical", "none"),
    _O("parkering", "parkeringstillstånd", "Parkering", "Parkeringstillstånd", "tf", "not_critical", "personal", True),
    _O("fordon", "kommunens fordon", "Fordonsförvaltning", "Fordon", "tf", "not_critical", "none"),
    # Kultur och fritid
    _O("bibliotek", "biblioteksutlån", "Biblioteksverksamhet", "Lån", "kf", "not_critical", "personal", True),
    _O("lokalbokning", "lokalbokning", "Lokalbokning", "Bokning", "kf", "not_critical", "personal", True),
    _O("forening", "föreningsbidrag", "Föreningsstöd", "Föreningsansökan", "kf", "not_critical", "personal", True),
    _O("kulturskola", "kulturskolans elever", "Kulturskola", "Kursplats", "kf", "not_critical", "personal", True),
    _O("evenemang", "evenemang och biljetter", "Evenemang", "Biljett", "kf", "not_critical", "personal", True),
    # Arbetsmarknad
    _O("deltagare", "deltagare i arbetsmarknadsinsatser", "Arbetsmarknadsinsatser", "Deltagarakt", "amf", "critical_to_operations", "sensitive"),
    _O("praktik", "praktikplatser", "Praktikförmedling", "Praktikplats", "amf", "not_critical"),
    _O("etablering", "etableringsinsatser för nyanlända", "Etablering", "Etableringsplan", "amf", "not_critical", "sensitive"),
)


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
    SystemKind("case", ("Ärendehantering för {o}", "Handläggningsstöd för {o}",
                        "Verksamhetssystem för {o}"),
               ("Registrerar, handlägger och beslutar ärenden om {o} från ansökan till arkivering.",
                "Stöd för handläggarna: ärenden om {o} tas emot, utreds och avslutas med beslut."),
               3.0),
    SystemKind("register", ("Register över {o}", "Databas för {o}", "Förteckning över {o}"),
               ("Håller förvaltningens uppgifter om {o} samlade och sökbara.",
                "En databas där uppgifter om {o} förs in, uppdateras och tas ut som listor."), 2.0),
    SystemKind("eservice", ("E-tjänst för {o}", "Självservice för {o}", "Webbformulär för {o}"),
               ("Låter invånare och företag ansöka och följa sina ärenden om {o} digitalt.",
                "Digital ansökan dygnet runt: invånaren fyller i uppgifter om {o} och får kvitto."),
               2.0, True),
    SystemKind("planning", ("Planeringsverktyg för {o}", "Planeringsstöd för {o}",
                            "Resursplanering för {o}"),
               ("Planerar resurser, tider och personal för {o}.",
                "Används för att lägga upp och följa planeringen av {o} vecka för vecka."), 1.5),
    SystemKind("reporting", ("Uppföljning av {o}", "Rapportverktyg för {o}",
                             "Statistikstöd för {o}"),
               ("Tar fram rapporter och nyckeltal om {o} till ledning och nämnd.",
                "Sammanställer statistik om {o} för uppföljning och analys."), 1.2),
    SystemKind("archive", ("Arkiv för {o}", "Arkivlösning för {o}", "Långtidslagring av {o}"),
               ("Bevarar handlingar om {o} enligt arkivlagen och dokumenthanteringsplanen.",
                "Lagrar avslutade handlingar om {o} för gallring och bevarande."), 0.8),
    SystemKind("documentation", ("Dokumentationsstöd för {o}", "Journalföring för {o}",
                                 "Dokumentationssystem för {o}"),
               ("Personalen dokumenterar insatser och händelser som rör {o}.",
                "Löpande anteckningar och dokumentation om {o} förs här."), 1.2),
    SystemKind("booking", ("Bokningssystem för {o}", "Tidsbokning för {o}",
                           "Bokningstjänst för {o}"),
               ("Bokning av tider och resurser som gäller {o}.",
                "Invånare och personal bokar tider som gäller {o}."), 0.6, True),
    SystemKind("map", ("Kartapplikation för {o}", "Kartverktyg för {o}", "GIS-stöd för {o}"),
               ("Visar {o} på karta och hämtar lägesuppgifter från kommunens geodata.",
                "Kartbaserat stöd där {o} kan sökas och visas geografiskt."), 0.5),
    SystemKind("billing", ("Fakturering av {o}", "Debiteringssystem för {o}",
                           "Avgiftsdebitering för {o}"),
               ("Beräknar avgifter och skapar fakturaunderlag för {o}.",
                "Tar fram debiteringsunderlag för {o} och skickar dem till ekonomisystemet."), 0.6),
    SystemKind("app", ("Mobilapp för {o}", "App för {o}", "Mobil tjänst för {o}"),
               ("En app i mobilen för personal eller invånare som arbetar med {o}.",
                "Mobil åtkomst till {o} för den som är ute i verksamheten."), 0.5, True),
    SystemKind("integration", ("Integrationstjänst för {o}", "Överföringstjänst för {o}",
                               "Meddelandetjänst för {o}"),
               ("För över uppgifter om {o} mellan verksamhetssystemen.",
                "Skickar och tar emot uppgifter om {o} till och från andra system."), 0.5),
)

VENDORS: tuple[str, ...] = (
    "Nordkod AB", "Kommundata Syd AB", "Offentlia Systems AB", "Tjänsteverket Norden AB",
    "Medborgarsoft AB", "Ärendia AB", "Förvaltningsdata i Mälardalen AB", "Skolplattan AB",
    "Omsorgsdata AB", "Geoplan Sverige AB", "Fakturabolaget AB", "Arkivbyrån Nord AB",
    "Lönepartner AB", "Molnkommun AB", "Vattenstyrning AB", "Bibliotekssystem i Väst AB",
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

FIRST_NAMES = ("Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Anders", "Sara",
               "Mikael", "Lena", "Per", "Emma", "Fredrik", "Ingrid", "Ahmed", "Fatima", "Jonas",
               "Malin", "Olof", "Sofia", "Hanna", "Nils", "Elin", "Ali", "Camilla")
LAST_NAMES = ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
              "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Lindberg",
              "Lindqvist", "Berg", "Holm", "Hassan", "Nyström", "Sjöberg", "Ek", "Lund")
