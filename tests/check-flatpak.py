#!/usr/bin/env python3
# Checks the Flatpak manifest: valid JSON, the app's ID and command, the
# GNOME runtime, a meson module built from this tree, and only the
# permissions a pack reader needs: a display and GPU, no network, no file
# system (files come and go through the file chooser portal), no D-Bus
# names beyond the portals every app may use.
#
#   check-flatpak.py MANIFEST APP_ID
import json
import sys

path, app_id = sys.argv[1], sys.argv[2]
with open(path, encoding='utf-8') as f:
    manifest = json.load(f)

problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


expect(manifest.get('id', manifest.get('app-id')) == app_id, f'id is not {app_id}')
expect(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is not org.gnome.Platform')
expect(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is not org.gnome.Sdk')
expect(str(manifest.get('runtime-version', '')).isdigit(),
       'runtime-version is not a GNOME release number')
expect(manifest.get('command') == 'framewise', 'command is not framewise')

allowed = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'}
for arg in manifest.get('finish-args', []):
    expect(arg in allowed, f'finish-arg {arg} is more than a pack reader needs')
for needed in ('--socket=wayland', '--socket=fallback-x11', '--share=ipc'):
    expect(needed in manifest.get('finish-args', []), f'finish-arg {needed} is missing')

modules = manifest.get('modules', [])
expect(len(modules) > 0 and modules[-1].get('name') == 'framewise',
       'the last module is not framewise')
if modules:
    expect(modules[-1].get('buildsystem') == 'meson', 'framewise is not built with meson')

if problems:
    for p in problems:
        print(f'{path}: {p}', file=sys.stderr)
    sys.exit(1)
print(f'{path}: valid')
