"""A section of one area can close another area's section as a titled part, and stands alone
when that section is not in the report."""

from __future__ import annotations

from produktlyft.kernel.report.sections import Section, SectionContent, join_parts


def _never(_rc: object) -> None:
    return None


HOST = Section("culture", 200, _never)
GUEST = Section("decisions", 210, _never, part_of="culture")


def test_a_part_of_section_is_appended_to_its_host_with_its_method_notes() -> None:
    host = SectionContent("Culture", paragraphs=["host text"], method=["host method"])
    guest = SectionContent(
        "Team mandate", paragraphs=["guest text"], items=["a"], method=["guest method"]
    )
    shown = join_parts([(HOST, host), (GUEST, guest)])
    assert shown == [host]
    [block] = host.blocks
    assert block["kind"] == "part" and block["title"] == "Team mandate"
    assert block["paragraphs"] == ["guest text"] and block["items"] == ["a"]
    assert host.method == ["host method", "guest method"]


def test_without_its_host_a_part_of_section_stands_alone() -> None:
    guest = SectionContent("Team mandate", paragraphs=["guest text"])
    assert join_parts([(GUEST, guest)]) == [guest]
    assert guest.blocks == []
