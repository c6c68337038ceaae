"""JSON report: the design's list of findings."""

from __future__ import annotations

import json

from toolkit.catalog import Catalog
from toolkit.checks.base import Finding


def render(findings: list[Finding], catalogs: list[Catalog]) -> str:
    """A JSON list, one finding per line (readable in a diff, and json's C encoder does the
    work: ``indent=`` would switch to its much slower Python encoder)."""
    if not findings:
        return "[]\n"
    rows = (json.dumps(f.as_json(), ensure_ascii=False) for f in findings)
    return "[\n" + ",\n".join(rows) + "\n]\n"
