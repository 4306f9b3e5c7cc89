"""Writes each authored `*.src` listing here as an ArchiMate Open Exchange file (`*.xml`).

The listing is the source the labels were written against; the XML is what an EA tool would
export and what `produktlyft import FILE.xml` reads. Run: python tests/data/duplicates/build.py
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).parent
FIT = {"F": "fully_appropriate", "A": "adequate", "U": "unreasonable", "I": "inappropriate"}
PROPERTIES = ("vendor", "users", "annual_operating_cost", "technical_fit")


def _element(identifier: str, kind: str, name: str, doc: str, props: dict[str, str]) -> str:
    lines = [f'    <element identifier="{identifier}" xsi:type="{kind}">']
    lines.append(f'      <name xml:lang="sv">{escape(name)}</name>')
    if doc:
        lines.append(f'      <documentation xml:lang="sv">{escape(doc)}</documentation>')
    if props:
        lines.append("      <properties>")
        for key, value in props.items():
            lines.append(f'        <property propertyDefinitionRef="p-{key}">')
            lines.append(f'          <value xml:lang="sv">{escape(value)}</value>')
            lines.append("        </property>")
        lines.append("      </properties>")
    lines.append("    </element>")
    return "\n".join(lines)


def build(source: Path) -> str:
    org, elements, relationships = source.stem, [], []
    n = 0
    for raw in source.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@org "):
            org = line[5:].strip()
        elif line.startswith(("@cap ", "@data ")):
            kind, rest = line.split(" ", 1)
            code, name = (part.strip() for part in rest.split("|", 1))
            prefix, archi = ("cap", "Capability") if kind == "@cap" else ("do", "DataObject")
            elements.append(_element(f"{prefix}-{code}", archi, name, "", {}))
        elif line.startswith("> "):
            _, a, b = line.split()
            n += 1
            relationships.append(
                f'    <relationship identifier="rel-{n}" source="{a}" target="{b}"'
                ' xsi:type="Flow" />'
            )
        else:
            sid, name, vendor, users, cost, fit, caps, data, doc = (
                part.strip() for part in line.split("|", 8)
            )
            props = {
                "vendor": vendor,
                "users": users,
                "annual_operating_cost": str(int(cost) * 1000),
            }
            if fit in FIT:
                props["technical_fit"] = FIT[fit]
            elements.append(_element(sid, "ApplicationComponent", name, doc, props))
            for cap in filter(None, (c.strip() for c in caps.split(","))):
                n += 1
                relationships.append(
                    f'    <relationship identifier="rel-{n}" source="{sid}" target="cap-{cap}"'
                    ' xsi:type="Realization" />'
                )
            for obj in filter(None, (d.strip() for d in data.split(","))):
                n += 1
                relationships.append(
                    f'    <relationship identifier="rel-{n}" source="{sid}" target="do-{obj}"'
                    ' xsi:type="Access" accessType="ReadWrite" />'
                )
    definitions = "\n".join(
        f'    <propertyDefinition identifier="p-{key}" type="string"><name>{key}</name>'
        "</propertyDefinition>"
        for key in PROPERTIES
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="model-1">\n'
        f'  <name xml:lang="sv">{escape(org)}</name>\n'
        "  <elements>\n" + "\n".join(elements) + "\n  </elements>\n"
        "  <relationships>\n" + "\n".join(relationships) + "\n  </relationships>\n"
        f"  <propertyDefinitions>\n{definitions}\n  </propertyDefinitions>\n"
        "</model>\n"
    )


if __name__ == "__main__":
    for src in sorted(HERE.glob("*.src")):
        src.with_suffix(".xml").write_text(build(src), encoding="utf-8")
        print(f"wrote {src.with_suffix('.xml').name}")
