#!/usr/bin/env python3
"""Writes a .resx pair (neutral = zh-CN, .en) from one table of keys: python3 build/resx.py <Base path without .resx> <table.tsv>.
The table has three tab-separated columns: key, Chinese, English."""
import sys
from xml.sax.saxutils import escape

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def write(path, rows):
    with open(path, 'w', encoding='utf-8') as out:
        out.write(HEADER)
        for key, value in rows:
            out.write(f'  <data name="{escape(key)}" xml:space="preserve"><value>{escape(value)}</value></data>\n')
        out.write('</root>\n')

base, table = sys.argv[1], sys.argv[2]
rows = [line.rstrip('\n').split('\t') for line in open(table, encoding='utf-8') if line.strip() and not line.startswith('#')]
for row in rows:
    assert len(row) == 3, row
write(base + '.resx', [(k, zh) for k, zh, _ in rows])
write(base + '.en.resx', [(k, en) for k, _, en in rows])
