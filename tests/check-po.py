#!/usr/bin/env python3
# check-po.py
#
# Copyright 2026 The Framewise authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the translations in po/:
#
#   check-po.py complete SOURCE_ROOT
#     every language in po/LINGUAS has a .po file that `msgfmt --check`
#     accepts, with no fuzzy and no untranslated message;
#
#   check-po.py up-to-date SOURCE_ROOT
#     every message the sources hold today (extracted afresh with xgettext
#     from po/POTFILES.in, as `meson compile framewise-pot` does) has a
#     translation in each .po file: a new string without one fails. Run
#     `meson compile -C _build framewise-update-po` and translate it.

import os
import re
import subprocess
import sys
import tempfile

# The keywords of meson's i18n.gettext(preset: 'glib').
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
]

STATISTICS = re.compile(r'(\d+) translated messages?'
                        r'(?:, (\d+) fuzzy translations?)?'
                        r'(?:, (\d+) untranslated messages?)?')


def languages(root):
    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        return [word for line in f if not line.startswith('#') for word in line.split()]


def check_complete(root, language):
    path = os.path.join(root, 'po', f'{language}.po')
    if not os.path.isfile(path):
        print(f'po/LINGUAS lists {language} but {path} does not exist', file=sys.stderr)
        return False

    result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, path],
                            capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    report = result.stderr.strip()
    print(f'{language}.po: {report}')
    if result.returncode != 0:
        print(f'{language}.po: msgfmt --check failed', file=sys.stderr)
        return False

    match = STATISTICS.search(report)
    if match is None:
        print(f'{language}.po: cannot read msgfmt’s statistics', file=sys.stderr)
        return False

    translated = int(match.group(1))
    fuzzy = int(match.group(2) or 0)
    untranslated = int(match.group(3) or 0)
    if translated == 0 or fuzzy > 0 or untranslated > 0:
        print(f'{language}.po: {fuzzy} fuzzy and {untranslated} untranslated messages; '
              'every message needs a checked translation', file=sys.stderr)
        return False

    return True


def check_up_to_date(root, language, template):
    path = os.path.join(root, 'po', f'{language}.po')
    result = subprocess.run(['msgcmp', path, template], capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL='C'))
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        print(f'{language}.po lacks translations of messages in the sources', file=sys.stderr)
        return False

    print(f'{language}.po: translates every message of the sources')
    return True


def extract(root, directory):
    template = os.path.join(directory, 'framewise.pot')
    subprocess.run(['xgettext', *XGETTEXT_ARGS, '--files-from=po/POTFILES.in',
                    '--output', template],
                   cwd=root, check=True)
    return template


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ('complete', 'up-to-date'):
        print('usage: check-po.py complete|up-to-date SOURCE_ROOT', file=sys.stderr)
        return 2

    mode, root = sys.argv[1], sys.argv[2]
    wanted = languages(root)
    if not wanted:
        print('po/LINGUAS lists no language', file=sys.stderr)
        return 1

    if mode == 'complete':
        results = [check_complete(root, language) for language in wanted]
    else:
        with tempfile.TemporaryDirectory() as directory:
            template = extract(root, directory)
            results = [check_up_to_date(root, language, template) for language in wanted]

    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
