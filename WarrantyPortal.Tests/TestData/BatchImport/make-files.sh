#!/usr/bin/env bash
# Regenerates the spreadsheet-written test files in this folder with LibreOffice Calc
# (Debian: apt-get install -y libreoffice-calc-nogui python3-uno). The tests only read the results.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work"   # a throwaway LibreOffice profile

# 12-digit UIDs typed into General cells: Calc stores them as numbers.
printf 'SN,Plan,Gateway/ECU\n702000096622,EXT5,215000012345\n702000098111,EXT10,\n702000101980,,215000012345\n' > "$work/numeric-uids.csv"
soffice --headless --convert-to xlsx --outdir "$work" "$work/numeric-uids.csv" >/dev/null
cp "$work/numeric-uids.xlsx" lo-numeric-uids.xlsx

# A French export: header "Numéro de série", semicolons, Windows-1252 (filter options 59=';', 34='"', 1=Windows-1252).
printf 'Numéro de série;Plan;Passerelle\nQS1A-000-1234;EXT5;\nQS1A0001235;EXT10;ECU-77\n' > "$work/fr.csv"
soffice --headless --infilter='CSV:59,34,76,1,1/2/2/2/3/2' --convert-to xlsx --outdir "$work" "$work/fr.csv" >/dev/null
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):59,34,1' --outdir "$work/out1252" "$work/fr.xlsx" >/dev/null
cp "$work/out1252/fr.csv" lo-semicolon-1252.csv

# Excel-style "Unicode text": UTF-16 with BOM, tab separated (filter options 9=tab, 65535=UTF-16).
printf 'Serial number\tUID note\n702000096622\tfirst\n702000098111\tsecond\n' > "$work/unicode.csv"
soffice --headless --infilter='CSV:9,34,76,1,1/2/2/2' --convert-to xlsx --outdir "$work" "$work/unicode.csv" >/dev/null
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):9,34,65535' --outdir "$work/out16" "$work/unicode.xlsx" >/dev/null
cp "$work/out16/unicode.csv" lo-utf16-tab.txt

# An Excel 97-2003 workbook.
soffice --headless --convert-to xls --outdir "$work" "$work/numeric-uids.csv" >/dev/null
cp "$work/numeric-uids.xls" lo-legacy.xls

# A workbook whose first sheet has notes and the second the serials.
soffice --headless --accept='socket,host=127.0.0.1,port=2083;urp;' --norestore >/dev/null 2>&1 &
office=$!
/usr/bin/python3 make-files.py "$PWD" 2083 || { kill "$office"; exit 1; }
wait "$office" || true

# An OpenDocument spreadsheet, which has to be saved as .xlsx or CSV first.
soffice --headless --convert-to ods --outdir "$work" "$work/numeric-uids.csv" >/dev/null
cp "$work/numeric-uids.ods" lo-spreadsheet.ods
