"""The demo organisation's business case: drafted for its top initiative from the real review,
workflow and culture data, with named systems and amounts, exported as Word and Excel (whose
recalculated NPV is the tool's), and shown in the leadership report; loading it again adds
nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from produktlyft.business_case import service
from produktlyft.business_case.report import business_case
from produktlyft.demo.service import load_demo
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.report.sections import ReportContext
from produktlyft.review.services.run import review
from produktlyft.roadmap.service import list_initiatives, propose_initiatives
from tests.conftest import make_context
from tests.unit.business_case.test_xlsx_formulas import recalculate


def test_the_demo_has_a_case_for_its_top_initiative(ctx: ServiceContext, tmp_path: Path) -> None:
    ctx = make_context(ctx.database, data_dir=tmp_path / "data")
    load_demo(ctx, 60, 42, tmp_path / "demo", workflows=True, culture=True)
    truth = json.loads((tmp_path / "demo" / "ground_truth.json").read_text())
    review(ctx, today=date.fromisoformat(truth["reference_date"]))
    propose_initiatives(ctx)
    top = max(list_initiatives(ctx), key=lambda i: (i.cost_of_delay_sek_per_week, i.id))

    case = service.load_demo_business_case(ctx, lang="en")
    assert case is not None and case.subject_id == top.id
    text = " ".join(case.strategic_case)
    assert top.name in text
    named = [system for system in top.system_ids]
    assert named and "a year to run" in text  # a named system with its run cost
    assert case.option().lines and case.benefits

    result = service.case_analysis(ctx, case.id)
    path = service.export_case(ctx, case.id, "xlsx", tmp_path / "case.xlsx", "en")
    values = recalculate(path)
    npv = next(
        values[address.replace("!A", "!B")]
        for address, value in values.items()
        if address.startswith("CASH FLOWS'!A") and value == "Net present value (NPV)"
    )
    assert round(float(npv), 2) == round(result.preferred.npv, 2)
    assert service.export_case(ctx, case.id, "docx", tmp_path / "case.docx", "sv").stat().st_size

    section = business_case(ReportContext("sv", ctx))
    assert section is not None and len(section.figures) == 2

    assert service.load_demo_business_case(ctx, lang="en") == case
    assert len(service.list_cases(ctx)) == 1
