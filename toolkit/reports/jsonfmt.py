"""JSON report: the design's list of findings."""

from __future__ import annotations

import json

from toolkit.catalog import Catalog
from toolkit.checks.base import Finding


def render(findings: list[Finding], catalogs: list[Catalog]) -> str:
    return json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2) + "\n"
