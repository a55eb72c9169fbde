#!/usr/bin/env python3
"""Writes the model's explanations.csv from rules, for the predictions in a fidelity.csv that are more than
50% off, the report's threshold for listing a miss with its explanation. Run after './asfast model'; review the
result by hand. The rules name cells, never paper values; the first rule that matches a cell gives its text."""
import csv, sys

FIDELITY = sys.argv[1] if len(sys.argv) > 1 else 'results/model/fidelity.csv'
OUT = 'platforms/model/src/main/resources/org/asfast/model/explanations.csv'
THRESHOLD = 0.5  # as the report: 'every prediction more than 50% off'

RULES = [
 (lambda t,m,o,c,col: t=='2' and m=='DS5000', "The DS5000's kernel entry is much faster than the DS3100's scaled by MIPS (its MIPS-relative getpid is the best RISC figure in Table 2); the model gives every MIPS R2000/R3000 machine the trap cost calibrated on the DS3100."),
 (lambda t,m,o,c,col: t=='3' and m=='DS5000', "Ultrix 3.1D on the DS5000 switches far faster than its family (§5 singles it out); the model uses the MIPS family's kernel speed and 4.3 BSD's switch path calibrated on the 8800."),
 (lambda t,m,o,c,col: t=='3' and m=='DS3100' and o=='Ultrix 3.1', "§5 notes Ultrix on the DS3100 as an exception; the model's 4.3 BSD switch path, calibrated on the 8800, runs at the MIPS family's kernel speed."),
 (lambda t,m,o,c,col: t=='5' and col=='Cached', "The model's cached copy is twice its memory bandwidth on every machine with a cache; this machine's cached copy gains less than that in the paper."),
 (lambda t,m,o,c,col: t=='6' and m=='DS5000', "The paper has no explanation either: the DS5000 'was much slower than expected' (§8); the model reads at its calibrated memory bandwidth."),
 (lambda t,m,o,c,col: t=='7' and m=='Sun3', "The Sun3's MIPS rating undervalues it for the Andrew benchmark (its MIPS-relative speeds in Table 8 are well above 1); the model scales user work by the rating."),
 (lambda t,m,o,c,col: t=='7' and m=='RT-APC', "The RT-APC's kernel speed comes from its select time (calibrated, far slower than its rating), and the copy phase's per-file work, calibrated for Mach on the DS3100, runs at that speed; the paper's RT-APC copies relatively faster than it selects."),
 (lambda t,m,o,c,col: t=='7' and col=='Copy' and o!='Sprite', "The model's copy phase is a per-file CPU lump calibrated on the MVAX2 plus this benchmark's file operations; on fast machines the paper's UNIX copy phases wait on the disk far more than a 70-file copy makes the model's disk do (§9: DS3100 Ultrix is 'slower than I had expected')."),
 (lambda t,m,o,c,col: t=='7' and col=='Copy' and o=='Sprite' and c=='Local', "The model's copy phase is a per-file CPU lump calibrated on the MVAX2 under Ultrix; Sprite's process creation on the Sun4 costs more in the paper (Sprite's exec and its file server's per-file work are not modelled separately)."),
 (lambda t,m,o,c,col: t=='7' and col=='Copy' and c=='Diskless', "Sprite's diskless copy phase: the model charges RPCs for opens, closes and stats, but the server's work in the paper's copy phase is larger."),
 (lambda t,m,o,c,col: t=='7' and m=='SS1' and col=='Compile', "The SS1 compiles more slowly in the model because its kernel and memory costs come from the SPARC family and its 10 MIPS rating; the paper's SS1 compile is close to the Sun4's."),
 (lambda t,m,o,c,col: t=='7' and col=='Compile' and c=='NFS', "The model's NFS client writes object files through to the server at the DS3100-calibrated RPC cost; the paper's remote compiles lose more (temporary and object files on the server, exec over NFS)."),
 (lambda t,m,o,c,col: t in ('9','10') and m=='HP835' and c=='NFS', "HP-UX's NFS is much slower than the per-call cost calibrated on DS3100 Ultrix scales to; the model gives HP-UX that Ultrix cost (only SunOS has its own)."),
 (lambda t,m,o,c,col: t=='10' and m=='HP835' and c=='Local', "HP-UX's data writes cost more than the model's asynchronous 4.3 BSD block writes; its no-data cell already sits at the model's floor (no seek)."),
 (lambda t,m,o,c,col: t=='10' and m=='RT-APC' and c=='AFS', "The paper: Mach-AFS 'showed great variability' and these are the lowest times seen; AFS stores the whole file on close, which the model's server writes asynchronously."),
 (lambda t,m,o,c,col: t=='10' and m=='RT-APC' and c=='Local', "The RT-APC's data cases cost it several rotations per block in the paper; the model's disk is the same for every machine apart from its calibrated seek, so a slow machine's slower disk is not modelled."),
 (lambda t,m,o,c,col: t=='10' and m=='MVAX2' and c=='Local', "The MVAX2's data cases cost it several rotations per block in the paper; the model's disk is the same for every machine apart from its calibrated seek, so the MicroVAX's slower disk is not modelled."),
 (lambda t,m,o,c,col: t=='10' and m=='DS3100' and o=='Ultrix 3.1' and c=='NFS', "The paper: DS3100-Ultrix-NFS writes far more slowly than Mach on the same hardware, and 'I suspect that Ultrix could be tuned' (§11); the model's NFS server is an untuned 4.3 BSD one."),
 (lambda t,m,o,c,col: t=='10' and m=='SS1' and col=='100 kbytes' and c=='Local', "The paper's SS1 100 KB time is below its 10 KB time, which the paper does not explain; the model applies SunOS 4.0.3's mapped-file stall (calibrated on the Sun4) to both sizes."),
 (lambda t,m,o,c,col: t=='10' and m=='M2000', "RISC/os writes data in the paper, about half a rotation per block; the model delays RISC/os data like System V (§3), so only CPU work and the i-node writes remain."),
 (lambda t,m,o,c,col: t=='10' and m=='Sun4' and o=='SunOS 4.0.3' and c=='NFS', "The paper's Sun4 NFS server needs about ten rotations per block, twice the other servers; the model's SunOS server forces each block and its i-node like every NFS server."),
 (lambda t,m,o,c,col: t=='10' and c=='NFS', "NFS writes each block through to the server's disk with its i-node (§11); the paper's times imply still more server I/O per block than the model's two writes."),
 (lambda t,m,o,c,col: t=='10' and o=='Sprite', "Sprite's delete waits for its i-node's sector to come round; the model's CPU work for this size fits in fewer rotations than the paper's took (Sprite's per-block cache work is not modelled)."),
 (lambda t,m,o,c,col: t=='10' and c=='Local', "Disk-bound: the model writes 4.3 BSD data blocks asynchronously and back to back; the paper's times imply one or more extra disk I/Os per block."),
 (lambda t,m,o,c,col: t=='9' and m=='RT-APC' and c=='Local', "The RT-APC's kernel speed comes from its select time (calibrated); its open-close is relatively faster than its select in the paper."),
 (lambda t,m,o,c,col: t=='9' and m=='Sun4' and c=='Local' and o!='Sprite', "The SPARC kernel speed is calibrated on select, where the Sun4 is slow; SunOS's and Mach's name lookup is relatively faster in the paper."),
 (lambda t,m,o,c,col: t=='9' and m=='Sun3' and c=='Diskless', "Sprite's RPC cost is calibrated on the DS3100; the Sun3's MIPS rating undervalues its network code, as in the Andrew benchmark."),
]

rows = [r for r in csv.DictReader(open(FIDELITY))
        if r['paper'] == 'ousterhout1990' and r['tag'] == 'prediction' and abs(float(r['error'])) > THRESHOLD]
written, missing = [], []
for r in rows:
    key = (r['table'], r['machine'], r['os'], r['config'], r['column'])
    text = next((t for rule, t in RULES if rule(*key)), None)
    (written if text else missing).append((r['paper'],) + key + ((text,) if text else ()))
with open(OUT, 'w', newline='') as f:
    f.write("# Why the model misses these cells by more than 50%. Written after comparing the model with the paper\n"
            "# (tools/model/explain.py, then reviewed); they name cells and hold no paper values.\n"
            "# The report lists any prediction more than 50% off that has no line here.\n")
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['paper', 'table', 'machine', 'os', 'config', 'column', 'explanation'])
    w.writerows(written)
print(f"{len(written)} explained, {len(missing)} without a rule")
for m in missing:
    print('  ', *m)
