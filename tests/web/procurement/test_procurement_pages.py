"""The procurement pages: slices with their counts, checking an uploaded file (and located
errors on the form), a slice's checklist and outline, and the delivery forecast."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta

from docx import Document
from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from produktlyft.procurement.service import load_demo_procurement
from tests.conftest import make_context
from tests.web.conftest import csrf_of

SLICES = (
    "slice,need,supplier,start,end,value_sek,buyer_type,route,outcome,success_criterion\n"
    "Upload-1,n,Acme,2027-01-01,2027-10-31,500000,central,open,o,80 % digital\n"
)


def _post(
    client: TestClient,
    path: str,
    files: dict[str, tuple[str, bytes, str]],
    data: dict[str, str] | None = None,
) -> str:
    response = client.post(
        path,
        data={"csrf_token": csrf_of(client, "/procurement"), **(data or {})},
        files={k: (n, io.BytesIO(c), t) for k, (n, c, t) in files.items()},
    )
    return f"{response.status_code}\n{response.text}"


def test_the_demo_slices_are_listed_and_checked(
    client_for: Callable[[Role | None], TestClient], web_database: Database
) -> None:
    demo = load_demo_procurement(make_context(web_database))
    viewer = client_for(Role.VIEWER)
    page = viewer.get("/procurement")
    assert page.status_code == 200
    assert all(name in page.text for name in demo.slices) and "Rekommenderad väg" in page.text
    failing = viewer.get(f"/procurement/slices/{demo.slices[2]}").text
    assert "Delavtalets längd" in failing and "underkänd" in failing
    viewer.get("/language/en")
    english = viewer.get(f"/procurement/slices/{demo.slices[2]}").text
    assert "a slice should last at most 6 months" in english
    outline = viewer.get(f"/procurement/slices/{demo.slices[2]}/outline.docx?lang=sv")
    assert outline.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(outline.content)).paragraphs)
    assert "Kravskiss" in text and "Framgångskriterier" in text and "Exit" in text
    assert viewer.get("/procurement/slices/nothing").status_code == 404


def test_checking_a_file_shows_the_results_without_saving(
    client_for: Callable[[Role | None], TestClient],
) -> None:
    viewer = client_for(Role.VIEWER)
    shown = _post(viewer, "/procurement/check", {"file": ("s.csv", SLICES.encode(), "text/csv")})
    assert shown.startswith("200") and "Upload-1" in shown and "Delavtalets längd" in shown
    assert "Inget delavtal har sparats ännu" in shown


def test_an_editor_may_save_a_viewer_may_not(
    client_for: Callable[[Role | None], TestClient],
) -> None:
    files = {"file": ("s.csv", SLICES.encode(), "text/csv")}
    assert _post(client_for(Role.VIEWER), "/procurement/check", files, {"save": "1"}).startswith(
        "403"
    )
    editor = client_for(Role.EDITOR)
    assert _post(editor, "/procurement/check", files, {"save": "1"}).startswith("200")
    assert "/procurement/slices/Upload-1" in editor.get("/procurement").text


def test_a_bad_file_is_refused_with_located_messages(
    client_for: Callable[[Role | None], TestClient],
) -> None:
    bad = SLICES.replace("2027-01-01", "")
    shown = _post(
        client_for(Role.VIEWER), "/procurement/check", {"file": ("s.csv", bad.encode(), "text/csv")}
    )
    assert shown.startswith("400") and "Filen kontrollerades inte" in shown
    assert "s.csv" in shown and "start" in shown


def test_the_forecast_page(client_for: Callable[[Role | None], TestClient]) -> None:
    viewer = client_for(Role.VIEWER)
    assert viewer.get("/procurement/forecast").status_code == 200
    start = date(2026, 1, 1)
    rows = "".join(f"{i},{start + timedelta(days=i // 2)}\n" for i in range(60))
    shown = _post(
        viewer,
        "/procurement/forecast",
        {"file": ("t.csv", f"id,finished\n{rows}".encode(), "text/csv")},
        {"items": "20", "by": "2026-03-15"},
    )
    assert shown.startswith("200") and "<svg" in shown and "P85" in shown
    assert 'id="forecast-table"' in shown and "Efterhandstest" in shown
    bad = _post(
        viewer,
        "/procurement/forecast",
        {"file": ("t.csv", b"id,done\n1,2026-01-01\n", "text/csv")},
        {"items": "5"},
    )
    assert bad.startswith("400") and "finished" in bad
