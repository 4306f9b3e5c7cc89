"""How an instrument is described: its items, their answer scales, and the scales items form.

An instrument is versioned domain data. A round records the code and version of each instrument
it uses, so a later change of wording never silently changes what an old round measured.
Each item keeps its exact English source beside our Swedish translation; the translation has its
own version and status, "preliminary translation" until it has been forward and back translated.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from produktlyft.kernel.labels import LabelledEnum

PRELIMINARY = "preliminary translation"
SKIP = "skip"  # the form value of "prefer not to answer" / "don't know"


class Remedy(LabelledEnum):
    """What the product offers when a readiness item scores low."""

    RUN_REVIEW = ("run_review", "gör en genomlysning", "run a review")
    START_PILOT = ("start_pilot", "starta en pilot", "start a pilot")
    CHECK_CONTRACT_SLICES = (
        "check_contract_slices",
        "granska avtalens delar",
        "check contract slices",
    )
    PUBLISH_WIN = ("publish_win", "publicera en framgång", "publish a win")
    MEASURE_AGAIN = ("measure_again", "mät igen", "measure again")
    MAP_DECISION_RIGHTS = ("map_decision_rights", "kartlägg teamens mandat", "map decision rights")


class Text(BaseModel):
    """A text in both languages; English is the source, Swedish our translation."""

    model_config = ConfigDict(frozen=True)

    en: str
    sv: str

    def get(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.en


class AnswerScale(BaseModel):
    """The answer options: values 1..points, labelled, plus an optional opt-out."""

    model_config = ConfigDict(frozen=True)

    code: str
    labels: tuple[Text, ...]
    skip_label: Text | None = None  # None: the item must be answered with a value
    source_note: str = ""

    @property
    def points(self) -> int:
        return len(self.labels)


class Item(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str = Field(pattern=r"^[a-z][a-z0-9-]*\.[a-z0-9-]+$")
    text: Text
    answers: AnswerScale
    reverse: bool = False
    scale: str | None = None  # the code of the scale the item belongs to, if any
    remedy: Remedy | None = None
    description: Text | None = None  # a longer explanation shown under the item

    def scored(self, value: int) -> int:
        """The value used in scale scores: reverse-scored items are mirrored."""
        return self.answers.points + 1 - value if self.reverse else value


class Scale(BaseModel):
    """Items whose mean is one score, with the direction that is good."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: Text
    higher_is_better: bool = True


class Instrument(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    version: str
    name: Text
    intro: Text
    source: str
    translation_version: str
    translation_status: str = PRELIMINARY
    items: tuple[Item, ...]
    scales: tuple[Scale, ...] = ()

    @model_validator(mode="after")
    def _items_name_known_scales(self) -> Instrument:
        known = {scale.code for scale in self.scales}
        codes = [item.code for item in self.items]
        if len(set(codes)) != len(codes):
            raise ValueError(f"{self.code}: item codes repeat")
        for item in self.items:
            if item.scale is not None and item.scale not in known:
                raise ValueError(f"{item.code}: unknown scale {item.scale}")
        return self

    def scale_items(self, scale: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.scale == scale)

    def families(self) -> dict[str, tuple[Item, ...]]:
        """The units statistics and anonymity rules work on: each scale, and each item that
        belongs to no scale. Each family's statistics use only its complete answers."""
        result = {scale.code: self.scale_items(scale.code) for scale in self.scales}
        for item in self.items:
            if item.scale is None:
                result[item.code] = (item,)
        return result

    def translation_note(self, lang: str) -> str:
        """What a Swedish reader (a respondent too) needs to know of the translation, in words
        that explain themselves: a bare "preliminär översättning" told respondents nothing."""
        if lang != "sv":
            return ""
        note = f"Frågorna är översatta från engelska (översättning {self.translation_version})."
        if self.translation_status != PRELIMINARY:
            return note
        return (
            f"{note} Översättningen är preliminär: den har ännu inte granskats genom att "
            "översättas tillbaka till engelska och jämföras med originalet."
        )
