"""JUnit XML report for CI systems: a test suite per catalogue, a test case per entry.

An entry with error-severity findings is a failed test case; warnings go to system-out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from toolkit.catalog import Catalog
from toolkit.checks.base import Finding
from toolkit.fileio import display_path


def render(findings: list[Finding], catalogs: list[Catalog]) -> str:
    by_place: dict[tuple[str, int], list[Finding]] = defaultdict(list)
    for f in findings:
        by_place[f.file, f.line].append(f)
    root = ET.Element("testsuites", name="toolkit check")
    total_tests = total_failures = 0
    for catalog in catalogs:
        file = display_path(catalog.path)
        suite = ET.SubElement(root, "testsuite", name=file)
        tests = failures = 0
        for entry in catalog.entries:
            if entry.obsolete or not entry.msgid:
                continue
            tests += 1
            case = ET.SubElement(
                suite, "testcase", classname=file, name=f"line {entry.line}: {entry.msgid[:80]}"
            )
            here = by_place.get((file, entry.line), [])
            errors = [f for f in here if f.severity == "error"]
            if errors:
                failures += 1
                failure = ET.SubElement(
                    case,
                    "failure",
                    message="; ".join(f"{f.check}: {f.message}" for f in errors),
                    type=",".join(sorted({f.check for f in errors})),
                )
                failure.text = "\n".join(
                    f"{f.check}: {f.message}"
                    + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
                    for f in errors
                )
            others = [f for f in here if f.severity != "error"]
            if others:
                out = ET.SubElement(case, "system-out")
                out.text = "\n".join(f"{f.severity}: {f.check}: {f.message}" for f in others)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
