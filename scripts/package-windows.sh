#!/usr/bin/env bash
# The Windows download: builds the release .exe and its console companion for
# x86_64-pc-windows-gnu (mingw; cargo reuses a build CI already made) and writes
# OUT_DIR/csp-assessment-windows.zip holding
#   csp-assessment.exe       the app (double-click; version, icon and manifest in its resources)
#   csp-assessment-cli.exe   the command line for cmd and PowerShell (same code, console program)
#   Start here.txt           what to do, in a few lines
#   sample-data/             the Northvale sample the app opens on the first time
# Unzip anywhere and double-click: no installer, no administrator rights. The zip's files sit
# at its root, so Windows' "Extract All" makes one folder of them. Entries carry the last
# commit's time, so the same sources give the same zip.
#
# Needs: rustup target x86_64-pc-windows-gnu, gcc-mingw-w64-x86-64 (gcc, windres), python3.
# Usage: scripts/package-windows.sh OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/package-windows.sh OUT_DIR}
target=x86_64-pc-windows-gnu
release="target/$target/release"

cargo build --release --target "$target" --features console-companion \
  --bin csp-assessment --bin csp-assessment-cli

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# The resources must be in the .exe: the version (as UTF-16 in VS_VERSION_INFO) and the icon.
for exe in csp-assessment csp-assessment-cli; do
  python3 - "$release/$exe.exe" "$version" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
need = {"version information": "FileVersion".encode("utf-16-le"),
        "version number": sys.argv[2].encode("utf-16-le"),
        "product name": "CSP Strategic Assessment".encode("utf-16-le")}
missing = [what for what, needle in need.items() if needle not in data]
if b".rsrc" not in data or missing:
    sys.exit(f"{sys.argv[1]}: no Windows resources ({', '.join(missing) or '.rsrc section'} missing)")
PY
  cp "$release/$exe.exe" "$stage/"
done
cp -r sample-data "$stage/sample-data"
find "$stage/sample-data" -name '__pycache__' -prune -exec rm -rf {} +

# "Start here", with Windows line ends for Notepad.
sed 's/$/\r/' > "$stage/Start here.txt" <<TEXT
CSP Strategic Assessment ${version} - start here
=================================================

Needs: Windows 10 or 11 (64-bit). Nothing to install, no administrator rights.
Works on virtual desktops (Citrix, Azure Virtual Desktop, remote desktop) and on
computers without a graphics card.

1. Unzip the whole download to a folder you can write to, e.g. Documents\\CSP Assessment
   (right-click the zip, Extract All...). Keep the files together: the app finds its
   sample data in the sample-data folder beside it. Do not start it from inside the zip.

2. Double-click csp-assessment.exe.
   If Windows says "Windows protected your PC", click "More info", then "Run anyway".
   If your organisation only runs programs it has approved, ask your IT service desk to
   allow csp-assessment.exe (a portable program: no installation, no admin rights).

3. The first time, the app opens on the Northvale sample: a fictional borough, all data
   synthetic. It is imported into your own AppData folder, which takes a minute or so.
   Then: File > New assessment... and import your police.uk downloads (the .zip as
   downloaded, or its folders) and your partner extracts.

Command line (cmd or PowerShell): csp-assessment-cli.exe, e.g.
   csp-assessment-cli.exe import --db "My assessment.assessment" "C:\\Downloads\\police.zip"
   csp-assessment-cli.exe stats --db "My assessment.assessment"
   csp-assessment-cli.exe help

Updating: close the app, unzip the new download (to a new folder, or over this one),
and start the new csp-assessment.exe. Your assessment files and settings are not in
this folder and are kept; a file is upgraded when the new version first opens it.

If the window cannot open, a message says why and what to ask IT for.
Everything stays on this computer: the app never connects to the internet.
TEXT

mkdir -p "$out"
zip_path="$out/csp-assessment-windows.zip"
epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
python3 - "$stage" "$zip_path" "$epoch" <<'PY'
import os, sys, time, zipfile
stage, zip_path, epoch = sys.argv[1], sys.argv[2], int(sys.argv[3])
stamp = time.gmtime(max(epoch, 315532800))[:6]
files = sorted(
    os.path.relpath(os.path.join(root, name), stage)
    for root, _, names in os.walk(stage) for name in names)
with zipfile.ZipFile(zip_path + ".part", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for rel in files:
        info = zipfile.ZipInfo(rel.replace(os.sep, "/"), stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(stage, rel), "rb") as f:
            z.writestr(info, f.read(), compresslevel=9)
os.replace(zip_path + ".part", zip_path)
PY
size=$(stat -c %s "$zip_path")
unpacked=$(du -sb "$stage" | cut -f1)
echo "package: $zip_path ($(( size / 1024 / 1024 )) MB; $(( unpacked / 1024 / 1024 )) MB unzipped; version $version)"
