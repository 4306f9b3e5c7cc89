"""Slices from CSV, .xlsx and JSON, English or Swedish headers; bad input is located by file,
row and column, and nothing is returned."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from produktlyft.kernel.errors import InvalidInput
from produktlyft.procurement.importers import read_rules, read_slices
from produktlyft.procurement.model import BuyerType, CodeOwnership, Route

ENGLISH = (
    "slice,need,supplier,start,end,value_sek,options_value_sek,buyer_type,route,outcome,"
    "success_criterion,exit_clause,notice_months,data_return_format,code_ownership,interfaces\n"
    "A,E-service,Acme,2027-01-01,2027-04-30,900000,100000,central,open,Apply online,"
    "80 % digital,yes,1,csv,agency,OpenAPI;OIDC\n"
)
SWEDISH = (
    "delavtal;behov;leverantör;startdatum;slutdatum;värde sek;optioner sek;myndighetstyp;"
    "upphandlingsväg;effekt;framgångskriterium;exitklausul;uppsägningstid;dataformat;kodägande\n"
    "B;E-tjänst;Acme;2027-01-01;2027-04-30;900 000;100 000;övrig upphandlande myndighet;"
    "dynamiskt inköpssystem;Ansök digitalt;80 % digitalt;ja;1,5;csv;öppen källkod\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_english_csv(tmp_path: Path) -> None:
    [s] = read_slices(_write(tmp_path, "slices.csv", ENGLISH))
    assert (s.slice, s.start, s.total_value_sek, s.route) == (
        "A",
        date(2027, 1, 1),
        1_000_000,
        Route.OPEN,
    )
    assert s.exit_clause and s.interfaces == ["OpenAPI", "OIDC"]


def test_swedish_headers_and_labels(tmp_path: Path) -> None:
    [s] = read_slices(_write(tmp_path, "delavtal.csv", SWEDISH))
    assert s.buyer_type is BuyerType.SUB_CENTRAL and s.route is Route.DPS
    assert s.code_ownership is CodeOwnership.OPEN_SOURCE
    assert (s.value_sek, s.notice_months) == (900_000, 1.5)


def test_xlsx(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    header, row = (line.split(",") for line in ENGLISH.strip().split("\n"))
    sheet.append(header)
    sheet.append([*row[:3], date(2027, 1, 1), date(2027, 4, 30), 900000, 100000, *row[7:]])
    path = tmp_path / "slices.xlsx"
    book.save(path)
    [s] = read_slices(path)
    assert s.end == date(2027, 4, 30) and s.value_sek == 900_000


def test_json(tmp_path: Path) -> None:
    path = tmp_path / "slices.json"
    item = {
        "slice": "J",
        "need": "n",
        "start": "2027-01-01",
        "end": "2027-02-01",
        "value_sek": 5,
        "buyer_type": "central",
        "route": "open",
        "interfaces": ["OpenAPI"],
        "exit_clause": True,
    }
    path.write_text(json.dumps({"slices": [item]}), encoding="utf-8")
    [s] = read_slices(path)
    assert s.slice == "J" and s.interfaces == ["OpenAPI"] and s.exit_clause


def test_json_errors_are_located_by_item(tmp_path: Path) -> None:
    path = tmp_path / "slices.json"
    path.write_text(
        json.dumps(
            [
                {
                    "slice": "J",
                    "need": "n",
                    "end": "2027-02-01",
                    "value_sek": 5,
                    "buyer_type": "central",
                    "route": "open",
                }
            ]
        ),
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as raised:
        read_slices(path)
    [issue] = raised.value.issues
    assert (issue.file, issue.row, issue.column) == ("slices.json", 1, "start")


BAD = (
    "slice,need,start,end,value_sek,buyer_type,route\n"
    "A,X,,2027-01-01,100,central,open\n"
    "B,X,2027-02-01,2027-01-01,100,central,open\n"
    "C,X,2027-01-01,2027-02-01,-5,central,open\n"
    "D,X,2027-01-01,2027-02-01,5,federal,open\n"
    "E,X,2027-01-01,2027-02-01,5,central,open\n"
)


def test_every_bad_cell_is_located_and_nothing_is_returned(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as raised:
        read_slices(_write(tmp_path, "bad.csv", BAD))
    located = [(i.file, i.row, i.column) for i in raised.value.issues]
    assert located == [
        ("bad.csv", 2, "start"),
        ("bad.csv", 3, "end"),
        ("bad.csv", 4, "value_sek"),
        ("bad.csv", 5, "buyer_type"),
    ]
    assert "federal" in raised.value.issues[3].message


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as raised:
        read_slices(_write(tmp_path, "s.csv", "slice,need,start,value_sek,buyer_type,route\n"))
    assert "end" in raised.value.issues[0].message


def test_a_users_rule_pack_replaces_only_what_it_names(tmp_path: Path) -> None:
    own = {
        "parameters": {
            "slice_max_months": {"value": 4, "dated": "2026-06-01", "source": "Our policy"}
        }
    }
    pack = read_rules(_write(tmp_path, "rules.json", json.dumps(own)))
    assert pack.number("slice_max_months") == 4 and pack.number("notice_max_months") == 3
    assert "Our policy (2026-06-01)" in pack.source("slice_max_months")
    shipped = read_rules()
    assert shipped.number("threshold_central_eur") == 140_000
    assert shipped.number("threshold_sub_central_eur") == 216_000
    assert not shipped.parameters["sek_per_eur"].verified
    assert "[unverified]" in shipped.source("sek_per_eur")


def test_a_bad_rule_pack_is_refused(tmp_path: Path) -> None:
    own = {"parameters": {"slice_max_months": {"value": 4}}}
    with pytest.raises(InvalidInput) as raised:
        read_rules(_write(tmp_path, "rules.json", json.dumps(own)))
    assert any("dated" in (i.element or "") for i in raised.value.issues)
