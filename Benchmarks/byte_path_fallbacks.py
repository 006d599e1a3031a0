#!/usr/bin/env python3
"""How many lines of a JSONL file leave `wiretrace dedup`'s byte path for parse() and a String.

Replays the conditions of JSONLLine.withVerbatimText and DedupRun.isPlainlyText with Python's
json: not a flat all-string object, a key that is not ASCII, an html field, no text field, or a
text that is not plainly text (a binary signature, no ASCII letter or digit in its first 8 KiB,
or a control byte other than tab, LF, FF, CR, or DEL there). Python's json accepts repeated keys
and the size limit is not replayed, so this is a lower bound.

    python3 Benchmarks/byte_path_fallbacks.py FILE...
"""
import json
import sys

SIGNATURES = [b'\x89PNG', b'\xff\xd8\xff', b'GIF8', b'%PDF-', b'PK\x03\x04', b'\x1f\x8b', b'\x00\x00\x00',
              b'\xff\xfe', b'\xfe\xff']


def plainly_text(text):
    data = text.encode('utf-8')
    if any(data.startswith(s) for s in SIGNATURES):
        return False
    sample = data[:8192]
    if not any(48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122 for c in sample):
        return False
    return all(not (c < 0x20 and c not in (9, 10, 12, 13)) and c != 0x7F for c in sample)


for path in sys.argv[1:]:
    lines = 0
    reasons = {}
    with open(path, 'rb') as handle:
        for line in handle:
            if not line.strip():
                continue
            lines += 1
            try:
                record = json.loads(line)
            except ValueError:
                reason = 'not JSON'
            else:
                if not isinstance(record, dict) or not all(isinstance(v, str) for v in record.values()):
                    reason = 'not a flat all-string object'
                elif not all(k.isascii() for k in record):
                    reason = 'a key that is not ASCII'
                elif 'html' in record:
                    reason = 'html'
                elif 'text' not in record:
                    reason = 'no text'
                elif not plainly_text(record['text']):
                    reason = 'not plainly text'
                else:
                    continue
            reasons[reason] = reasons.get(reason, 0) + 1
    print(f'{path}: {lines} lines, {sum(reasons.values())} leave the byte path {reasons}')
