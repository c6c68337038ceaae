#!/usr/bin/env bash
# `make demo`: run what the pipeline has so far on the project's own data.
set -uo pipefail
cd "$(dirname "$0")/.."
TK=.venv/bin/toolkit
status=0

echo "== toolkit glossary lint"
$TK glossary lint | tail -n 15 || status=$?

echo
echo "== toolkit glossary stats"
$TK glossary stats || status=$?

echo
echo "== toolkit glossary search Атажурт (a Russian keyboard's spelling of Атажұрт)"
$TK glossary search Атажурт || status=$?

exit $status
