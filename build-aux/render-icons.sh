#!/bin/sh
# Renders the full-colour app icon to the PNG sizes of the hicolor theme
# (16 to 512 px). The PNGs are committed, so that building needs no SVG
# renderer; run this after changing the SVG (needs rsvg-convert, Debian
# package librsvg2-bin) and commit the result.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
icons="$top/data/icons/hicolor"
svg="$icons/scalable/apps/io.github.framewise.Framewise.svg"

for size in 16 24 32 48 64 128 256 512; do
  dir="$icons/${size}x${size}/apps"
  mkdir -p "$dir"
  rsvg-convert --width "$size" --height "$size" --output "$dir/io.github.framewise.Framewise.png" "$svg"
done
