#!/usr/bin/env bash
# Windows check (not part of CI's test run; CI only cross-builds): build the Windows
# release with mingw, run its CLI under wine on the bundled sample — from a folder whose
# name has spaces, addressed by drive letter — compare `stats --json` with the Linux
# build's byte for byte, then start the GUI under wine + Xvfb and take a screenshot.
#
# Needs: rustup target x86_64-pc-windows-gnu, gcc-mingw-w64-x86-64, wine (Debian 12's
# wine 8.0), xvfb, imagemagick. Usage: scripts/windows-check.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/windows-check}
rm -rf "$out"; mkdir -p "$out/My Assessments"

cargo build --release --bin csp-assessment
cargo build --release --target x86_64-pc-windows-gnu --bin csp-assessment
exe_dir="$out/app"
mkdir -p "$exe_dir"
cp target/x86_64-pc-windows-gnu/release/csp-assessment.exe "$exe_dir/"

# Rust >= 1.78 calls ProcessPrng from bcryptprimitives.dll, which wine 8.0 lacks: a
# stub next to the .exe provides it through RtlGenRandom.
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
x86_64-w64-mingw32-gcc -shared -o "$exe_dir/bcryptprimitives.dll" "$out/prng.c" "$out/prng.def" -ladvapi32

export WINEDEBUG=-all WINEPREFIX="$out/wineprefix"
wine_path() { winepath -w "$1" 2>/dev/null; }
db_linux="$out/linux.assessment"
db_windows="$out/My Assessments/northvale sample.assessment"
inputs=(sample-data/police-uk sample-data/geography/lsoa_ward_lookup.csv sample-data/geography/ward_population.csv)

./target/release/csp-assessment import --db "$db_linux" "${inputs[@]}" > /dev/null
./target/release/csp-assessment stats --db "$db_linux" --json > "$out/stats-linux.json"

win_inputs=()
for i in "${inputs[@]}"; do win_inputs+=("$(wine_path "$PWD/$i")"); done
win_db=$(wine_path "$db_windows")
echo "Windows path of the assessment file: $win_db"
wine "$exe_dir/csp-assessment.exe" import --db "$win_db" "${win_inputs[@]}" > "$out/import-windows.txt"
wine "$exe_dir/csp-assessment.exe" stats --db "$win_db" --json | tr -d '\r' > "$out/stats-windows.json"
if cmp -s "$out/stats-linux.json" "$out/stats-windows.json"; then
  echo "stats --json: Windows build under wine = Linux build (byte-identical, $(wc -c < "$out/stats-linux.json") bytes)"
else
  echo "stats --json differs between Windows and Linux:"; diff "$out/stats-linux.json" "$out/stats-windows.json" | head -20
  exit 1
fi

# Verbatim paths (\\?\…, the form a UNC share path \\server\share takes inside Windows) for
# both the assessment file and an input; wine maps \\?\unix\ to the Unix root.
mkdir -p "$out/verbatim share"
verbatim() { printf '%s%s' '\\?\unix' "$(printf '%s' "$1" | tr / '\\')"; }
wine "$exe_dir/csp-assessment.exe" import --db "$(verbatim "$out/verbatim share/v.assessment")" \
  "$(verbatim "$PWD/sample-data/geography/lsoa_ward_lookup.csv")" | tr -d '\r' | tail -1
test -s "$out/verbatim share/v.assessment" && echo 'verbatim (\\?\) paths: assessment file written'

# The GUI: start it on the Windows-built file and take a screenshot.
xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
  wine '$exe_dir/csp-assessment.exe' open '$win_db' &
  sleep 45
  import -window root '$out/windows-gui.png'
  kill %1 || true
  wineserver -k || true
"
echo "screenshot: $out/windows-gui.png"
