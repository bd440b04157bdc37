#!/bin/sh
# check-mime.sh SOURCE_ROOT DESKTOP_FILE
#
# Checks the pack MIME type the way the desktop installs it: the
# shared-mime-info XML compiles with update-mime-database, maps *.fwpack
# to application/x-framewise-pack (a kind of JSON), and the desktop file
# says Framewise opens that type, so that double-clicking a pack opens it.
set -eu

src=$1
desktop=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

mkdir -p "$dir/packages"
cp "$src/data/io.github.framewise.Framewise.mime.xml" "$dir/packages/"
update-mime-database "$dir"

grep -qx 'application/x-framewise-pack:\*\.fwpack' "$dir/globs" ||
  { echo "*.fwpack is not mapped to application/x-framewise-pack" >&2; exit 1; }
grep -qx 'application/x-framewise-pack application/json' "$dir/subclasses" ||
  { echo "application/x-framewise-pack is not a kind of application/json" >&2; exit 1; }
grep -q '^MimeType=.*application/x-framewise-pack;' "$desktop" ||
  { echo "$desktop does not declare application/x-framewise-pack" >&2; exit 1; }
echo "MIME type and desktop file agree"
