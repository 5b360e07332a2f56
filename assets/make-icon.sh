#!/usr/bin/env bash
# Draws the app's icon with ImageMagick 6 (no other tool): a blue tile (the app's crime
# colour, #1f5fa8) with four rising white bars and an orange trend line (the ASB colour).
# Writes csp-assessment.ico (16–256 px, for the Windows .exe's resources) and
# csp-assessment-64.png (the window's icon). Run from anywhere: assets/make-icon.sh
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
convert -size 256x256 xc:none \
  -fill '#1f5fa8' -draw 'roundrectangle 8,8 247,247 40,40' \
  -fill white \
  -draw 'rectangle 44,150 80,212' \
  -draw 'rectangle 96,118 132,212' \
  -draw 'rectangle 148,96 184,212' \
  -draw 'rectangle 200,62 224,212' \
  -stroke '#de7800' -strokewidth 14 -fill none \
  -draw 'polyline 44,128 112,92 166,74 222,36' \
  -depth 8 "$work/icon-256.png"
for size in 16 24 32 48 64 128; do
  convert "$work/icon-256.png" -resize "${size}x${size}" "$work/icon-$size.png"
done
convert "$work"/icon-{16,24,32,48,64,128,256}.png -depth 8 csp-assessment.ico
convert "$work/icon-64.png" PNG32:csp-assessment-64.png
echo "written: $(ls -l csp-assessment.ico csp-assessment-64.png | awk '{print $5, $9}' | tr '\n' ' ')"
