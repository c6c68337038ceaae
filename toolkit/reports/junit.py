"""JUnit XML report for CI systems: a test suite per catalogue, a test case per entry.

An entry with error-severity findings is a failed test case; warnings and info findings go to
system-out, and each suite counts them in its properties (``warnings``, ``info``): info never
fails a test case.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from toolkit.catalog import Catalog
from toolkit.checks.base import Finding
from toolkit.fileio import display_path

#: characters XML 1.0 does not allow (a PO string may hold them: msgfmt accepts \v or \f)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    """``text`` with the characters XML cannot carry shown as \\xNN."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def render(findings: list[Finding], catalogs: list[Catalog]) -> str:
    by_place: dict[tuple[str, int], list[Finding]] = defaultdict(list)
    for f in findings:
        by_place[f.file, f.line].append(f)
    root = ET.Element("testsuites", name="toolkit check")
    total_tests = total_failures = 0
    for catalog in catalogs:
        file = display_path(catalog.path)
        suite = ET.SubElement(root, "testsuite", name=file)
        properties = ET.SubElement(suite, "properties")
        tests = failures = 0
        counts = {"warning": 0, "info": 0}
        for entry in catalog.entries:
            if entry.obsolete or not entry.msgid:
                continue
            tests += 1
            case = ET.SubElement(
                suite,
                "testcase",
                classname=file,
                name=_xml(f"line {entry.line}: {entry.msgid[:80]}"),
            )
            here = by_place.get((file, entry.line), [])
            errors = [f for f in here if f.severity == "error"]
            if errors:
                failures += 1
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=_xml("; ".join(f"{f.check}: {f.message}" for f in errors)),
                    type=",".join(sorted({f.check for f in errors})),
                )
                failure.text = _xml(
                    "\n".join(
                        f"{f.check}: {f.message}"
                        + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
                        for f in errors
                    )
                )
            others = [f for f in here if f.severity != "error"]
            for f in others:
                counts[f.severity] = counts.get(f.severity, 0) + 1
            if others:
                out = ET.SubElement(case, "system-out")
                out.text = _xml("\n".join(f"{f.severity}: {f.check}: {f.message}" for f in others))
        ET.SubElement(properties, "property", name="warnings", value=str(counts["warning"]))
        ET.SubElement(properties, "property", name="info", value=str(counts["info"]))
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
