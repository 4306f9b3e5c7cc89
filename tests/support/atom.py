"""Validate an Atom document against RFC 4287's own schema (Appendix B), not just by looking for
a few elements: the RELAX NG grammar through lxml, and the three Schematron rules the grammar
carries as annotations, as XPath."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree
from rnc2rng import dumps, load

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "atom" / "atom.rnc"
NS = {"atom": "http://www.w3.org/2005/Atom"}
# RFC 4287's Schematron rules, (context, test, message), as the schema words them
RULES = (
    (
        "/atom:feed",
        "atom:author or not(atom:entry[not(atom:author)])",
        "an atom:feed must have an atom:author unless all its entries have one",
    ),
    (
        "//atom:entry",
        "atom:link[@rel='alternate'] or atom:link[not(@rel)] or atom:content",
        "an atom:entry must have an alternate link or an atom:content",
    ),
    (
        "//atom:entry",
        "atom:author or ../atom:author or atom:source/atom:author",
        "an atom:entry must have an atom:author if its feed does not",
    ),
)


@cache
def _grammar() -> etree.RelaxNG:
    rng = dumps(load(str(SCHEMA)))
    # the compact schema binds `local` to the empty namespace, which XML 1.0 cannot declare;
    # the converted grammar refers to it only as nsName ns="", so the declaration can go
    rng = rng.replace(' xmlns:local=""', "").replace('\n         xmlns:local=""', "")
    return etree.RelaxNG(etree.fromstring(rng.encode("utf-8")))


def atom_problems(document: bytes) -> list[str]:
    """Every way the document breaks RFC 4287: empty when it is a valid feed or entry."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(document, parser)
    grammar = _grammar()
    problems = [] if grammar.validate(root) else [str(e) for e in grammar.error_log]
    for context, test, message in RULES:
        for node in root.xpath(context, namespaces=NS):
            if not node.xpath(test, namespaces=NS):
                problems.append(message)
    return problems
