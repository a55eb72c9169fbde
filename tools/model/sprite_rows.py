#!/usr/bin/env python3
"""Compares the Sprite rows of Ousterhout's Tables 7, 9 and 10 (Local, Diskless, Remote; every machine) between two
runs of './asfast model' (each a fidelity.csv), e.g. a tree from before One Sprite and today's. Prints each cell's
paper value, both model values, errors and tags, then per table the median |error| of the Sprite predictions in each
run, the same over the cells that are predictions in both runs, and the table's own median, plus Table 8's Sprite
remote penalties derived from each run's Table 7 totals (the model writes no Table 8 cells).

  tools/model/sprite_rows.py OLD/fidelity.csv NEW/fidelity.csv"""
import csv, statistics, sys

if len(sys.argv) != 3:
    sys.exit('usage: sprite_rows.py OLD_FIDELITY_CSV NEW_FIDELITY_CSV (each written by ./asfast model)')


def cells(path):
    with open(path, newline='') as f:
        return {(r['table'], r['machine'], r['os'], r['config'], r['column']): r
                for r in csv.DictReader(f) if r['paper'] == 'ousterhout1990'}


old, new = cells(sys.argv[1]), cells(sys.argv[2])
keys = [k for k in new if k[2] == 'Sprite' and k[0] in ('7', '9', '10')]
missing = [k for k in keys if k not in old]
if missing:
    sys.exit(f'{len(missing)} Sprite cells of the new run are not in the old one, e.g. {missing[0]}')
pct = lambda r: f"{100 * float(r['error']):+.1f}%"
tag = lambda r: 'cal' if r['tag'] == 'calibration' else 'pred'

print('| table | machine | config | column | paper | old | old error | old tag | new | new error | new tag |')
print('|---|---|---|---|---|---|---|---|---|---|---|')
for k in keys:
    o, n = old[k], new[k]
    print(f"| {k[0]} | {k[1]} | {k[3]} | {k[4]} | {n['printed']} | {float(o['model']):.4g} | {pct(o)} | {tag(o)} "
          f"| {float(n['model']):.4g} | {pct(n)} | {tag(n)} |")


def median(rows):
    errors = [abs(float(r['error'])) for r in rows]
    return f'{100 * statistics.median(errors):.1f}% ({len(errors)})' if errors else '-'


print('\nmedian |error| of predictions (count), old -> new')
for t in ('7', '9', '10'):
    sprite = [k for k in keys if k[0] == t]
    both = [k for k in sprite if old[k]['tag'] == new[k]['tag'] == 'prediction']
    table = lambda run: median([r for k, r in run.items() if k[0] == t and r['tag'] == 'prediction'])
    print(f"Table {t}: Sprite rows {median([old[k] for k in sprite if old[k]['tag'] == 'prediction'])} -> "
          f"{median([new[k] for k in sprite if new[k]['tag'] == 'prediction'])}; "
          f"predictions in both {median([old[k] for k in both])} -> {median([new[k] for k in both])}; "
          f"whole table {table(old)} -> {table(new)}")

print("\nTable 8 remote penalty (Diskless total / Local total - 1), derived from each run's Table 7 totals")
for m in sorted({k[1] for k in keys if k[0] == '7' and k[3] == 'Diskless'}):
    def penalty(run):
        total = lambda c: sum(float(run[('7', m, 'Sprite', c, col)]['model']) for col in ('Copy', 'Compile'))
        return 100 * (total('Diskless') / total('Local') - 1)
    print(f'{m}: old {penalty(old):.1f}%, new {penalty(new):.1f}%')
