#!/bin/sh
# Installs the build into a temporary DESTDIR and checks that the installed
# tree is complete and that the installed binary runs its command line.
#
#   test-install.sh BUILD_DIR PREFIX DATADIR BINDIR MANDIR APP_ID
set -eu

build=$1 prefix=$2 datadir=$3 bindir=$4 mandir=$5 app_id=$6
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

echo "TAP version 13"
meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >/dev/null

n=0
fail=0
check () {
  n=$((n + 1))
  if "$@" >/dev/null 2>&1; then
    echo "ok $n - $*"
  else
    echo "not ok $n - $*"
    fail=1
  fi
}

root="$dest$prefix"
share="$dest$datadir"
check test -x "$dest$bindir/framewise"
check test -f "$share/applications/$app_id.desktop"
check test -f "$share/metainfo/$app_id.metainfo.xml"
check test -f "$share/glib-2.0/schemas/$app_id.gschema.xml"
check test -f "$share/icons/hicolor/scalable/apps/$app_id.svg"
check test -f "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
# Each PNG rendition is a PNG of its directory's size: the IHDR chunk holds
# the width and height as big-endian 32-bit numbers at bytes 16 and 20.
png_size () {
  od -An -tu1 -j16 -N8 "$1" |
    awk '{ printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}
for size in 16 24 32 48 64 128 256 512; do
  png="$share/icons/hicolor/${size}x${size}/apps/$app_id.png"
  check test -f "$png"
  check test "$(png_size "$png" 2>/dev/null)" = "${size}x${size}"
done
check test -f "$share/mime/packages/$app_id.xml"
# The desktop file opens exactly the MIME type that is installed.
check grep -qx 'MimeType=application/x-framewise-pack;' "$share/applications/$app_id.desktop"
check grep -q '<mime-type type="application/x-framewise-pack">' "$share/mime/packages/$app_id.xml"
check test -f "$dest$mandir/man1/framewise.1"
check test -f "$share/framewise/packs/karabakh-poland.fwpack"
for po in $(cat "$(dirname "$0")/../po/LINGUAS" | sed 's/#.*//'); do
  check test -f "$share/locale/$po/LC_MESSAGES/framewise.mo"
done
check sh -c "'$dest$bindir/framewise' --version | grep -qx 'framewise [0-9.]*'"
check "$dest$bindir/framewise" --validate "$share/framewise/packs/karabakh-poland.fwpack"
check sh -c "echo 'It is an illegal regime.' | '$dest$bindir/framewise' analyze --format text -"
check grep -qF 'eval\-ptc' "$dest$mandir/man1/framewise.1"
check glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas"

echo "1..$n"
exit $fail
