#!/bin/sh
# Set up Framewise on a fresh Debian 12 / Ubuntu 24.04 machine and either
# run it on its bundled lesson pack or run the whole test suite headless.
#
#   build-aux/setup.sh run     install what is missing, build, start the app
#   build-aux/setup.sh test    install what is missing, build, run every test
#
# The build goes to _build/ in the source tree; a second run reuses it.
set -eu

mode=${1:-run}
shift || true
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/_build"

# Debian package names: the build itself, then what the tests use
# (Xvfb for a real headless display, D-Bus for GApplication, the data file
# validators, ripgrep and poppler for benchmarks and PDF checks, clang's
# fuzzing runtime for the libFuzzer harness, a JSON Schema validator for
# the pack schema).
build_packages="meson ninja-build pkg-config gcc gettext libglib2.0-dev libglib2.0-dev-bin \
libgtk-4-dev libadwaita-1-dev libjson-glib-dev desktop-file-utils appstream"
run_packages="dbus-daemon fonts-dejavu-core adwaita-icon-theme"
test_packages="xvfb xauth dbus-daemon at-spi2-core ripgrep poppler-utils clang \
libclang-rt-14-dev fonts-dejavu-core python3-jsonschema locales"

missing=""
for p in $build_packages $run_packages $( [ "$mode" = test ] && echo $test_packages ); do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $p"
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi

# The translation tests check Polish dates, which need the pl_PL.UTF-8
# locale's data (month names in their cases).
if [ "$mode" = test ] && ! locale -a 2>/dev/null | grep -qix 'pl_PL.utf8'; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo localedef -i pl_PL -f UTF-8 pl_PL.UTF-8
fi

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top"
fi
meson compile -C "$build"

case $mode in
  run)
    # Uninstalled, the settings schema and the translations come from the
    # build tree.
    GSETTINGS_SCHEMA_DIR="$build/data" FW_LOCALEDIR="$build/po" \
      exec "$build/src/framewise" "$@"
    ;;
  test)
    # One private X display and session bus for the whole suite.
    exec xvfb-run -a -s "-screen 0 1280x800x24" \
      dbus-run-session -- meson test -C "$build" --print-errorlogs "$@"
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
