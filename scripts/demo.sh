#!/usr/bin/env bash
# `make demo`: the whole pipeline on the sample articles, then the checks on planted mistakes.
set -uo pipefail
cd "$(dirname "$0")/.."
TK=.venv/bin/toolkit
status=0
step() { printf '\n== %s\n' "$*"; }

step "toolkit glossary lint"
$TK glossary lint | tail -n 4 || status=$?

step "toolkit glossary stats"
$TK glossary stats || status=$?

step "toolkit translit: Kazakh 2021 Latin and the newsroom spelling of names"
echo "Серікжан Біләш Алматыда, «Атажұрт еріктілері» тобының жетекшісі." | $TK translit --scheme kk-latn-2021
echo "Серікжан Біләш Алматыда, «Атажұрт еріктілері» тобының жетекшісі." | $TK translit --scheme kk-newsroom

step "toolkit translit --scheme kk-arab --reverse: a Xinjiang Kazakh quote from Arabic script"
cat examples/xinjiang-quote/quote.kk-Arab.txt
$TK translit --scheme kk-arab --reverse --ambiguous examples/xinjiang-quote/quote.kk-Arab.txt || status=$?

step "toolkit extract (articles/*.md -> locales/templates/*.pot)"
$TK extract || status=$?

step "toolkit update (PO files for kk and ru; kk@latin generated from kk)"
$TK update || status=$?

step "toolkit check (the sample translations: the consistency gate)"
$TK check || status=$?
$TK report -o build/report.html || status=$?

step "toolkit build --with kk-Arab (build/<slug>.<en|kk|kk-Latn|ru|kk-Arab>.md and .html)"
$TK build --with kk-Arab || status=$?

step "toolkit check on planted mistakes (examples/planted-mistakes: exit 1 is expected)"
$TK check examples/planted-mistakes/locales
echo "(exit code $? — every planted mistake above is caught; the correct entries are not flagged)"

step "outputs"
ls build/*.md | sed 's/^/  /'
echo "  build/report.html  (the editors' terminology report: terms per language, findings in context)"
exit $status
