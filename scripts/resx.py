#!/usr/bin/env python3
"""Writes or updates .resx files from a compact table: resx.py Path/Base en.tsv-like stdin.

Input lines: key<TAB>english<TAB>french   (other cultures can be added the same way).
Existing keys are replaced, others kept, so features can grow their files.
"""
import sys, os
import xml.etree.ElementTree as ET

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def load(path):
    if not os.path.exists(path):
        return {}
    tree = ET.parse(path)
    return {d.get('name'): (d.find('value').text or '') for d in tree.getroot().findall('data')}

def save(path, entries):
    from xml.sax.saxutils import escape
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEAD)
        for k in sorted(entries):
            f.write(f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(entries[k])}</value></data>\n')
        f.write('</root>\n')

base = sys.argv[1]
cultures = ['', 'fr']
tables = {c: load(f'{base}{"." + c if c else ""}.resx') for c in cultures}
for line in sys.stdin:
    line = line.rstrip('\n')
    if not line.strip() or line.startswith('#'):
        continue
    parts = line.split('\t')
    key = parts[0]
    for i, c in enumerate(cultures):
        if i + 1 < len(parts) and parts[i + 1]:
            tables[c][key] = parts[i + 1].replace('\\n', '\n')
for c in cultures:
    save(f'{base}{"." + c if c else ""}.resx', tables[c])
