"""Run one phase in this process and write its wall time and peak memory (ru_maxrss) as JSON.

Usage: python meet.py RESULT.json MODULE [ARGS...]   (MODULE runs as with 'python -m MODULE')
"""

from __future__ import annotations

import json
import resource
import runpy
import sys
import time

uitvoer, module, *argumenten = sys.argv[1:]
sys.argv = [module, *argumenten]
begin = time.perf_counter()
code = 0
try:
    runpy.run_module(module, run_name="__main__", alter_sys=True)
except SystemExit as einde:
    code = einde.code if isinstance(einde.code, int) else (0 if einde.code is None else 1)
seconden = time.perf_counter() - begin
with open(uitvoer, "w", encoding="utf-8") as f:
    json.dump(
        {"seconden": seconden, "piek_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "code": code}, f
    )
