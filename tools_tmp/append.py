"""Append TOML text at the end of one [[territory]] block (by id) in a kb file."""
import sys, re
def append(path, tid, text):
    lines = open(path).read().split('\n')
    start = None
    for i, l in enumerate(lines):
        if l.strip() == f'id = "{tid}"' and i > 0 and lines[i-1].strip() == '[[territory]]':
            start = i
            break
    if start is None:
        raise SystemExit(f'{tid} not found in {path}')
    end = len(lines)
    for j in range(start + 1, len(lines)):
        if lines[j].strip() in ('[[territory]]', '[[place]]', '[[polity]]') or (lines[j].startswith('# ----')):
            end = j
            break
    # back up over blank lines
    k = end
    while k > start and lines[k-1].strip() == '':
        k -= 1
    lines[k:k] = [''] + text.strip('\n').split('\n')
    open(path, 'w').write('\n'.join(lines))

def remove_spells(path, tid, polity):
    """Remove [[territory.sovereign]] spells of `polity` from block tid."""
    s = open(path).read()
    lines = s.split('\n')
    start = None
    for i, l in enumerate(lines):
        if l.strip() == f'id = "{tid}"' and lines[i-1].strip() == '[[territory]]':
            start = i; break
    end = len(lines)
    for j in range(start + 1, len(lines)):
        if lines[j].strip() in ('[[territory]]', '[[place]]', '[[polity]]'):
            end = j; break
    out = lines[:start]
    i = start
    while i < end:
        if lines[i].strip() == '[[territory.sovereign]]' and i + 1 < end and lines[i+1].strip() == f'polity = "{polity}"':
            j = i + 1
            while j < end and lines[j].strip() != '' and not lines[j].startswith('[['):
                j += 1
            while j < end and lines[j].strip() == '':
                j += 1
            i = j
            continue
        out.append(lines[i]); i += 1
    out += lines[end:]
    open(path, 'w').write('\n'.join(out))
