"""Interleaved timings of two source trees: plan kz-2027-h1 (kz-2024, 2 workers, seed i) or
explain benchmarks/explain.py's conflict, alternating between the trees run by run, each
run in a fresh process (wall and CPU seconds, load average).

    .venv/bin/python benchmarks/before_after.py plan|explain RUNS OUT.json LABEL=TREE ...

A TREE is a checkout or `git archive REV | tar -x -C DIR` of the project.
"""
import json
import os
import subprocess
import sys

PLAN = r'''
import json, sys, time
from scheduler import load_instance, load_profile
from scheduler.planner import solve
inst = load_instance("instances/kz-2027-h1.json"); prof = load_profile("kz-2024")
c = time.process_time()
r = solve(inst, prof, time_limit=120, workers=2, seed=int(sys.argv[1]))
print(json.dumps(dict(wall=r.wall_time, cpu=time.process_time() - c, status=str(r.status),
                      objective=r.objective, load=__import__("os").getloadavg()[0])))
'''
EXPLAIN = r'''
import json, sys, time
sys.path.insert(0, "benchmarks")
from explain import conflict_instance
from scheduler import load_profile
from scheduler.explain import explain_infeasibility
inst = conflict_instance(); prof = load_profile("kz-2024")
calls = []
c = time.process_time(); w = time.perf_counter()
f = explain_infeasibility(inst, prof, time_limit=120, seed=int(sys.argv[1]), progress=calls.append)
print(json.dumps(dict(wall=time.perf_counter() - w, cpu=time.process_time() - c,
                      solves=len(calls) - 1, status=str(f.status),
                      conflict=sorted(str(x.key) for x in f.conflicts),
                      frees=[x.frees for x in f.conflicts], load=__import__("os").getloadavg()[0])))
'''
what, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
trees = [arg.split("=", 1) for arg in sys.argv[4:]]
code = PLAN if what == "plan" else EXPLAIN
rows = []
for i in range(runs):
    for label, tree in trees:
        p = subprocess.run([sys.executable, "-c", code, str(i)], cwd=tree, capture_output=True,
                           text=True, env={**os.environ, "PYTHONPATH": tree})
        row = json.loads(p.stdout.strip().splitlines()[-1]) if p.returncode == 0 \
            else {"error": p.stderr[-500:]}
        row.update(label=label, run=i)
        rows.append(row)
        print(row, flush=True)
        json.dump(rows, open(out, "w"), indent=1)
