"""The cloud-suitability check: one rule per information level, from the shipped table."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from produktlyft.interop.analysis.cloud import check, information_level, parse_rules
from produktlyft.interop.model import CloudCode, CloudRequirement, CloudRules
from produktlyft.inventory.model import DataObject, System
from produktlyft.inventory.vocabularies import DataClassification, PersonalData


def _rules() -> CloudRules:
    text = files("produktlyft.interop").joinpath("data/cloud_rules.json").read_text("utf-8")
    return parse_rules(json.loads(text))


@pytest.mark.parametrize(
    ("classification", "personal", "requirement"),
    [
        (DataClassification.OPEN, PersonalData.NONE, CloudRequirement.PUBLIC_CLOUD_OK),
        (DataClassification.INTERNAL, None, CloudRequirement.PUBLIC_CLOUD_OK),
        (DataClassification.INTERNAL, PersonalData.PERSONAL, CloudRequirement.AGENCY_HELD_KEYS),
        (DataClassification.OPEN, PersonalData.SENSITIVE, CloudRequirement.EU_EEA_PROVIDER),
        (DataClassification.CONFIDENTIAL, PersonalData.NONE, CloudRequirement.EU_EEA_PROVIDER),
        (DataClassification.SECRET, PersonalData.NONE, CloudRequirement.STAY_ON_PREMISES),
        (None, None, CloudRequirement.EU_EEA_PROVIDER),
    ],
)
def test_each_classification(
    classification: DataClassification | None,
    personal: PersonalData | None,
    requirement: CloudRequirement,
) -> None:
    system = System(id="s", name="S", data_classification=classification, personal_data=personal)
    result = check(system, [], _rules())
    assert result.requirement is requirement
    assert result.reasons[0].code == CloudCode.RULE
    rules = _rules()
    assert all(key in rules.sources for key in result.sources)


def test_secret_information_cites_esam_and_flags_its_position() -> None:
    system = System(id="s", name="S", data_classification=DataClassification.CONFIDENTIAL)
    result = check(system, [], _rules())
    assert "esam_2018" in result.sources and "esam_position" in result.flags
    assert result.verdicts["third_country_law_provider_keys"] == "not_suitable"
    assert "secrecy_assessment" in result.documents


def test_unknown_classification_is_read_cautiously_and_said() -> None:
    level, reasons = information_level(System(id="s", name="S"), [])
    assert level == "sensitive_or_secret"
    assert [r.code for r in reasons] == [CloudCode.UNKNOWN_CLASSIFICATION]


def test_data_objects_raise_the_level() -> None:
    system = System(id="s", name="S", data_classification=DataClassification.OPEN)
    objects = [
        DataObject(id="d1", name="Journal", personal_data=PersonalData.SENSITIVE),
        DataObject(id="d2", name="Karta", classification=DataClassification.OPEN),
    ]
    level, reasons = information_level(system, objects)
    assert level == "sensitive_or_secret"
    assert reasons[0].code == CloudCode.FROM_DATA_OBJECTS and reasons[0].params == {
        "objects": ["Journal"]
    }


def test_a_table_missing_a_level_or_citing_an_unknown_source_is_refused() -> None:
    data = json.loads(
        files("produktlyft.interop").joinpath("data/cloud_rules.json").read_text("utf-8")
    )
    broken = {**data, "rules": data["rules"][:-1]}
    with pytest.raises(ValueError, match="security_protection"):
        parse_rules(broken)
    data["rules"][1]["sources"].append("nowhere")
    with pytest.raises(ValueError, match="nowhere"):
        parse_rules(data)


def test_every_source_is_dated() -> None:
    for source in _rules().sources.values():
        assert source.date[:4].isdigit() and source.title
