#!/usr/bin/env bash
# Start-up time and memory of the app's two renderers (glow, wgpu) under Xvfb with Mesa:
# for each renderer, RUNS times, the seconds from starting the program to the first
# screenshot of its window showing the page (more than 40 colours), and the peak resident
# memory (VmHWM) 15 s after start. The program opens FILE (an assessment file), so no import
# runs. With --wine, PROGRAM is a Windows .exe run under wine (WINEPREFIX must be ready and
# DISPLAY's server started before its wineserver); memory is then the .exe process's.
#
# Needs: xvfb, xdotool, imagemagick, Mesa (libgl1-mesa-dri for OpenGL, mesa-vulkan-drivers
# for Vulkan). Usage:
#   scripts/measure-renderers.sh [--wine] PROGRAM FILE [RUNS]
# Prints one line per run and a median per renderer (as renderer=glow|wgpu[/backend]).
set -euo pipefail
wine_mode=false
if [ "${1:-}" = "--wine" ]; then wine_mode=true; shift; fi
program=${1:?usage: scripts/measure-renderers.sh [--wine] PROGRAM FILE [RUNS]}
file=${2:?usage: scripts/measure-renderers.sh [--wine] PROGRAM FILE [RUNS]}
runs=${3:-3}
work=$(mktemp -d)
own_display=""
cleanup() {
  [ -n "$own_display" ] && kill "$own_display" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || break; done
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  own_display=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done
fi

# The process whose memory counts: the program itself (under wine, the .exe's process).
program_pid() { # LAUNCHER_PID
  if $wine_mode; then
    # The Windows process's command line starts with its drive (D:\...); this script's
    # own, which names the program too, does not.
    pgrep -n -f "^[A-Za-z]:.*${program##*[\\/]}" || true
  else
    echo "$1"
  fi
}

measure() { # RENDERER [ENV=VALUE...]
  local renderer=$1; shift
  local start now elapsed pid target colours hwm
  start=$(date +%s.%N)
  # Settings go to a scratch folder: no run starts from what an earlier one remembered.
  if $wine_mode; then
    env CSP_ASSESSMENT_RENDERER="$renderer" "$@" wine "$program" open "$file" >"$work/log" 2>&1 &
  else
    env CSP_ASSESSMENT_RENDERER="$renderer" XDG_DATA_HOME="$work/data" "$@" "$program" open "$file" >"$work/log" 2>&1 &
  fi
  pid=$!
  elapsed=""
  for _ in $(seq 600); do
    if xdotool search --onlyvisible --name '^CSP Strategic Assessment$' >/dev/null 2>&1; then
      import -window root "$work/shot.png" 2>/dev/null || true
      colours=$(convert "$work/shot.png" -format '%k' info: 2>/dev/null || echo 0)
      if [ "$colours" -gt 40 ]; then
        now=$(date +%s.%N)
        elapsed=$(awk -v a="$now" -v b="$start" 'BEGIN { printf "%.2f", a - b }')
        break
      fi
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  sleep "$(awk -v now="$(date +%s.%N)" -v s="$start" 'BEGIN { w = 15 - (now - s); printf "%.2f", (w > 0 ? w : 0) }')"
  target=$(program_pid "$pid")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$target/status" 2>/dev/null || echo 0)
  cp "$work/shot.png" "$work/last-$renderer.png" 2>/dev/null || true
  kill "$target" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if $wine_mode; then wineserver -w 2>/dev/null || true; fi
  echo "${elapsed:-failed} $(( hwm / 1024 ))"
}

# wgpu as it starts by default (Linux: Vulkan, here Mesa's lavapipe) and on OpenGL; under
# wine its default, Direct3D 12, cannot compile its shaders (wine 8), so Vulkan is named.
if $wine_mode; then
  setups=("glow" "wgpu WGPU_BACKEND=vulkan" "wgpu WGPU_BACKEND=gl")
else
  setups=("glow" "wgpu" "wgpu WGPU_BACKEND=gl")
fi
for setup in "${setups[@]}"; do
  read -r renderer extra <<<"$setup"
  label=$renderer${extra:+/${extra#*=}}
  : > "$work/times"; : > "$work/mems"
  for run in $(seq "$runs"); do
    read -r seconds mb < <(measure "$renderer" ${extra:+"$extra"})
    echo "$label run $run: start-up ${seconds}s, peak memory ${mb} MB"
    echo "$seconds" >> "$work/times"; echo "$mb" >> "$work/mems"
  done
  echo "renderer=$label median: start-up $(sort -n "$work/times" | sed -n "$(( (runs + 1) / 2 ))p")s, peak memory $(sort -n "$work/mems" | sed -n "$(( (runs + 1) / 2 ))p") MB"
  if [ -n "${SHOTS_DIR:-}" ]; then cp "$work/last-$renderer.png" "$SHOTS_DIR/renderer-${label//\//-}.png" 2>/dev/null || true; fi
done
