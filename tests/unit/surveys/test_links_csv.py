"""The mail-merge CSV of answer links: a team name never becomes a spreadsheet formula."""

from __future__ import annotations

import csv
import io

from produktlyft.surveys.exporters.links import links_csv_text


def test_a_team_named_like_a_formula_is_written_as_text() -> None:
    text = links_csv_text('=HYPERLINK("http://evil.example","Klicka")', ["/s/abc"], None)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ['\'=HYPERLINK("http://evil.example","Klicka")', "/s/abc"]
    plain = list(csv.reader(io.StringIO(links_csv_text("Alpha", ["/s/abc"], "https://x.se"))))
    assert plain[1] == ["Alpha", "https://x.se/s/abc"]
