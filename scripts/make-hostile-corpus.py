#!/usr/bin/env python3
"""Writes tests/fixtures/hostile/: small malformed or hostile police.uk inputs, each with
its expected outcome in tests/import/hostile.rs. Deterministic: re-running gives the same
bytes. Big or odd inputs (a 1 GB line, zips, files that vanish mid-read) are made by the
tests at run time instead."""

import io
import os
import random
import zipfile

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "hostile")
H = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context"
ID = "a" * 64
GOOD = f"{ID},2021-04,Testshire Police,Testshire Police,0.500000,51.300000,On or near High Street,E01000001,Town 001A,Burglary,Under investigation,"
ASB = ",2021-04,Testshire Police,Testshire Police,0.510000,51.310000,On or near Mill Lane,E01000002,Town 001B,Anti-social behaviour,,"


def row(**kw):
    cells = dict(zip(H.split(","), GOOD.split(",")))
    for k, v in kw.items():
        cells[k.replace("_", " ")] = v
    return ",".join(cells[c] for c in H.split(","))


def put(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def lines(*rows):
    return "\n".join(rows) + "\n"


os.makedirs(OUT, exist_ok=True)
rng = random.Random(20261123)

# Whole-file refusals.
put("empty.csv", b"")
put("bom_only.csv", b"\xef\xbb\xbf")
put("blank_lines_only.csv", b"\n\r\n\n")
put("header_only.csv", H + "\n")
put("header_only_no_newline_crlf.csv", "\ufeff" + H)
put("header_then_blank_lines.csv", H + "\n\n\n\n")
put("unknown_header.csv", "Name,Age\nBob,3\n")
put("missing_crime_id.csv", lines(",".join(H.split(",")[1:]), ",".join(GOOD.split(",")[1:])))
put("missing_coordinates.csv", lines(H.replace("Longitude,Latitude,", ""), GOOD.replace("0.500000,51.300000,", "")))
put("duplicated_month.csv", lines(H + ",Month", GOOD + ",2021-05"))
put("outcomes_named_street.csv", "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n")
put("semicolon_separated.csv", lines(H.replace(",", ";"), GOOD.replace(",", ";")))
put("tab_separated.csv", lines(H.replace(",", "\t"), GOOD.replace(",", "\t")))
put("html_error_page.csv", "<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head><body>Try later</body></html>\n")
put("unterminated_quote_in_header.csv", '"Crime ID,Month,Reported by\n' + GOOD + "\n")
xlsx = io.BytesIO()
with zipfile.ZipFile(xlsx, "w") as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
    z.writestr("xl/workbook.xml", "<workbook/>")
put("xlsx_renamed.csv", xlsx.getvalue())
put("xls_renamed.csv", bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
put("utf16le_bom.csv", b"\xff\xfe" + lines(H, GOOD).encode("utf-16-le"))
put("utf16be_bom.csv", b"\xfe\xff" + lines(H, GOOD).encode("utf-16-be"))
put("utf16le_no_bom.csv", lines(H, GOOD).encode("utf-16-le"))
put("binary_random.csv", bytes(rng.randrange(256) for _ in range(4096)))
put("binary_control_chars.csv", bytes(rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 27, 65, 66]) for _ in range(2048)))
put("pdf_renamed.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
put("gzip_renamed.csv", bytes([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]) + b"\x03\x00" + bytes(8))
put("nul_in_header.csv", lines(H.replace("Month", "Mo\x00nth"), GOOD))

# Row problems: the file is imported, the bad rows are rejected and named.
put("ragged_rows.csv", lines(H, GOOD, ",2021-04,Testshire Police,,", GOOD + ",extra", ASB))
put("unterminated_quote.csv", lines(H, GOOD, row(Location='"On or near Station Road'), ASB, GOOD))
put("quoted_newlines.csv", lines(H, row(Location='"On or near\nHigh Street"'), row(Month="2021-13"), ASB))
put("nul_in_cell.csv", lines(H, GOOD, row(Location="On or near \x00 Road"), ASB))
put("mixed_encodings.csv", lines(H, row(Location="On or near Café Parade"), ASB).encode("utf-8")
    + row(Location="On or near Caf\xe9 Row", LSOA_name="Br\xfcckton 001A").encode("latin-1") + b"\n")
put("invalid_utf8_crime_type.csv", lines(H, GOOD).encode() + row(Crime_type="Burg\xfflary").encode("latin-1") + b"\n")
put("bad_months.csv", lines(H, GOOD, *[row(Month=m) for m in
    ["2021-13", "2021-00", "1899-01", "2021/04", "", "Apr", "2021-4", "32/04/2021", "2021-04-31x", "９９９９-01"]]))
put("bad_coordinates.csv", lines(H, GOOD, *[row(Longitude=lon, Latitude=lat) for lon, lat in
    [("abc", "51.3"), ("NaN", "51.3"), ("inf", "51.3"), ("1e309", "51.3"), ("0.5", "-"),
     ("0.5", ""), ("", "51.3"), ("0.5", "95"), ("0", "0"), ("51.5.3", "51.3"), ("0x10", "51.3"),
     ("99999999999999999999", "51.3")]]))
put("crime_id_wrong_length.csv", lines(H, GOOD, row(Crime_ID="a" * 63), row(Crime_ID="a" * 65),
    row(Crime_ID="a" * 128), row(Crime_ID="abc")))
put("crime_id_not_hex.csv", lines(H, GOOD, row(Crime_ID="g" * 64), row(Crime_ID="a" * 62 + " a")))
put("blank_force.csv", lines(H, GOOD, row(Reported_by="", Falls_within="")))
put("unknown_crime_types.csv", lines(H, GOOD, row(Crime_type="Fraud"), row(Crime_type=""), row(Crime_type="Burglary!")))
put("all_rows_bad.csv", lines(H, row(Month="x"), row(Crime_type="x"), row(Longitude="x")))
put("huge_field_count.csv", lines(H, GOOD, GOOD + "," * 10000))

# Odd but valid: imported in full.
put("blank_lines_between_rows.csv", H + "\n\n" + GOOD + "\n\n\n" + ASB + "\n\n")
put("mixed_line_ends.csv", H + "\r\n" + GOOD + "\n" + ASB + "\r\n" + row(Month="2021-13") + "\r" + "\n")
put("header_case_and_spaces.csv", lines(" crime id ,MONTH,reported BY,Falls Within,longitude,LATITUDE,location,lsoa code,LSOA Name,crime type,Last Outcome Category,context", GOOD))
put("long_cell.csv", lines(H, row(Location="On or near " + "x" * 100_000), ASB))
put("quote_inside_cell.csv", lines(H, row(Location='"On or near ""The Crescent"""'), row(Location='On or near "Odd" Lane')))
put("unicode_text.csv", lines(H, row(Location="On or near ‮Evil Street ✓ 🚓"), ASB))
put("formula_cells.csv", lines(H, row(Location='"=HYPERLINK(""http://example.invalid"",""x"")"'), row(LSOA_name="+cmd|' /C calc'!A0")))
put("control_char_in_cell.csv", lines(H, row(Location="On or near \x07 Bell Street"), ASB))
