"""The output-only checker: is a key result an outcome ("<verb> <measure> from X to Y by
<date>") or an output ("launch X", "deliver Y", a count of deliverables, no target)?

A rule set on the text (Swedish and English) and on the fields given beside it. It returns a
verdict with reason codes and values, and a suggested outcome form as a code too; the presenter
words them. Rules, in order:
- `deliverable_count`: the measure is a number of things made ("4 workshops", "8 features");
- `output_verb`: it starts with an output verb (launch, deliver, implement, produce, carry out
  … / lansera, leverera, införa, ta fram, genomföra …) and names no measure with a target;
- `no_measure`: no measure and no bound metric ("improve our monitoring");
- `no_target`: no target, in the text ("to 80 %") or the field;
- `no_baseline`, `no_date`: advice only: an outcome still, but incomplete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from produktlyft.outcomes.model import Reason, Verdict

_NUMBER = r"\d+(?:[.,]\d+)?"
_WORD_NUMBERS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several|"
    r"en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|tolv|några|flera"
)
OUTPUT_VERBS = (
    # English
    "launch",
    "deliver",
    "implement",
    "produce",
    "carry out",
    "build",
    "ship",
    "release",
    "roll out",
    "introduce",
    "complete",
    "create",
    "develop",
    "publish",
    "set up",
    "migrate",
    "run",
    "hold",
    "organise",
    "organize",
    "write",
    "procure",
    "buy",
    "install",
    "deploy",
    "establish",
    "start",
    "finish",
    "train",
    "conduct",
    "design",
    "map",
    "improve our",
    # Swedish
    "lansera",
    "leverera",
    "införa",
    "ta fram",
    "genomföra",
    "bygga",
    "släppa",
    "utveckla",
    "skapa",
    "implementera",
    "slutföra",
    "publicera",
    "driftsätta",
    "upphandla",
    "anordna",
    "hålla",
    "etablera",
    "starta",
    "påbörja",
    "migrera",
    "installera",
    "köpa in",
    "skriva",
    "utbilda",
    "ordna",
    "sätta upp",
    "bli bättre",
)
CHANGE_VERBS = (
    "increase",
    "reduce",
    "decrease",
    "raise",
    "cut",
    "halve",
    "double",
    "lower",
    "grow",
    "shorten",
    "bring",
    "keep",
    "reach",
    "improve",
    "speed up",
    "move",
    "öka",
    "minska",
    "sänka",
    "höja",
    "halvera",
    "fördubbla",
    "förkorta",
    "korta",
    "förbättra",
    "nå",
    "behålla",
    "hålla nere",
    "gå från",
    "få ner",
    "få upp",
)
DELIVERABLES = (
    r"workshops?|features?|releases?|reports?|trainings?|training days?|sessions?|meetings?|"
    r"documents?|user stor(?:y|ies)|epics?|modules?|e-services?|apis?|integrations?|sprints?|"
    r"presentations?|seminars?|webinars?|blog posts?|posts?|articles?|pilots?|prototypes?|"
    r"deliverables?|tickets?|courses?|newsletters?|"
    r"releaser|rapporter|utbildningar|utbildningsdagar|utbildningstillfällen|möten|dokument|"
    r"moduler|e-tjänster|integrationer|presentationer|seminarier|nyheter|artiklar|piloter|"
    r"prototyper|leveranser|funktioner|kurser|nyhetsbrev|workshopar|informationsträffar"
)
MEASURES = (
    r"share|rate|time|satisfaction|satisfied|cost|take-up|defects?|frequency|lead time|"
    r"contacts?|calls?|errors?|complaints?|waiting|queue|score|nps|percent|per cent|%|days?|"
    r"hours?|minutes?|requests?|submissions?|users?|applications?|"
    r"number of|antal\w*|andel|tid|nöjd|nöjdhet|kostnad|brister|frekvens|ledtid|samtal|"
    r"kontakter|fel|klagomål|"
    r"väntetid|kö|procent|dagar|timmar|minuter|ansökningar|ärenden|användare|brev"
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"januari|februari|mars|maj|juni|juli|augusti|oktober"
)


@dataclass(frozen=True)
class KeyResultText:
    """What the checker reads: the text and the optional fields beside it."""

    text: str
    metric: str | None = None
    baseline: float | None = None
    target: float | None = None
    due: date | None = None


@dataclass(frozen=True)
class OkrCheck:
    verdict: Verdict
    reasons: tuple[Reason, ...]
    suggestion: Reason


def _words(options: tuple[str, ...]) -> str:
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


_OUTPUT_START = re.compile(rf"^\s*(?:vi\s+ska\s+|we\s+will\s+)?({_words(OUTPUT_VERBS)})\b", re.I)
_CHANGE_START = re.compile(rf"^\s*(?:vi\s+ska\s+|we\s+will\s+)?({_words(CHANGE_VERBS)})\b", re.I)
_COUNT = re.compile(
    rf"(?:(?<![\w.,])(?:{_NUMBER}|{_WORD_NUMBERS})|\bnumber\s+of|\bantal(?:et)?)\s+(?:\w+[\s-]+){{0,2}}?({DELIVERABLES})\b",
    re.I,
)
_MEASURE = re.compile(rf"(?:\b|(?<=\d)\s?)({MEASURES})\b|%", re.I)
_BASELINE = re.compile(rf"\b(?:from|från)\s+(?:about\s+|ca\s+|cirka\s+)?({_NUMBER})", re.I)
_TARGET = re.compile(
    rf"\b(?:to|till|down to|up to|under|below|above|over|över|at least|at most|minst|högst|"
    rf"reach|nå|within|inom)\s+(?:about\s+|ca\s+|cirka\s+)?({_NUMBER})(?!\s*-\d)",
    re.I,
)
_DUE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|q[1-4]|t[1-3]|kvartal\s+[1-4]|(?:19|20)\d{{2}}|{_MONTHS})\b",
    re.I,
)


def _target_in_text(text: str) -> str | None:
    match = _TARGET.search(text)
    return match.group(1) if match else None


def check(kr: KeyResultText) -> OkrCheck:
    """The verdict on one key result, with every reason that applies."""
    text = " ".join(kr.text.split())
    reasons: list[Reason] = []
    count = _COUNT.search(text)
    output = _OUTPUT_START.search(text)
    has_measure = kr.metric is not None or bool(_MEASURE.search(text))
    target = kr.target is not None or _target_in_text(text) is not None
    baseline = kr.baseline is not None or bool(_BASELINE.search(text))
    due = kr.due is not None or bool(_DUE.search(text))
    if count:
        reasons.append(Reason(code="deliverable_count", params={"what": count.group(0)}))
    if output and not (has_measure and target):
        reasons.append(Reason(code="output_verb", params={"verb": output.group(1).lower()}))
    if not has_measure and not output:
        reasons.append(Reason(code="no_measure"))
    if not target:
        reasons.append(Reason(code="no_target"))
    rejected = bool(reasons)
    if not baseline:
        reasons.append(Reason(code="no_baseline"))
    if not due:
        reasons.append(Reason(code="no_date"))
    verdict = Verdict.OUTPUT if rejected else Verdict.OUTCOME
    return OkrCheck(verdict, tuple(reasons), _suggestion(kr, text, verdict, output, reasons))


def _suggestion(
    kr: KeyResultText,
    text: str,
    verdict: Verdict,
    output: re.Match[str] | None,
    reasons: list[Reason],
) -> Reason:
    params = {
        "baseline": "X" if kr.baseline is None else f"{kr.baseline:g}",
        "target": "Y" if kr.target is None else f"{kr.target:g}",
        "due": "" if kr.due is None else kr.due.isoformat(),
        "metric": kr.metric or "",
    }
    if verdict is Verdict.OUTCOME:
        missing = [r.code for r in reasons]
        return Reason(code="suggest.complete" if missing else "suggest.none", params=params)
    if kr.metric:
        return Reason(code="suggest.metric", params=params)
    what = text[output.end() :].strip(" .") if output else text.strip(" .")
    return Reason(code="suggest.output", params={**params, "what": what})
