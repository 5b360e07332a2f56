#!/usr/bin/env bash
# Windows check (CI runs it after scripts/package-windows.sh): the unzipped Windows package
# under wine, as a council analyst would use it, with the source tree out of the program's
# reach (the wine prefix has no Z: drive: only D:, a scratch folder holding the unzipped
# package and the analyst's files).
#
#  1. Command line (csp-assessment-cli.exe): import the sample, from the package, into a NEW
#     file in a folder with spaces, on the first try; `stats --json` byte-identical to the
#     Linux build's; an export whose tables are byte-identical to the Linux build's; exit
#     codes 0 / 1 / 2 as on Linux; verbatim (\\?\) paths.
#  2. The app (csp-assessment.exe, no arguments) started from the unzipped package: it finds
#     the sample beside itself and imports it (its file's `stats --json` must equal the Linux
#     build's); then every page is shown and screenshotted, and each screenshot checked not
#     to be blank.
#  3. No OpenGL: the display restarted without GLX. The app with glow tried first must fall
#     back to wgpu and show the Overview; with glow only it must show the system message box
#     saying why (screenshotted), and exit with 1 once it is closed.
#
# Xvfb is started before anything of wine: a wineserver started without a display never
# gets one, and the GUI's screenshots are black.
#
# Needs: python3, wine + wine64 (Debian 12's wine 8.0), gcc-mingw-w64-x86-64 (for the
# bcryptprimitives stub wine 8 lacks), xvfb, xdotool, imagemagick, the Mesa drivers
# (libgl1-mesa-dri, mesa-vulkan-drivers) — .ci/run installs them.
# Usage: scripts/windows-check.sh PACKAGE_ZIP [OUT_DIR]   (screenshots in OUT_DIR/shots)
set -euo pipefail
cd "$(dirname "$0")/.."
zip=$(realpath "${1:?usage: scripts/windows-check.sh PACKAGE_ZIP [OUT_DIR]}")
out=${2:-/tmp/windows-check}
check_started=$SECONDS
rm -rf "$out"; mkdir -p "$out/shots"
out=$(realpath "$out")
step() { echo "== [$(( SECONDS - check_started ))s] $*"; }
fail() { echo "WINDOWS CHECK FAILED: $*" >&2; exit 1; }

# The Linux build the answers are compared with (in CI, `cargo test` has built it).
cargo build --quiet --bin csp-assessment
linux="$PWD/target/debug/csp-assessment"

# ---------------------------------------------------------------- display, then wine
xvfb_pid=""
start_display() { # [extra Xvfb arguments...]
  local n
  for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || break; done
  Xvfb ":$n" -screen 0 1366x900x24 -nolisten tcp "$@" >"$out/xvfb-$n.log" 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && return 0; sleep 0.2; done
  fail "Xvfb did not start on $DISPLAY"
}
stop_display() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""; }
gui_pid=""
cleanup() {
  [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null || true
  wineserver -k 2>/dev/null || true
  stop_display
}
trap cleanup EXIT

step "display (Xvfb) before wine"
start_display
export WINEPREFIX="$out/wineprefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset WINEARCH
step "wine prefix ($(wine --version))"
wineboot --init >"$out/wineboot.log" 2>&1 || fail "wineboot failed (see $out/wineboot.log)"
wineserver -w

# Rust >= 1.78 calls ProcessPrng from bcryptprimitives.dll, which Windows 10 and 11 have and
# wine 8.0 lacks: a stub in the prefix's system32 provides it through RtlGenRandom. It is
# not in the package (Windows does not need it).
cat > "$out/prng.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk; length -= chunk;
    }
    return TRUE;
}
C
printf 'LIBRARY bcryptprimitives\nEXPORTS\n ProcessPrng\n' > "$out/prng.def"
x86_64-w64-mingw32-gcc -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  "$out/prng.c" "$out/prng.def" -ladvapi32

# Drive D: is the scratch folder; without Z: the program cannot reach the source tree.
disk="$out/disk"
mkdir -p "$disk/Downloads/CSP Assessment" "$disk/My Assessments"
ln -s "$disk" "$WINEPREFIX/dosdevices/d:"
rm -f "$WINEPREFIX/dosdevices/z:"
python3 -m zipfile -e "$zip" "$disk/Downloads/CSP Assessment"
app='D:\Downloads\CSP Assessment'
sample="$app"'\sample-data'
cli() { wine "$app"'\csp-assessment-cli.exe' "$@"; }

# ---------------------------------------------------------------- 1. the command line
step "Linux build: the reference answers"
# What the app imports as its sample (src/ui/sample.rs), so all three files compare.
inputs=(police-uk geography/lsoa_ward_lookup.csv geography/ward_population.csv
  geography/ward_boundaries.geojson geography/lsoa_boundaries.geojson
  partners/domestic_abuse_incidents.csv partners/marac_quarterly.csv partners/asb_cases.csv
  partners/treatment.csv)
export_args=(--fy 2024/25 --format csv,docx --date "1 April 2026" --json)
db_linux="$out/linux.assessment"
set +e
"$linux" import --db "$db_linux" "${inputs[@]/#/sample-data/}" > "$out/import-linux.txt"
linux_status=$?
set -e
[ "$linux_status" -le 1 ] || fail "the Linux build could not import the sample (exit $linux_status)"
"$linux" stats --db "$db_linux" --json > "$out/stats-linux.json"
"$linux" sources --db "$db_linux" --json > "$out/sources-linux.json"
want_sources=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["sources"]))' "$out/sources-linux.json")
"$linux" export --db "$db_linux" --out "$out/export-linux" "${export_args[@]}" > "$out/export-linux.json"

step "Windows CLI: import into a new file in a folder with spaces"
win_db='D:\My Assessments\northvale sample.assessment'
win_inputs=()
for i in "${inputs[@]}"; do win_inputs+=("$sample\\${i//\//\\}"); done
set +e
cli import --db "$win_db" "${win_inputs[@]}" > "$out/import-windows.txt" 2>&1
import_status=$?
set -e
cat "$out/import-windows.txt" | tr -d '\r' | tail -3
[ "$import_status" -eq "$linux_status" ] || fail "the first import under wine exited with $import_status (Linux: $linux_status): $(tr -d '\r' < "$out/import-windows.txt" | tail -3)"
test -s "$disk/My Assessments/northvale sample.assessment" || fail "no assessment file written"

step "Windows CLI: stats --json against the Linux build"
cli stats --db "$win_db" --json | tr -d '\r' > "$out/stats-windows.json"
cmp -s "$out/stats-linux.json" "$out/stats-windows.json" || {
  diff "$out/stats-linux.json" "$out/stats-windows.json" | head -20
  fail "stats --json differs between the Windows build and the Linux build"
}
echo "stats --json: byte-identical ($(wc -c < "$out/stats-linux.json") bytes)"

step "Windows CLI: export"
cli export --db "$win_db" --out 'D:\My Assessments\Export 2024-25' "${export_args[@]}" \
  | tr -d '\r' > "$out/export-windows.json"
linux_files=$(cd "$out/export-linux" && find . -type f | sort)
windows_files=$(cd "$disk/My Assessments/Export 2024-25" && find . -type f | sort)
[ "$linux_files" = "$windows_files" ] || fail "the export wrote other files than on Linux: $(diff <(echo "$linux_files") <(echo "$windows_files") | head)"
for table in $(cd "$out/export-linux" && find . -name '*.csv'); do
  cmp -s "$out/export-linux/$table" "$disk/My Assessments/Export 2024-25/$table" \
    || fail "exported table $table differs from the Linux build's"
done
echo "export: $(echo "$windows_files" | wc -l) files as on Linux, every CSV table byte-identical"

step "Windows CLI: exit codes"
expect_status() { # WANT DESCRIPTION COMMAND...
  local want=$1 what=$2; shift 2
  set +e; "$@" > "$out/last.txt" 2>&1; local got=$?; set -e
  [ "$got" -eq "$want" ] || fail "$what: exit code $got, not $want ($(tr -d '\r' < "$out/last.txt" | head -3))"
  echo "exit $got: $what"
}
printf 'not,police,data\n1,2,3\n' > "$disk/My Assessments/not police.csv"
expect_status 0 "help" cli help
expect_status 2 "a usage error" cli stats
expect_status 1 "a rejected file" cli import --db "$win_db" 'D:\My Assessments\not police.csv'
expect_status 1 "a file that does not exist" cli sources --db 'D:\My Assessments\missing.assessment'

step "Windows CLI: verbatim (\\\\?\\) paths, the form UNC share paths take"
verbatim() { printf '%s%s' '\\?\D:' "$(printf '%s' "${1#"$disk"}" | tr / '\\')"; }
cli import --db "$(verbatim "$disk/My Assessments/verbatim.assessment")" \
  "$(verbatim "$disk/Downloads/CSP Assessment/sample-data/geography/lsoa_ward_lookup.csv")" > "$out/last.txt" 2>&1 \
  || fail "import with verbatim paths: $(tr -d '\r' < "$out/last.txt" | tail -2)"
test -s "$disk/My Assessments/verbatim.assessment" || fail "verbatim path: no file written"
echo "verbatim paths: assessment file written"

# ---------------------------------------------------------------- 2. the app, first start
shot() { import -window root "$out/shots/$1.png"; }
# Distinct colours in the page area right of the navigation: a blank or black window has a
# handful, a page with text and figures hundreds.
colours() { convert "$out/shots/$1.png" -crop 1000x700+250+80 +repage -format '%k' info:; }
not_blank() { # NAME MINIMUM
  local n; n=$(colours "$1")
  [ "$n" -ge "$2" ] || fail "screenshot $1 looks blank ($n colours; see $out/shots/$1.png)"
  echo "screenshot $1: $n colours"
}
app_window() {
  for _ in $(seq 120); do
    xdotool search --name '^CSP Strategic Assessment$' 2>/dev/null | head -1 && return 0
    sleep 1
  done
  return 1
}

step "the app from the unzipped package (first start: the sample)"
started_gui=$SECONDS
wine "$app"'\csp-assessment.exe' > "$out/gui.log" 2>&1 &
gui_pid=$!
window=$(app_window) || fail "the app's window did not appear (see $out/gui.log)"
echo "window after $(( SECONDS - started_gui ))s"
appdata=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Roaming | head -1)
sample_db_unix="$appdata/csp-assessment/data/northvale-sample.assessment"
sample_db='C:\users\'"$(basename "$(dirname "$(dirname "$appdata")")")"'\AppData\Roaming\csp-assessment\data\northvale-sample.assessment'
for _ in $(seq 120); do
  sleep 5
  kill -0 "$gui_pid" 2>/dev/null || fail "the app stopped (see $out/gui.log)"
  [ -s "$sample_db_unix" ] || continue
  found=$(cli sources --db "$sample_db" --json 2>/dev/null | tr -d '\r' \
    | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["sources"]))' 2>/dev/null || echo 0)
  [ "$found" -ge "$want_sources" ] && break
done
[ "${found:-0}" -ge "$want_sources" ] || fail "the app did not import the sample within 10 minutes ($found of $want_sources files)"
echo "sample imported by the app after $(( SECONDS - started_gui ))s"
cli stats --db "$sample_db" --json | tr -d '\r' > "$out/stats-gui-sample.json"
cmp -s "$out/stats-linux.json" "$out/stats-gui-sample.json" \
  || fail "the sample the app imported does not give the Linux build's stats --json"
echo "the app's sample file: stats --json byte-identical to the Linux build's"

# egui draws on input: a move of the mouse makes it lay the summary out in full.
for x in 600 640 680; do xdotool mousemove --window "$window" "$x" 20; sleep 1; done
sleep 3
shot first-start
not_blank first-start 100
# The import summary is open over the page: close it with its Close button, found by OCR.
close_at=$(tesseract "$out/shots/first-start.png" - tsv 2>/dev/null \
  | awk -F'\t' '$12 == "Close" { print $9 * $10, int($7 + $9 / 2), int($8 + $10 / 2) }' | sort -n | tail -1 | cut -d' ' -f2-)
[ -n "$close_at" ] || fail "no import summary with a Close button after the first start (see $out/shots/first-start.png)"
read -r close_x close_y <<<"$close_at"
xdotool mousemove "$close_x" "$close_y" click 1
sleep 3

# Each page, by its entry in the navigation down the left (places in the 1280x800 window),
# screenshotted and checked: not blank, and showing the sample's own figure (from the Linux
# build's answers) or its heading's words, read back from the screenshot by OCR.
number() { # JSON_FILE PYTHON_EXPRESSION_ON_d
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(f"{eval(sys.argv[2]):,}")' "$1" "$2"
}
themes="$out/stats-linux.json"
pages=(
  "data 32 88 $(number "$out/sources-linux.json" 'd["totals"]["crime"]')"
  "overview 47 124 $(number "$themes" 'd["themes"]["all_crime"]["total"]')"
  "trends 39 160 unusual"
  "map 31 196 incidents happen"
  "report 39 232 Choose the sections"
  "domestic-abuse 67 303 $(number "$themes" 'd["themes"]["domestic_abuse"]["incidents"]')"
  "marac 41 339 $(number "$themes" 'd["themes"]["marac"]["cases"]')"
  "asb-cases 49 375 $(number "$themes" 'd["themes"]["asb_cases"]["opened"]')"
  "treatment 50 411 $(number "$themes" 'd["themes"]["treatment"]["total"]["in_treatment"]')"
)
for page in "${pages[@]}"; do
  read -r name x y expected <<<"$page"
  xdotool mousemove --window "$window" "$x" "$y" click 1
  sleep 6
  shot "page-$name"
  not_blank "page-$name" 300
  tesseract "$out/shots/page-$name.png" - 2>/dev/null | tr -s ' \n' ' ' > "$out/shots/page-$name.txt"
  grep -qF -- "$expected" "$out/shots/page-$name.txt" \
    || fail "page $name: \"$expected\" not read from the screenshot (read: $(head -c 300 "$out/shots/page-$name.txt"))"
  echo "page $name: shows \"$expected\""
done
kill "$gui_pid" 2>/dev/null || true; wait "$gui_pid" 2>/dev/null || true; gui_pid=""
wineserver -k 2>/dev/null || true; wineserver -w 2>/dev/null || true

# ---------------------------------------------------------------- 3. no OpenGL
step "no OpenGL: a display without GLX (as on many virtual desktops)"
stop_display
start_display -extension GLX
sample_open=("$app"'\csp-assessment.exe' open "$sample_db")
CSP_ASSESSMENT_RENDERER=glow,wgpu wine "${sample_open[@]}" > "$out/gui-no-opengl.log" 2>&1 &
gui_pid=$!
window=$(app_window) || fail "no window with glow failing and wgpu left (see $out/gui-no-opengl.log)"
sleep 10
grep -q "glow renderer could not open the window" "$out/gui-no-opengl.log" \
  || fail "glow did not fail without GLX, so the fallback was not exercised (see $out/gui-no-opengl.log)"
xdotool mousemove --window "$window" 47 124 click 1
sleep 6
shot no-opengl-fallback-overview
not_blank no-opengl-fallback-overview 300
echo "glow failed without OpenGL; the window opened with wgpu"
kill "$gui_pid" 2>/dev/null || true; wait "$gui_pid" 2>/dev/null || true; gui_pid=""
wineserver -k 2>/dev/null || true; wineserver -w 2>/dev/null || true

step "no renderer at all: the Windows message box"
CSP_ASSESSMENT_RENDERER=glow wine "${sample_open[@]}" > "$out/gui-no-renderer.log" 2>&1 &
gui_pid=$!
box=""
for _ in $(seq 60); do
  box=$(xdotool search --name '^CSP Strategic Assessment$' 2>/dev/null | head -1) && [ -n "$box" ] && break
  sleep 1
done
[ -n "$box" ] || fail "no message box appeared (see $out/gui-no-renderer.log)"
sleep 3
shot no-renderer-message-box
convert "$out/shots/no-renderer-message-box.png" -trim +repage "$out/shots/no-renderer-message-box-trimmed.png"
tesseract "$out/shots/no-renderer-message-box.png" - 2>/dev/null | tr -s ' \n' ' ' > "$out/shots/no-renderer-message-box.txt"
grep -qi "could not open its window" "$out/shots/no-renderer-message-box.txt" \
  || fail "the message box does not say the window could not open (read: $(head -c 300 "$out/shots/no-renderer-message-box.txt"))"
kill -0 "$gui_pid" 2>/dev/null || fail "the app ended without waiting for the message box to be read"
xdotool key --window "$box" Return
set +e; wait "$gui_pid"; box_status=$?; set -e; gui_pid=""
[ "$box_status" -eq 1 ] || fail "after the message box the app exited with $box_status, not 1"
echo "message box shown (\"could not open its window\"), exit 1 once closed"

step "done: every Windows check passed in $(( SECONDS - check_started ))s"
