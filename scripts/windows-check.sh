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
#  2. The app (csp-assessment.exe, no arguments): copied alone to another folder it must say
#     the sample was not found and create no empty file; started from the unzipped package
#     it finds the sample beside itself and imports it (its file's `stats --json` must equal
#     the Linux build's); then every page is opened from the navigation, screenshotted, and
#     checked: not blank, and showing the sample's own figure (read back by OCR).
#  3. No OpenGL: the display restarted without GLX. The app with glow tried first must fall
#     back to wgpu and show the sample's Overview; with glow only it must show the system
#     message box saying why (screenshotted), and exit with 1 once it is closed.
#
# Xvfb is started before anything of wine: a wineserver started without a display never
# gets one, and the GUI's screenshots are black.
#
# Takes about 2.5 minutes (the Linux debug build it compares with is reused from `cargo test`).
# Needs: python3, wine + wine64 + fonts-wine (Debian 12's wine 8.0), gcc-mingw-w64-x86-64
# (for the bcryptprimitives stub wine 8 lacks), xvfb, x11-utils, xdotool, imagemagick,
# tesseract-ocr, the Mesa drivers (libgl1-mesa-dri, mesa-vulkan-drivers) — .ci/run installs
# them.
# Usage: scripts/windows-check.sh PACKAGE_ZIP [OUT_DIR]   (screenshots in OUT_DIR/shots)
# Exit status: 0 passed; 1 the package failed a check; 3 this machine cannot run wine or Xvfb.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
zip=$(realpath "${1:?usage: scripts/windows-check.sh PACKAGE_ZIP [OUT_DIR]}")
out=${2:-/tmp/windows-check}
check_started=$SECONDS
rm -rf "$out"; mkdir -p "$out/shots"
out=$(realpath "$out")
step() { echo "== [$(( SECONDS - check_started ))s] $*"; }
fail() { echo "WINDOWS CHECK FAILED: $*" >&2; exit 1; }
# The machine cannot host the check at all (no display server, no wine prefix): exit 3, which
# CI reports as "not run" rather than as a broken package.
cannot_run() { echo "WINDOWS CHECK COULD NOT RUN ON THIS MACHINE: $*" >&2; exit 3; }
# Any other command that fails stops the check with its line, never silently.
trap 'echo "WINDOWS CHECK FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR

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
  cannot_run "Xvfb did not start on $DISPLAY"
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
make_prefix() { wineboot --init >"$out/wineboot.log" 2>&1; }
if ! make_prefix; then
  # Wine 8 now and then fails its first start in a new prefix ("could not load
  # kernel32.dll", seen once in several runs on the same machine): once more, from scratch.
  echo "wineboot failed ($(grep -m1 -i 'could not\|failed' "$out/wineboot.log" || true)); trying a new prefix"
  wineserver -k 2>/dev/null || true
  rm -rf "$WINEPREFIX"
  sleep 2
  make_prefix || cannot_run "wineboot failed twice (see $out/wineboot.log)"
fi
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
linux_status=0
"$linux" import --db "$db_linux" "${inputs[@]/#/sample-data/}" > "$out/import-linux.txt" || linux_status=$?
[ "$linux_status" -le 1 ] || fail "the Linux build could not import the sample (exit $linux_status)"
"$linux" stats --db "$db_linux" --json > "$out/stats-linux.json"
"$linux" sources --db "$db_linux" --json > "$out/sources-linux.json"
want_sources=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["sources"]))' "$out/sources-linux.json")
"$linux" export --db "$db_linux" --out "$out/export-linux" "${export_args[@]}" > "$out/export-linux.json"

step "Windows CLI: import into a new file in a folder with spaces"
win_db='D:\My Assessments\northvale sample.assessment'
win_inputs=()
for i in "${inputs[@]}"; do win_inputs+=("$sample\\${i//\//\\}"); done
import_status=0
cli import --db "$win_db" "${win_inputs[@]}" > "$out/import-windows.txt" 2>&1 || import_status=$?
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
  local got=0
  "$@" > "$out/last.txt" 2>&1 || got=$?
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
# Reading the screen: wine draws no window frame here and places windows itself, so
# buttons and page entries are found where OCR reads their words, never at fixed places.
# Small grey text is missed at one scale and read at another, so an area is read with
# several preparations until the word is found (each reading takes about a second).
ocr_preparations=("-resize 200% -threshold 60%" "-threshold 60%" "" "-resize 300% -threshold 70%")
screen() { import -window root "$out/screen.png"; }
# Words OCR reads in an area of the last screen (WIDTHxHEIGHT+LEFT+TOP) prepared one way:
# one per line, as "word centre_x centre_y" in screen coordinates.
read_prepared() { # AREA PREPARATION
  local area=$1 left top scale
  IFS='+' read -r _ left top <<<"$area"
  # shellcheck disable=SC2086 # a preparation is several ImageMagick options
  convert "$out/screen.png" -crop "$area" +repage -colorspace Gray $2 "$out/ocr.png"
  scale=$(identify -format '%w' "$out/ocr.png")
  tesseract "$out/ocr.png" - --psm 11 tsv 2>/dev/null | awk -F'\t' -v s="$scale" \
    -v w="${area%%x*}" -v l="$left" -v t="$top" \
    'NR > 1 && $12 != "" { k = s / w; printf "%s %d %d\n", $12, l + ($7 + $9 / 2) / k, t + ($8 + $10 / 2) / k }'
}
# The screen position of WORD in AREA of a fresh screenshot, or nothing.
locate() { # WORD AREA
  local prep at
  screen
  for prep in "${ocr_preparations[@]}"; do
    at=$(read_prepared "$2" "$prep" | awk -v word="$1" '$1 == word { print $2, $3; exit }')
    [ -n "$at" ] && { echo "$at"; return 0; }
  done
  return 1
}
# Wait up to SECONDS for TEXT (words in reading order) to be read in AREA of a screenshot,
# kept as shots/SAVE_AS.png with what was read in shots/SAVE_AS.txt.
wait_for_text() { # TEXT AREA SECONDS SAVE_AS
  local text=$1 area=$2 until=$(( SECONDS + $3 )) prep
  while :; do
    screen
    : > "$out/shots/$4.txt"
    for prep in "${ocr_preparations[@]}"; do
      read_prepared "$area" "$prep" | cut -d' ' -f1 | tr '\n' ' ' >> "$out/shots/$4.txt"
      echo >> "$out/shots/$4.txt"
      if grep -qF -- "$text" "$out/shots/$4.txt"; then
        cp "$out/screen.png" "$out/shots/$4.png"
        return 0
      fi
    done
    cp "$out/screen.png" "$out/shots/$4.png"
    [ "$SECONDS" -lt "$until" ] || return 1
    # egui draws on input: a small move of the mouse over the top bar makes it draw anew.
    xdotool mousemove "$idle_x" "$(( idle_y + SECONDS % 2 ))"
    sleep 1
  done
}
# Distinct colours in the window's page area (right of the navigation): a blank or black
# window has a handful, a page with text and figures hundreds.
not_blank() { # NAME MINIMUM
  local n
  n=$(convert "$out/shots/$1.png" -crop "$page_area" +repage -format '%k' info:)
  [ "$n" -ge "$2" ] || fail "screenshot $1 looks blank ($n colours; see $out/shots/$1.png)"
  echo "screenshot $1: $n colours"
}
# The app's window once it shows something (more than a few colours): a renderer that
# fails may show a window first and close it, and the one that works draws a moment later.
app_window() { # SECONDS
  local until=$(( SECONDS + $1 )) id
  while [ "$SECONDS" -lt "$until" ]; do
    id=$(xdotool search --onlyvisible --name '^CSP Strategic Assessment$' 2>/dev/null | tail -1 || true)
    if [ -n "$id" ] && window_areas "$id" 2>/dev/null; then
      screen
      if [ "$(convert "$out/screen.png" -crop "$window_area" +repage -format '%k' info: 2>/dev/null || echo 0)" -gt 40 ]; then
        echo "$id"
        return 0
      fi
    fi
    sleep 1
  done
  return 1
}
# The window's areas on the screen: the navigation down its left, the page right of it.
window_areas() { # WINDOW
  local X Y WIDTH HEIGHT
  eval "$(xdotool getwindowgeometry --shell "$1")"
  nav_area="200x$(( HEIGHT - 60 ))+$X+$(( Y + 60 ))"
  page_area="$(( WIDTH - 200 ))x$(( HEIGHT - 60 ))+$(( X + 200 ))+$(( Y + 60 ))"
  window_area="${WIDTH}x${HEIGHT}+$X+$Y"
  idle_x=$(( X + WIDTH / 2 )); idle_y=$(( Y + 8 ))
}
# Where each navigation entry is (by its first word): read once per window, as the entries
# do not move. Fails unless every WORD is read.
declare -A nav_at
read_navigation() { # WORD...
  local prep word x y missing
  nav_at=()
  screen
  for prep in "${ocr_preparations[@]}"; do
    while read -r word x y; do
      [ -n "${nav_at[$word]:-}" ] || nav_at[$word]="$x $y"
    done < <(read_prepared "$nav_area" "$prep")
    missing=()
    for word in "$@"; do [ -n "${nav_at[$word]:-}" ] || missing+=("$word"); done
    [ ${#missing[@]} -eq 0 ] && return 0
  done
  fail "navigation entries not read: ${missing[*]} (see $out/screen.png)"
}
# Click the navigation entry whose first word is WORD.
open_page() { # WORD
  # shellcheck disable=SC2086 # "x y"
  xdotool mousemove ${nav_at[$1]} click 1
}
stop_app() {
  kill "$gui_pid" 2>/dev/null || true; wait "$gui_pid" 2>/dev/null || true; gui_pid=""
  wineserver -k 2>/dev/null || true; wineserver -w 2>/dev/null || true
}

appdata=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Roaming | head -1)
sample_db_unix="$appdata/csp-assessment/data/northvale-sample.assessment"

step "the app's .exe alone, without the package's sample-data folder"
mkdir -p "$disk/Downloads/Just the program"
cp "$disk/Downloads/CSP Assessment/csp-assessment.exe" "$disk/Downloads/Just the program/"
wine 'D:\Downloads\Just the program\csp-assessment.exe' > "$out/gui-alone.log" 2>&1 &
gui_pid=$!
window=$(app_window 120) || fail "the .exe alone: no window appeared (see $out/gui-alone.log)"
window_areas "$window"
wait_for_text "sample data was not found" "$window_area" 30 program-alone \
  || fail "the .exe alone does not say the sample was not found (read: $(head -c 300 "$out/shots/program-alone.txt"))"
[ ! -e "$sample_db_unix" ] || fail "the .exe alone created a sample assessment file with nothing in it"
echo "the .exe alone says where the sample should be and creates no empty file"
stop_app
# A first start as on a new computer: nothing remembered from that run.
rm -rf "$appdata/csp-assessment"

step "the app from the unzipped package (first start: the sample)"
started_gui=$SECONDS
wine "$app"'\csp-assessment.exe' > "$out/gui.log" 2>&1 &
gui_pid=$!
window=$(app_window 120) || fail "the app's window did not appear (see $out/gui.log)"
window_areas "$window"
echo "window after $(( SECONDS - started_gui ))s"
sample_db='C:\users\'"$(basename "$(dirname "$(dirname "$appdata")")")"'\AppData\Roaming\csp-assessment\data\northvale-sample.assessment'
found=0
for _ in $(seq 300); do
  sleep 2
  kill -0 "$gui_pid" 2>/dev/null || fail "the app stopped (see $out/gui.log)"
  [ -s "$sample_db_unix" ] || continue
  found=$(cli sources --db "$sample_db" --json 2>/dev/null | tr -d '\r' \
    | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["sources"]))' 2>/dev/null || echo 0)
  [ "$found" -ge "$want_sources" ] && break
done
[ "$found" -ge "$want_sources" ] || fail "the app did not import the sample within 10 minutes ($found of $want_sources files)"
echo "sample imported by the app after $(( SECONDS - started_gui ))s"
cli stats --db "$sample_db" --json | tr -d '\r' > "$out/stats-gui-sample.json"
cmp -s "$out/stats-linux.json" "$out/stats-gui-sample.json" \
  || fail "the sample the app imported does not give the Linux build's stats --json"
echo "the app's sample file: stats --json byte-identical to the Linux build's"

# The import summary opens over the page once the import ends: close it with its button.
wait_for_text "Close" "$window_area" 30 first-start \
  || fail "no import summary with a Close button after the first start (see $out/shots/first-start.png)"
not_blank first-start 100
close_at=$(locate Close "$window_area") || fail "the import summary's Close button was not found (see $out/screen.png)"
# shellcheck disable=SC2086 # "x y"
xdotool mousemove $close_at click 1
sleep 2

# Each page, by its entry in the navigation, screenshotted and checked: not blank, and
# showing the sample's own figure (from the Linux build's answers) or its heading's words,
# read back from the screenshot by OCR.
number() { # JSON_FILE PYTHON_EXPRESSION_ON_d
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(f"{eval(sys.argv[2]):,}")' "$1" "$2"
}
themes="$out/stats-linux.json"
pages=(
  "data Data $(number "$out/sources-linux.json" 'd["totals"]["crime"]')"
  "overview Overview $(number "$themes" 'd["themes"]["all_crime"]["total"]')"
  "trends Trends Monthly count"
  "comparison Comparison $(number "$themes" 'int(d["population"])')"
  "map Map per ward"
  "report Report Overall crime picture"
  "domestic-abuse Domestic $(number "$themes" 'd["themes"]["domestic_abuse"]["incidents"]')"
  "marac MARAC $(number "$themes" 'd["themes"]["marac"]["cases"]')"
  "asb-cases ASB $(number "$themes" 'd["themes"]["asb_cases"]["opened"]')"
  "treatment Treatment $(number "$themes" 'd["themes"]["treatment"]["total"]["in_treatment"]')"
)
read_navigation $(for page in "${pages[@]}"; do read -r _ entry _ <<<"$page"; echo "$entry"; done)
for page in "${pages[@]}"; do
  read -r name entry expected <<<"$page"
  open_page "$entry"
  wait_for_text "$expected" "$page_area" 30 "page-$name" \
    || fail "page $name: \"$expected\" not read from the screenshot within 30s (read: $(head -c 300 "$out/shots/page-$name.txt"); see $out/shots/page-$name.png)"
  not_blank "page-$name" 300
  echo "page $name: shows \"$expected\""
done
stop_app

# ---------------------------------------------------------------- 3. no OpenGL
# Wine's Direct3D 12 (wine 8 + vkd3d) cannot compile wgpu's shaders ("Parent device is
# lost"), so under wine wgpu is made to draw with Vulkan (Mesa's software lavapipe) through
# its own WGPU_BACKEND setting; on Windows it draws with Direct3D 12 (WARP without a GPU).
step "no OpenGL: a display without GLX (as on many virtual desktops)"
stop_display
start_display -extension GLX
sample_open=("$app"'\csp-assessment.exe' open "$sample_db")
CSP_ASSESSMENT_RENDERER=glow,wgpu WGPU_BACKEND=vulkan wine "${sample_open[@]}" > "$out/gui-no-opengl.log" 2>&1 &
gui_pid=$!
window=$(app_window 60) || fail "no window with glow failing and wgpu left (see $out/gui-no-opengl.log)"
window_areas "$window"
grep -q "glow renderer could not open the window" "$out/gui-no-opengl.log" \
  || fail "glow did not fail without GLX, so the fallback was not exercised (see $out/gui-no-opengl.log)"
! grep -q "wgpu renderer could not open" "$out/gui-no-opengl.log" \
  || fail "wgpu failed too, yet a window showed (see $out/gui-no-opengl.log)"
read_navigation Overview
open_page Overview
wait_for_text "$(number "$themes" 'd["themes"]["all_crime"]["total"]')" "$page_area" 30 no-opengl-fallback-overview \
  || fail "with wgpu after glow failed, the Overview does not show the sample's total (see $out/shots/no-opengl-fallback-overview.png)"
not_blank no-opengl-fallback-overview 300
echo "glow failed without OpenGL; the window opened with wgpu and shows the Overview"
stop_app

step "no renderer at all: the Windows message box"
CSP_ASSESSMENT_RENDERER=glow wine "${sample_open[@]}" > "$out/gui-no-renderer.log" 2>&1 &
gui_pid=$!
box=$(app_window 60) || fail "no message box appeared (see $out/gui-no-renderer.log)"
kill -0 "$gui_pid" 2>/dev/null || fail "the app ended without waiting for the message box to be read"
window_areas "$box"
wait_for_text "open its window" "$window_area" 20 no-renderer-message-box \
  || fail "the message box does not say the window could not open (read: $(head -c 300 "$out/shots/no-renderer-message-box.txt"))"
grep -q "could not open its window" "$out/gui-no-renderer.log" \
  || fail "the message box's text was not also printed (see $out/gui-no-renderer.log)"
convert "$out/shots/no-renderer-message-box.png" -crop "$window_area" +repage "$out/shots/no-renderer-message-box-trimmed.png"
xdotool key --window "$box" Return 2>/dev/null
box_status=0
wait "$gui_pid" || box_status=$?
gui_pid=""
[ "$box_status" -eq 1 ] || fail "after the message box the app exited with $box_status, not 1"
echo "message box shown, exit 1 once closed"

step "done: every Windows check passed in $(( SECONDS - check_started ))s"
