"""Swedish-aware words for duplicate detection: normalise, split compounds, stem, drop boilerplate.

- normalise: lower case (diacritics kept: "år" and "ar" are different words), product versions
  ("7.2", "v3", "2019") and parentheticals ("(läsläge)", "(Excel)") taken out of the name, so
  "W3D3 (läsläge)" and "W3D3" are the same product; the parenthetical is kept apart as a note.
- compound splitting: a long word is split where both parts are known words (the corpus' own
  words plus the function vocabulary), with the Swedish linking "s" allowed, so "lokalbokning"
  meets "bokning av lokaler" and "bygglovshantering" meets "bygglov";
- Snowball stemming (PyStemmer), Swedish and then English on the result, so inflected forms
  of either language meet (Norwegian and Danish plural endings and nynorsk stems put in the
  forms it stems first);
- stop words: grammar words and boilerplate that every system has ("system", "stöd", "verktyg",
  "kommunens", "tool"), which would otherwise match every planning tool to every other.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise

import Stemmer

from produktlyft.review.analysis.duplicates_nynorsk import as_bokmaal

_SV = Stemmer.Stemmer("swedish")
_EN = Stemmer.Stemmer("english")

PARENTHETICAL = re.compile(r"\(([^)]*)\)")
VERSION = re.compile(r"\b(v(er(sion)?)?\.?\s?\d[\w.]*|\d+(\.\d+)+|(19|20)\d\d)\b", re.IGNORECASE)
WORD = re.compile(r"[0-9a-zåäöéüæøA-ZÅÄÖÉÜÆØ][\w-]*", re.UNICODE)

STOP_WORDS = frozenset(
    [
        "och",
        "att",
        "det",
        "som",
        "en",
        "ett",
        "i",
        "på",
        "för",
        "av",
        "med",
        "till",
        "från",
        "om",
        "är",
        "vid",
        "eller",
        "den",
        "de",
        "där",
        "när",
        "ska",
        "kan",
        "alla",
        "samt",
        "även",
        "under",
        "över",
        "inom",
        "efter",
        "före",
        "mellan",
        "här",
        "sina",
        "sitt",
        "sin",
        "deras",
        "dess",
        "man",
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "be",
        "this",
        "that",
        "its",
        "their",
        "our",
        "via",
        "system",
        "systemet",
        "systems",
        "stöd",
        "stödet",
        "verktyg",
        "verktyget",
        "tool",
        "tools",
        "program",
        "programmet",
        "kommun",
        "kommunen",
        "kommunens",
        "region",
        "regionen",
        "regionens",
        "förvaltning",
        "förvaltningen",
        "förvaltningar",
        "förvaltningarnas",
        "används",
        "använde",
        "använder",
        "used",
        "use",
        "uses",
        "using",
        "hantering",
        "hanteras",
        "handle",
        "handles",
        "handling",
        "management",
        "manage",
        "managing",
        "digital",
        "digitalt",
        "digitala",
        "data",
        "information",
        "uppgifter",
        "ny",
        "nya",
        "gamla",
        "old",
        "new",
        "kvar",
        "still",
        "f.d",
        "former",
        "tidigare",
        "samtliga",
        "all",
        "alla",
        "olika",
        "various",
        "kommunhuset",
        # the same in Norwegian and Danish: a Nordic inventory's little words and boilerplate
        "frå",
        "ikkje",
        "eit",
        "dei",
        "kva",
        "kven",
        "berre",
        "sjølv",
        "heile",
        "tidlegare",
        "framleis",
        "nokre",
        "nytta",
        "nyttar",
        "gamal",
        "òg",
        "og",
        "af",
        "til",
        "fra",
        "ikke",
        "hos",
        "etter",
        "innen",
        "mellom",
        "hvor",
        "også",
        "både",
        "blir",
        "bli",
        "vil",
        "må",
        "der",
        "et",
        "er",
        "sine",
        "dets",
        "seg",
        "sig",
        "ved",
        "når",
        "hvis",
        "mot",
        "mod",
        "uten",
        "uden",
        "kommune",
        "kommunes",
        "kommuner",
        "fylkeskommune",
        "fylkeskommunen",
        "fylkeskommunens",
        "forvaltningens",
        "benyttes",
        "anvendes",
        "anvender",
        "håndtering",
        "håndteres",
        "håndterer",
        "systemer",
        "systemene",
        "systemerne",
        "verktøy",
        "verktøyet",
        "værktøj",
        "værktøjet",
        "digitale",
        "informasjon",
        "oplysninger",
        "opplysninger",
        "tidligere",
        "gamle",
        "nye",
        "nyt",
        "nytt",
        "ulike",
        "forskellige",
    ]
)
# "a line-of-business system", "software", "a solution": what every system is, so two systems
# described only so ("Verksamhetssystem.") are no more alike in their text than two described
# not at all. Left out of the text layer only: the roles and the vocabulary read them
GENERIC_KINDS = frozenset(
    [
        "verksamhetssystem",
        "verksamhetssystemet",
        "verksamhetssystemen",
        "verksamhetsstöd",
        "verksamhetsstödet",
        "programvara",
        "programvaran",
        "mjukvara",
        "lösning",
        "lösningen",
        "fagsystem",
        "fagsystemet",
        "fagsystemer",
        "fagsystemerne",
        "fagsystemene",
        "programvare",
        "løsning",
        "løsningen",
        "software",
        "solution",
    ]
)
TEXT_SKIP = STOP_WORDS | GENERIC_KINDS
MIN_PART = 3  # a compound part shorter than this is too likely to be an accident
MIN_SPLIT = 7  # words shorter than this are not split


def split_name(name: str) -> tuple[str, list[str]]:
    """The name without versions and parentheticals, and the parentheticals' texts."""
    notes = [n.strip() for n in PARENTHETICAL.findall(name)]
    bare = VERSION.sub(" ", PARENTHETICAL.sub(" ", name))
    return " ".join(bare.split()), notes


@lru_cache(maxsize=100_000)
def words(text: str) -> tuple[str, ...]:
    """Lower-cased words, diacritics kept, versions removed; cached, since placing a system
    reads its name and description many times (each hit, role, marker and phrase)."""
    found = WORD.findall(VERSION.sub(" ", text).casefold())
    return tuple(w.rstrip("-") if w.endswith("-") else w for w in found)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    # Swedish, then English on the result: always both, so that an inflected form and its base
    # ("planerings", "planering") end on the same stem whichever language the word is in
    return str(_EN.stemWord(_SV.stemWord(indefinite(as_bokmaal(word)))))


DEFINITE_A_MIN = 6  # "skolan" and longer; "plan" and "organ" are not definite forms
NORDIC_PLURAL_MIN = 6  # "sakene", "sagene" and longer; "scene", "where" are no plurals


def indefinite(word: str) -> str:
    """The forms Swedish Snowball leaves whole, put in the form it stems: the definite of
    words in -a ("kulturskolan", "kartan", "listan", "scheman" -> "kulturskola", ...), the
    Latin -ium words ("diariet", "diarium" -> "diari", like the plural "diarier"), and the
    Norwegian and Danish definite plurals and plurals in -ere, which Swedish has not
    ("tjenestene" -> "tjeneste", "skulane" -> "skula", "borgerne" -> "borger", "brukere" ->
    "bruker")."""
    if word.endswith(("ium", "iet")):
        return word[:-2]
    if word.endswith("an") and len(word) >= DEFINITE_A_MIN:
        return word[:-1]
    if len(word) >= NORDIC_PLURAL_MIN:
        if word.endswith(("ene", "erne", "ane")):
            return word[:-2]
        if word.endswith("ere"):
            return word[:-1]
    return word


_PLAIN: dict[str, tuple[str, ...]] = {}  # word_tokens without a splitter


class CompoundSplitter:
    """Splits Swedish compounds against a dictionary of known stems."""

    def __init__(self, known: Iterable[str]):
        self.known = {stem(w) for w in known if len(w) >= MIN_PART} | set(known)
        self._cache: dict[str, tuple[str, ...]] = {}
        self.tokens: dict[str, tuple[str, ...]] = {}  # word -> its stems, for `tokens`

    def split(self, word: str) -> tuple[str, ...]:
        if word in self._cache:
            return self._cache[word]
        parts = self._split(word, depth=0) or (word,)
        self._cache[word] = parts
        return parts

    def _is_known(self, part: str) -> bool:
        return len(part) >= MIN_PART and (part in self.known or stem(part) in self.known)

    def _split(self, word: str, depth: int) -> tuple[str, ...] | None:
        if len(word) < MIN_SPLIT or depth > 3:
            return None
        # longest head first, but a head that holds the word's whole stem leaves only an ending
        # for the tail: "hemtjänstinsatser" is "hemtjänst" + "insatser", not the stem of
        # "hemtjänstinsats" + the word "ser" (development sets' mean AP 0.904 -> 0.912); and
        # two parts before more: "kursplattform" is "kurs" + "plattform", not "kurspl" (the
        # stem of "kursplan") + "att" + "form"
        longest = min(len(word) - MIN_PART, len(stem(word)) - 1)
        best: tuple[str, ...] | None = None
        for cut in range(longest, MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            heads = [head] + ([head[:-1]] if head.endswith("s") and len(head) > MIN_PART else [])
            for h in heads:
                if not self._is_known(h):
                    continue
                if self._is_known(tail):
                    return (h, tail)  # two parts: none has fewer, and this head is the longest
                if best is None:
                    rest = self._split(tail, depth + 1)
                    best = (h, *rest) if rest else None
        return best


def tokens(
    text: str, splitter: CompoundSplitter | None = None, skip: frozenset[str] = STOP_WORDS
) -> list[str]:
    """Stems of the words of a text and of their compound parts, the words of `skip` (stop
    words) left out; with a splitter, also of the compounds a Swedish suspended compound
    stands for."""
    out: list[str] = []
    for word in words(text):
        if word not in skip:
            out.extend(word_tokens(word, splitter))
    if splitter is not None and "-" in text:
        for word in suspended(text, splitter):
            out.extend(word_tokens(word, splitter))
    return out


def phrases(text: str) -> set[str]:
    """The stems of every two neighbouring words of a text, stop words included ("digit post"
    for "digital post"): what a term of one word and a stop word ("case management",
    "digital brevlåda") is matched against, as a phrase, since its one word alone matches
    far too much."""
    stems = [stem(w) for w in words(text)]
    return {f"{a} {b}" for a, b in pairwise(stems)}


# "serverings- och tobakstillstånd", "dokument-, diarie- eller ärendehantering": a first part
# whose head is written once, on the last word of the series
SUSPENDED = re.compile(
    r"(\w+)-(?=\s*(?:,\s*\w+-\s*)*(?:,|och|eller|samt|and|or)\s+(\w{4,}))", re.UNICODE
)


def suspended(text: str, splitter: CompoundSplitter) -> list[str]:
    """The compounds a suspended compound stands for ("serveringstillstånd" in "serverings-
    och tobakstillstånd"): each first part joined to the last compound part of the series'
    last word; terms written whole ("serveringstillstånd") then meet the text."""
    found = []
    for first, last in SUSPENDED.findall(text.casefold()):
        parts = splitter.split(last)
        if len(parts) > 1:
            found.append(first + parts[-1])
    return found


def part_parents(text: str, splitter: CompoundSplitter) -> dict[str, set[str]]:
    """The stems that occur in `text` only as parts of compounds, each with the stems of the
    whole words it is part of ("omsorg" in "familjeomsorgen": {"familjeomsorg"})."""
    wholes: set[str] = set()
    parents: dict[str, set[str]] = {}
    for word in words(text):
        if word in STOP_WORDS:
            continue
        whole, *parts = word_tokens(word, splitter)
        wholes.add(whole)
        for part in parts:
            if part != whole:
                parents.setdefault(part, set()).add(whole)
    return {part: of for part, of in parents.items() if part not in wholes}


def word_tokens(word: str, splitter: CompoundSplitter | None) -> tuple[str, ...]:
    """One word's stem and its parts' stems; cached per splitter (words repeat a lot)."""
    cache = splitter.tokens if splitter is not None else _PLAIN
    found = cache.get(word)
    if found is None:
        out = [stem(word)]
        if "-" in word:  # "access-databas", "e-tjänst": the parts as well
            out.extend(stem(p) for p in word.split("-") if len(p) >= MIN_PART)
        if splitter is not None:
            parts = splitter.split(word)
            if len(parts) > 1:
                out.extend(stem(p) for p in parts if p not in STOP_WORDS)
        found = cache[word] = tuple(out)
    return found


def corpus_splitter(texts: Sequence[str], extra: Iterable[str] = ()) -> CompoundSplitter:
    """A splitter whose dictionary is the words of the texts (seen as whole words) and `extra`
    (the function vocabulary's words)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(words(text))
    # stop words stay in the dictionary: "planeringsverktyg" splits on "verktyg", which is
    # then dropped as a part
    vocabulary = {w for w in counts if len(w) >= MIN_PART} | set(STOP_WORDS)
    vocabulary |= {w for term in extra for w in words(term)}
    return CompoundSplitter(vocabulary)
