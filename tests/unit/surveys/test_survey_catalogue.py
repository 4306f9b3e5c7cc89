"""Every message the survey and decision pages use has a Swedish and an English text, and the
web domain leaves those pages to the surveys domain."""

from __future__ import annotations

from produktlyft.kernel.i18n.extract import extract, read_catalog


def test_every_survey_message_is_translated() -> None:
    used = extract("surveys")
    assert len(used) > 100
    for lang in ("sv", "en"):
        catalog = read_catalog(lang, "surveys")
        missing = [
            key
            for key in used
            if not (message := catalog.get(key if isinstance(key, str) else key[0]))
            or not message.string
        ]
        assert missing == [], f"{lang}: {missing[:5]}"


def test_placeholders_survive_translation() -> None:
    catalog = read_catalog("sv", "surveys")
    for message in catalog:
        if message.id and isinstance(message.id, str):
            for token in ("%(k)s", "%(day)s", "%(title)s", "%(count)s", "%%"):
                assert (token in message.id) == (token in message.string), message.id


def test_each_domain_reads_only_its_own_area() -> None:
    places = {place for found in extract("surveys").values() for place, _ in found}
    assert places and all(place.startswith("surveys/") for place in places)
    assert any("templates/surveys/" in place for place in places)
