#!/bin/sh
# Spreadsheet and CSV-dialect fixtures made by an independent tool (LibreOffice) from the
# sample's other-force domestic abuse extract, for tests/import/tables.rs:
#   da_extract.xlsx / .ods / .xls      the extract opened as a UK user would (dates become
#                                      date cells, ages numbers) and saved as a workbook
#   da_extract_semicolon.csv           saved as CSV with ";" between fields (Excel on a
#                                      European locale)
#   da_extract_unicode.txt             saved as "Unicode text": UTF-16, tab-separated
# Run from the repository root: sh scripts/make-table-fixtures.sh (needs libreoffice-calc;
# the outputs are committed, so tests and CI do not need LibreOffice).
set -eu
src=sample-data/partners/da_extract_other_force_layout.csv
out=tests/fixtures/tables
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src" "$tmp/da_extract.csv"
# Comma-separated, double quotes, UTF-8 (76), from line 1, en-GB (2057), detect dates.
in='CSV:44,34,76,1,,2057,false,true'
for format in xlsx ods xls; do
    soffice --headless -env:UserInstallation="file://$tmp/profile" --infilter="$in" \
        --convert-to "$format" --outdir "$tmp" "$tmp/da_extract.csv" >/dev/null
    mv "$tmp/da_extract.$format" "$out/"
done
# Read as text for the CSV forms, so each cell is written back as it was (LibreOffice would
# otherwise write dates in its own US format).
as_text='CSV:44,34,76,1,1/2/2/2/3/2/4/2/5/2/6/2/7/2/8/2/9/2/10/2/11/2,2057'
soffice --headless -env:UserInstallation="file://$tmp/profile" --infilter="$as_text" \
    --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1' --outdir "$tmp/semi" "$tmp/da_extract.csv" >/dev/null
mv "$tmp/semi/da_extract.csv" "$out/da_extract_semicolon.csv"
soffice --headless -env:UserInstallation="file://$tmp/profile" --infilter="$as_text" \
    --convert-to 'csv:Text - txt - csv (StarCalc):9,34,65535,1' --outdir "$tmp/utf16" "$tmp/da_extract.csv" >/dev/null
mv "$tmp/utf16/da_extract.csv" "$out/da_extract_unicode.txt"
ls -la "$out"
