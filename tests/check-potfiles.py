#!/usr/bin/env python3
# check-potfiles.py
#
# Copyright 2026 The Framewise authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a source, UI or data file with translatable strings is missing
# from po/POTFILES.in, or when POTFILES.in names a file that does not exist:
# a string in a file xgettext never reads is never translated.
#
#   check-potfiles.py SOURCE_ROOT

import os
import re
import sys

# What makes a file translatable, by how its name ends. C uses the gettext
# macros of glib/gi18n.h; GtkBuilder and GSettings files mark strings or
# use elements that xgettext's ITS rules extract; the desktop file and
# metainfo are merged with msgfmt.
C_CALL = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)\s*\(')
MARKERS = [
    ('.c', C_CALL),
    ('.h', C_CALL),
    ('.ui', re.compile(r'translatable="yes"')),
    ('.gschema.xml.in', re.compile(r'<(?:summary|description)>')),
    ('.desktop.in.in', re.compile(r'^(?:Name|GenericName|Comment|Keywords)=', re.M)),
    ('.metainfo.xml.in.in', re.compile(r'<(?:summary|p|li|caption)>')),
    ('.mime.xml', re.compile(r'<comment>')),
]

# Where translatable files live; tests and build output are not shipped.
SEARCHED = ['src', 'resources', 'data']


def translatable_files(root):
    found = set()
    for top in SEARCHED:
        for directory, _dirs, names in os.walk(os.path.join(root, top)):
            for name in names:
                path = os.path.join(directory, name)
                relative = os.path.relpath(path, root)
                for ending, pattern in MARKERS:
                    if not name.endswith(ending):
                        continue
                    with open(path, encoding='utf-8') as f:
                        if pattern.search(f.read()):
                            found.add(relative)
                    break
    return found


def listed_files(root):
    listed = []
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.append(line)
    return listed


def main():
    if len(sys.argv) != 2:
        print('usage: check-potfiles.py SOURCE_ROOT', file=sys.stderr)
        return 2

    root = sys.argv[1]
    listed = listed_files(root)
    found = translatable_files(root)
    status = 0

    if len(found) == 0:
        print('no translatable file found under', root, file=sys.stderr)
        return 1

    for path in sorted(found - set(listed)):
        print(f'{path}: has translatable strings but is missing from po/POTFILES.in',
              file=sys.stderr)
        status = 1

    for path in listed:
        if not os.path.isfile(os.path.join(root, path)):
            print(f'po/POTFILES.in: {path} does not exist', file=sys.stderr)
            status = 1

    duplicates = sorted({path for path in listed if listed.count(path) > 1})
    for path in duplicates:
        print(f'po/POTFILES.in: {path} is listed more than once', file=sys.stderr)
        status = 1

    if status == 0:
        print(f'{len(found)} files with translatable strings, all in po/POTFILES.in')
    return status


if __name__ == '__main__':
    sys.exit(main())
