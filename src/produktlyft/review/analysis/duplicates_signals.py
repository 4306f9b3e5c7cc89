"""What each system is, read from its name, description and capabilities: the public-sector
functions it serves (a shipped vocabulary, `review/data/functions.json`), the known product it
is (a shipped catalogue, `review/data/products.json`, which a user file can override and
extend), and its role (core record or case system, e-service in front, reporting, archive,
viewer, platform, planning, pool, app, booking, billing, integration). Pure: the shipped files
are package data."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from produktlyft.review.analysis.duplicates_text import (
    STOP_WORDS,
    CompoundSplitter,
    part_parents,
    phrases,
    split_name,
    stem,
    tokens,
    words,
)

NAME_HIT, TEXT_HIT, CAPABILITY_HIT, PRODUCT_HIT = 0.7, 0.45, 0.6, 0.9
MAX_PRODUCT_WORDS = 4


@dataclass(frozen=True)
class Function:
    id: str
    sv: str
    en: str
    terms: tuple[tuple[str, ...], ...]  # each term as its stems
    labels: tuple[str, ...] = ()  # each term as written, for the reason


@dataclass(frozen=True)
class Product:
    vendor: str
    product: str
    aliases: tuple[str, ...]
    functions: tuple[str, ...]
    successors: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Vocabulary:
    functions: dict[str, Function]
    roles: dict[str, tuple[tuple[str, ...], ...]]
    complementary: frozenset[frozenset[str]]
    products: dict[str, Product]  # by lower-cased product name or alias
    role_exceptions: dict[str, frozenset[str]] = field(default_factory=dict)
    homegrown: frozenset[str] = frozenset()  # words marking a local tool
    homegrown_except: frozenset[str] = frozenset()  # phrases whose words do not mark it
    term_words: tuple[str, ...] = ()  # every word of the functions' terms
    # function terms by their first stem, so a system is checked only against terms that
    # could match one of its words: (function id, the term's stems, the term as written)
    by_stem: dict[str, list[tuple[str, tuple[str, ...], str]]] = field(default_factory=dict)
    role_words: tuple[str, ...] = ()  # every word of the roles' terms
    # marks of a holdover (kept read-only or on its way out): in the name, in the description
    holdover_names: frozenset[str] = frozenset()
    holdover_texts: frozenset[str] = frozenset()

    @cached_property
    def roles_by_stem(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """The roles' terms by their first stem, as `by_stem` for the functions: (role, the
        term's stems)."""
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for role, terms in self.roles.items():
            for term in terms:
                if term:
                    index.setdefault(term[0], []).append((role, term))
        return index

    def words(self) -> list[str]:
        """Every word of every term, for the compound splitter's dictionary."""
        out: list[str] = []
        for function in self.functions.values():
            out.extend(words(f"{function.sv} {function.en}"))
        for terms in (self.term_words, self.role_words):
            out.extend(terms)
        return out


@dataclass
class Placement:
    """One system's function confidences, the words that placed it, its roles and product."""

    functions: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    roles: set[str] = field(default_factory=set)
    product: str | None = None
    homegrown: bool = False  # an Excel sheet, an Access database, an in-house tool
    holdover: bool = False  # kept open read-only, or on its way out ("W3D3 (läsläge)")


def _term_stems(term: str) -> tuple[str, ...]:
    # stop words are left out as in the systems' own stems ("vatten och avlopp" is matched by
    # "vatten" and "avlopp"; with "och" kept it could never match); a term of several words
    # left with one ("records management": "records") would match far too much alone, so it is
    # matched as a phrase: each two neighbouring words' stems, as `phrases` gives them
    found = words(term)
    kept = [w for w in found if w not in STOP_WORDS]
    if len(found) > 1 and len(kept) < 2:
        return tuple(sorted(phrases(term)))
    return tuple(stem(w) for w in kept)


def _read(name: str) -> Any:
    return json.loads(resources.files("produktlyft.review.data").joinpath(name).read_text("utf-8"))


def _products(raw: Sequence[dict[str, Any]]) -> dict[str, Product]:
    out: dict[str, Product] = {}
    for entry in raw:
        product = Product(
            vendor=str(entry.get("vendor", "")),
            product=str(entry["product"]),
            aliases=tuple(entry.get("aliases", ())),
            functions=tuple(entry.get("functions", ())),
            successors=tuple(entry.get("successors", ())),
            source=str(entry.get("source", "")),
        )
        for name in (product.product, *product.aliases):
            out[" ".join(words(name))] = product
    return out


def load_vocabulary(user_products: Path | None = None, catalogue: bool = True) -> Vocabulary:
    """The shipped vocabulary and catalogue; entries of `user_products` (same shape as
    products.json) replace shipped ones of the same product name and add new ones."""
    # keyed on the file's size and time as well, so an edited catalogue is read again
    stamp = None
    if user_products is not None:
        status = user_products.stat()
        stamp = (status.st_mtime_ns, status.st_size)
    return _load_vocabulary(user_products, catalogue, stamp)


@lru_cache(maxsize=8)
def _load_vocabulary(
    user_products: Path | None, catalogue: bool, stamp: tuple[int, int] | None
) -> Vocabulary:
    raw = _read("functions.json")
    functions = {
        f["id"]: Function(
            f["id"],
            f["sv"],
            f["en"],
            tuple(_term_stems(t) for t in f["terms"]),
            tuple(f["terms"]),
        )
        for f in raw["functions"]
    }
    roles = {r["id"]: tuple(_term_stems(t) for t in r["terms"]) for r in raw["roles"]}
    complementary = frozenset(frozenset(p) for p in raw["complementary_roles"])
    entries: list[dict[str, Any]] = list(_read("products.json")["products"]) if catalogue else []
    if user_products is not None:
        user = json.loads(user_products.read_text(encoding="utf-8"))["products"]
        names = {str(e["product"]).casefold() for e in user}
        entries = [e for e in entries if str(e["product"]).casefold() not in names] + list(user)
    term_words = tuple(w for f in raw["functions"] for t in f["terms"] for w in words(t))
    role_words = tuple(w for r in raw["roles"] for t in r["terms"] for w in words(t))
    exceptions = {r["id"]: frozenset(r.get("except", ())) for r in raw["roles"]}
    by_stem: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
    for function in functions.values():
        for stems, label in zip(function.terms, function.labels, strict=True):
            if stems:
                by_stem.setdefault(stems[0], []).append((function.id, stems, label))
    homegrown = frozenset(raw.get("homegrown", {}).get("terms", ()))
    homegrown_except = frozenset(raw.get("homegrown", {}).get("except", ()))
    holdover = raw.get("holdover", {})
    return Vocabulary(
        functions,
        roles,
        complementary,
        _products(entries),
        exceptions,
        homegrown,
        homegrown_except,
        term_words=term_words,
        role_words=role_words,
        by_stem=by_stem,
        holdover_names=frozenset(holdover.get("names", ())),
        holdover_texts=frozenset(holdover.get("texts", ())),
    )


def match_product(name: str, vocabulary: Vocabulary) -> Product | None:
    """The catalogue product whose name or alias is the longest run of words in `name`."""
    bare, _ = split_name(name)
    found = words(bare)
    for size in range(min(MAX_PRODUCT_WORDS, len(found)), 0, -1):
        for start in range(len(found) - size + 1):
            product = vocabulary.products.get(" ".join(found[start : start + size]))
            if product is not None:
                return product
    return None


def _add(place: Placement, function: str, weight: float, why: Sequence[str]) -> None:
    before = place.functions.get(function, 0.0)
    place.functions[function] = 1.0 - (1.0 - before) * (1.0 - weight)
    place.evidence.setdefault(function, [])
    place.evidence[function].extend(w for w in why if w not in place.evidence[function])


OBJECT_MARKERS = frozenset(
    ["för", "av", "över", "om", "i", "till", "inom", "vid", "for", "of", "in", "on", "about"]
)


def name_head(name: str) -> str:
    """The part of a name before the first preposition: what the system is, not what for."""
    found = words(name)
    for position, word in enumerate(found):
        if word in OBJECT_MARKERS and position > 0:
            return " ".join(found[:position])
    return " ".join(found)


def first_word(text: str) -> str:
    """A description's first word that is not a stop word ("Verksamhetssystem för ...",
    "Access-databas där ..."): often what the system is."""
    return next((w for w in words(text) if w not in STOP_WORDS), "")


def _roles(text: str, stems: set[str], vocabulary: Vocabulary) -> set[str]:
    found = {
        role
        for first in stems
        for role, term in vocabulary.roles_by_stem.get(first, ())
        if all(s in stems for s in term)
    }
    raw = set(words(text))
    return {role for role in found if not raw & vocabulary.role_exceptions.get(role, set())}


def _function_hits(
    text: str, vocabulary: Vocabulary, splitter: CompoundSplitter
) -> dict[str, list[str]]:
    """Per function, the terms (as written) that `text` matches."""
    stems = set(tokens(text, splitter)) | phrases(text)
    matched = [
        (function_id, term, label)
        for first in stems
        for function_id, term, label in vocabulary.by_stem.get(first, ())
        if all(s in stems for s in term)
    ]
    # the longest match holds: a part of a compound that a term names whole ("omsorg" in
    # "familjeomsorg", a term of social services) does not match on its own
    consumed = {s for _, term, _ in matched for s in term}
    parents = part_parents(text, splitter)
    hits: dict[str, list[str]] = {}
    for function_id, term, label in matched:
        if len(term) == 1 and parents.get(term[0], set()) and parents[term[0]] <= consumed:
            continue
        hits.setdefault(function_id, []).append(label)
    return hits


# per text, the functions its terms name: one review reads the same capability names and
# descriptions for many systems (82 distinct capability lists among 10,000 systems), so a
# placement run keeps what it has read; valid only for one vocabulary and one splitter
HitsMemo = dict[str, dict[str, list[str]]]


def _hits_of(
    text: str, vocabulary: Vocabulary, splitter: CompoundSplitter, memo: HitsMemo | None
) -> dict[str, list[str]]:
    if memo is None:
        return _function_hits(text, vocabulary, splitter)
    found = memo.get(text)
    if found is None:
        found = memo[text] = _function_hits(text, vocabulary, splitter)
    return found


def _add_hits(
    place: Placement, hits: dict[str, list[str]], weight: float, vocabulary: Vocabulary
) -> None:
    for function_id, labels in sorted(hits.items()):
        # in the vocabulary's order, not the set's: the reason reads the same every run
        order = vocabulary.functions[function_id].labels
        _add(place, function_id, weight, sorted(labels, key=order.index)[:3])


def _without_product(bare: str, product: Product) -> str:
    """The name's words other than the run that names the product ("HSL" of "Treserva HSL")."""
    found = words(bare)
    for written in sorted([product.product, *product.aliases], key=len, reverse=True):
        run = words(written)
        for start in range(len(found) - len(run) + 1):
            if run and found[start : start + len(run)] == run:
                return " ".join(found[:start] + found[start + len(run) :])
    return bare


def place_system(
    name: str,
    description: str,
    capability_names: Sequence[str],
    vocabulary: Vocabulary,
    splitter: CompoundSplitter,
    vendor: str = "",
    memo: HitsMemo | None = None,
) -> Placement:
    """What one system is. `memo`, shared by the systems of one placement run with this
    vocabulary and splitter, keeps each text's function hits so a repeated text is read once."""
    place = Placement()
    bare, _ = split_name(name)
    caps = " ".join(capability_names)
    description_hits = _hits_of(description, vocabulary, splitter, memo)
    capability_hits = _hits_of(caps, vocabulary, splitter, memo)
    name_hits = _hits_of(bare, vocabulary, splitter, memo)
    for hits, weight in (
        (name_hits, NAME_HIT),
        (description_hits, TEXT_HIT),
        (capability_hits, CAPABILITY_HIT),
    ):
        _add_hits(place, hits, weight, vocabulary)
    product = match_product(name, vocabulary)
    if product is not None:
        place.product = product.product
        # a product of several functions is put to one of them here ("Sitevision Intranät"
        # beside "Sitevision Public Web"): where the system's own words name some of them,
        # the product vouches only for those; where they clearly name other functions and
        # none of the product's ("Treserva HSL", a health record, when the catalogue knows
        # Treserva for social services), the product is a module the catalogue does not
        # know, and vouches for nothing (it was the commonest false pair of a suite's
        # modules: development sets' mean AP 0.891 -> 0.895, ADR 0023 thirteenth look).
        # The product's own name is not the system's own words: "Journalen" (the patients'
        # record e-service) names a health record only by being called so
        own_words = Placement()
        module = _without_product(bare, product)
        for hits, weight in (
            (
                name_hits if module == bare else _hits_of(module, vocabulary, splitter, memo),
                NAME_HIT,
            ),
            (description_hits, TEXT_HIT),
            (capability_hits, CAPABILITY_HIT),
        ):
            _add_hits(own_words, hits, weight, vocabulary)
        named = [f for f in product.functions if f in place.functions]
        own = [f for f, confidence in own_words.functions.items() if confidence >= NAME_HIT]
        if named or not own:
            for function_id in named if len(product.functions) > 1 and named else product.functions:
                _add(place, function_id, PRODUCT_HIT, [product.product])
    return _finish(place, name, bare, description, vendor, vocabulary, splitter)


def _finish(
    place: Placement,
    name: str,
    bare: str,
    description: str,
    vendor: str,
    vocabulary: Vocabulary,
    splitter: CompoundSplitter,
) -> Placement:
    """The system's roles and whether it is home-grown, once its functions are placed."""
    # the head of the name and the description's first word say what a system is, and in
    # "X för Y" only X does ("Ärendehantering för familjerättsärenden" is a case system, not
    # one for "ärenden" twice); the rest of a description often names its neighbours' roles
    # ("an e-service whose applications go to the case system"), so it is not read for roles
    # a name whose own words say the role settles it ("Ärendehantering för X" whose text
    # starts "Registrerar ..." is a case system, not a register as well); a role read only
    # from part of a compound ("Bygglovsportalen") may be a brand, so the description's
    # first word is heard as well
    head = name_head(bare)
    place.roles = _roles(head, {stem(w) for w in words(head)} | phrases(head), vocabulary)
    if not place.roles:
        for text in (head, first_word(description)):
            place.roles |= _roles(text, set(tokens(text, splitter)) | phrases(text), vocabulary)
    place.homegrown = has_marker(
        (name, vendor, description), vocabulary.homegrown, vocabulary.homegrown_except
    )
    # a name's short mark ("(historik)") says it alone; in a description only a phrase does,
    # since "historik" there is as often a feature ("shows the case history")
    place.holdover = has_marker((name,), vocabulary.holdover_names) or has_marker(
        (description,), vocabulary.holdover_texts
    )
    return place


def has_marker(
    texts: Sequence[str], markers: frozenset[str], exceptions: frozenset[str] = frozenset()
) -> bool:
    """Whether any of `texts` holds one of `markers` (a home-grown tool's, a holdover's): a
    word ("excel"), a part of a hyphenated one ("access" in "access-databas") or a phrase of
    several ("delad mapp"), not counting the words of an exception ("read access to")."""
    words_of, phrases_of, exceptions_of = _marker_patterns(markers, exceptions)
    for text in texts:
        line = f" {' '.join(words(text))} "
        if exceptions_of is not None:
            line = exceptions_of.sub("", line)
        found = line.split()
        if not words_of.isdisjoint(found) or any(
            not words_of.isdisjoint(w.split("-")) for w in found if "-" in w
        ):
            return True
        if phrases_of is not None and phrases_of.search(line):
            return True
    return False


@cache
def _marker_patterns(
    markers: frozenset[str], exceptions: frozenset[str]
) -> tuple[frozenset[str], re.Pattern[str] | None, re.Pattern[str] | None]:
    """The markers of one word, a pattern of those of several, and a pattern of the
    exceptions (made once per vocabulary: a review asks for every system). A pattern takes
    the space before a phrase, so that the text's words stay one space apart once an
    exception is taken out."""

    def among(phrases: Iterable[str]) -> re.Pattern[str] | None:
        ordered = sorted(phrases, key=lambda p: (-len(p), p))  # the longest phrase first
        if not ordered:
            return None
        return re.compile(" (?:" + "|".join(re.escape(p) for p in ordered) + ")(?= )")

    return (
        frozenset(m for m in markers if " " not in m),
        among(m for m in markers if " " in m),
        among(exceptions),
    )
