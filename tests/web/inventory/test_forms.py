"""Edit forms: validation next to the field, optimistic locking, CSRF; and the import flow."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from tests.web.conftest import csrf_of


def _form(client: TestClient, path: str) -> dict[str, str]:
    """The fields of the edit form at `path`, as the browser would send them."""
    page = client.get(path).text
    values = dict(
        re.findall(
            r'<input class="ds-input" type="[a-z]+" value="([^"]*)" id="[^"]+" '
            r'name="([^"]+)"',
            page,
        )
    )
    fields = {name: value for value, name in values.items()}
    for name, body in re.findall(
        r'<select class="ds-input" id="[^"]+" name="([^"]+)"[^>]*>(.*?)'
        r"</select>",
        page,
        re.S,
    ):
        selected = re.search(r'<option value="([^"]*)" selected>', body)
        fields[name] = selected.group(1) if selected else ""
    for name, text in re.findall(
        r'<textarea[^>]* name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S
    ):
        fields[name] = text
    fields["csrf_token"] = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    fields["row_version"] = re.search(r'name="row_version" value="(\d+)"', page).group(1)
    return fields


def test_an_edit_is_saved_and_logged(admin: TestClient) -> None:
    form = _form(admin, "/edit/systems/sys-00001")
    form.update({"system_owner": "Ann Andersson", "annual_operating_cost": "120 000"})
    response = admin.post("/edit/systems/sys-00001", data=form, follow_redirects=False)
    assert response.status_code == 303
    page = admin.get("/systems/sys-00001").text
    assert "Ann Andersson" in page and "120\u00a0000\u00a0kr" in page
    history = page.split("Ändringshistorik", 1)[1]
    assert "ändrad" in history and re.search(r"Systemägare: [^<]* → Ann Andersson", history)
    assert 'href="/systems/sys-00001"' in admin.get("/admin").text  # in the audit log


def test_invalid_input_is_shown_next_to_each_field(admin: TestClient) -> None:
    form = _form(admin, "/edit/systems/sys-00002")
    original_name = form["name"]
    form.update(
        {
            "name": "",
            "users": "many",
            "annual_licence_cost": "-5",
            "internal_dates.plan": "31/12/2026",
            "owning_unit_id": "no-such-unit",
        }
    )
    response = admin.post("/edit/systems/sys-00002", data=form)
    assert response.status_code == 422
    page = response.text
    assert 'id="error-summary"' in page
    for field, message in (
        ("name", "Fyll i fältet."),
        ("users", "Skriv ett heltal"),
        ("internal_dates-plan", "Skriv ett datum"),
        ("owning_unit_id", "Det finns ingen post med id no-such-unit"),
    ):
        assert f'id="f-{field}" name=' in page
        block = page.split(f'id="f-{field}"', 1)[1][:2500]
        assert 'aria-invalid="true"' in page.split(f'id="f-{field}"', 1)[1][:200]
        assert message in block, field
    assert 'value="many"' in page  # what was typed is kept
    assert _form(admin, "/edit/systems/sys-00002")["name"] == original_name  # nothing saved


def test_negative_cost_is_refused(admin: TestClient) -> None:
    form = _form(admin, "/edit/systems/sys-00003")
    form["annual_licence_cost"] = "-5"
    response = admin.post("/edit/systems/sys-00003", data=form)
    assert response.status_code == 422 and "Värdet får inte vara negativt." in response.text


def test_second_editor_gets_a_conflict_page_with_both_versions(client_for) -> None:  # type: ignore[no-untyped-def]
    first, second = client_for(Role.EDITOR), client_for(Role.ANALYST)
    first_form = _form(first, "/edit/systems/sys-00004")
    second_form = _form(second, "/edit/systems/sys-00004")
    first_form["vendor"] = "Första leverantören"
    assert (
        first.post("/edit/systems/sys-00004", data=first_form, follow_redirects=False).status_code
        == 303
    )
    second_form["vendor"] = "Andra leverantören"
    conflict = second.post("/edit/systems/sys-00004", data=second_form)
    assert conflict.status_code == 409
    page = conflict.text
    assert "Någon annan sparade posten före dig" in page
    assert "Första leverantören" in page and "Andra leverantören" in page
    assert "editor" in page  # who saved first
    assert "Andra leverantören" not in second.get("/systems/sys-00004").text
    # choosing "save mine over theirs" posts the newer version and wins
    overwrite = dict(
        re.findall(
            r'<input type="hidden" name="([^"]+)" value="([^"]*)">',
            page.split('action="/edit/systems/sys-00004"', 1)[1],
        )
    )
    assert (
        second.post("/edit/systems/sys-00004", data=overwrite, follow_redirects=False).status_code
        == 303
    )
    assert "Andra leverantören" in second.get("/systems/sys-00004").text


def test_capability_integration_and_contract_forms_save(admin: TestClient) -> None:
    for path, field, value in (
        ("/edit/capabilities/cap-pay", "description", "Löneutbetalning"),
        ("/edit/integrations/int-00002", "name", "Nattlig export"),
        ("/edit/contracts/avtal-0001", "supplier", "Ny leverantör AB"),
    ):
        form = _form(admin, path)
        form[field] = value
        assert admin.post(path, data=form, follow_redirects=False).status_code == 303, path
    assert "Löneutbetalning" in admin.get("/capabilities").text
    assert _form(admin, "/edit/integrations/int-00002")["name"] == "Nattlig export"
    assert "Ny leverantör AB" in admin.get("/contracts").text


def test_a_capability_cannot_become_its_own_ancestor(admin: TestClient) -> None:
    form = _form(admin, "/edit/capabilities/cap-case")
    form["parent_id"] = "cap-case-reg"
    response = admin.post("/edit/capabilities/cap-case", data=form)
    assert response.status_code == 422 and "slinga" in response.text


def test_forms_without_the_csrf_token_are_refused(admin: TestClient) -> None:
    form = _form(admin, "/edit/systems/sys-00001")
    form["csrf_token"] = "forged"
    response = admin.post("/edit/systems/sys-00001", data=form)
    assert response.status_code == 403 and "Formuläret har gått ut" in response.text
    del form["csrf_token"]
    assert admin.post("/edit/systems/sys-00001", data=form).status_code == 403
    login = TestClient(admin.app).post("/login", data={"name": "admin", "password": "x"})
    assert login.status_code == 403


def test_import_previews_then_writes_only_on_confirm(admin: TestClient, tmp_path: Path) -> None:
    document = {"systems": [{"id": "sys-new", "name": "Nytt system"}]}
    token = csrf_of(admin, "/import")
    preview = admin.post(
        "/import",
        data={"csrf_token": token},
        files={"file": ("nytt.json", json.dumps(document), "application/json")},
    )
    assert preview.status_code == 200 and "provkörning" in preview.text
    assert admin.get("/systems/sys-new").status_code == 404  # nothing written yet
    key = re.search(r'name="key" value="([^"]+)"', preview.text).group(1)
    done = admin.post("/import/confirm", data={"csrf_token": token, "key": key})
    assert done.status_code == 200 and "Importen är klar" in done.text
    assert admin.get("/systems/sys-new").status_code == 200
    again = admin.post("/import/confirm", data={"csrf_token": token, "key": key})
    assert again.status_code == 404  # a staged file is used once


def test_import_lists_every_error_by_row(admin: TestClient) -> None:
    csv = "ID;Namn;Antal användare\nsys-a;A;många\nsys-b;;12\nsys-c;C;-3\n"
    token = csrf_of(admin, "/import")
    response = admin.post(
        "/import",
        data={"csrf_token": token},
        files={"file": ("System.csv", csv.encode(), "text/csv")},
    )
    assert response.status_code == 422
    page = html.unescape(response.text)
    assert "Ingenting skrevs" in page
    rows = re.findall(r'<td class="number">(\d+)</td>', page)
    assert {"2", "3"} <= set(rows), rows
    # the problems themselves in the reader's language, with the file's own values in them
    assert "'många' är inget heltal, till exempel 1200" in page
    assert "här måste det stå ett värde" in page
    assert "måste vara minst 0" in page  # -3 users, caught by the record's own rule
    assert "is not a whole number" not in page
    assert admin.get("/systems/sys-a").status_code == 404
    admin.get("/language/en?next=/import")
    english = html.unescape(
        admin.post(
            "/import",
            data={"csrf_token": token},
            files={"file": ("System.csv", csv.encode(), "text/csv")},
        ).text
    )
    assert "'många' is not a whole number, such as 1200" in english
    assert "a value is required here" in english
    empty = admin.post(
        "/import", data={"csrf_token": token}, files={"file": ("tom.json", b"", "application/json")}
    )
    assert empty.status_code == 422
    admin.get("/language/sv?next=/import")
    broken = admin.post(
        "/import",
        data={"csrf_token": token},
        files={"file": ("trasig.json", b'{"systems": [', "application/json")},
    )
    assert broken.status_code == 422
    assert "ogiltig JSON" in html.unescape(broken.text)


def test_an_upload_in_no_known_encoding_is_a_located_error(admin: TestClient) -> None:
    token = csrf_of(admin, "/import")
    response = admin.post(
        "/import",
        data={"csrf_token": token},
        files={"file": ("System.csv", b"ID;Namn\r\nsys-x;Tr\x81sig\r\n", "text/csv")},
    )
    assert response.status_code == 422
    page = html.unescape(response.text)
    assert "Ingenting skrevs" in page and "0x81" in page
    assert "UTF-8, UTF-16 eller Windows-1252" in page  # worded in the reader's language
    assert admin.get("/systems/sys-x").status_code == 404
