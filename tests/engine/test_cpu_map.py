"""scripts/cpu_map.py, behind `make test-time BY_PROCESS=1`: each process a run starts
is put in one kind by its command line, and the sampler sees a grandchild's CPU."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from paths import ROOT

spec = importlib.util.spec_from_file_location("cpu_map", ROOT / "scripts" / "cpu_map.py")
cpu_map = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cpu_map)

SHELL = "/usr/lib/chromium/chromium-headless-shell"
TMP = "/tmp/pytest-of-root/pytest-958/popen-gw1"


@pytest.mark.parametrize("command, kind", [
    (f"{SHELL} --type=renderer --headless --lang=en-US", "Chromium: renderer"),
    (f"{SHELL} --type=gpu-process --headless", "Chromium: GPU"),
    (f"{SHELL} --type=utility --utility-sub-type=network.mojom.NetworkService", "Chromium: network and other utilities"),
    (f"{SHELL} --disable-field-trial-config --headless --remote-debugging-pipe", "Chromium: browser"),
    (".venv/lib/python3.11/site-packages/playwright/driver/node .../package/cli.js run-driver",
     "Playwright's driver (Node)"),
    (".venv/bin/python3 -u -c import sys;exec(eval(sys.stdin.readline()))", "pytest (controller and xdist workers)"),
    (".venv/bin/python3 .venv/bin/pytest -n 2 --dist loadgroup", "pytest (controller and xdist workers)"),
    (".venv/bin/python3 -B -c from multiprocessing.forkserver import main; main(13, 15, ['mkdocs.__main__'])",
     "mkdocs builds, forked (forkserver)"),
    (f".venv/bin/python3 -m mkdocs build --strict --site-dir {TMP}/site", "mkdocs builds, subprocess"),
    (f"{TMP}/env0/bin/python {TMP}/env0/bin/make-it-right check", "make-it-right command line"),
    (f"{TMP}/env0/bin/python .venv/lib/python3.11/site-packages/pip/__pip-runner__.py install",
     "pip (the wheel test)"),
    ("node tools/eslint/node_modules/eslint/bin/eslint.js --config x web", "checks: ESLint"),
    ("/usr/bin/node tests/engine/js/draft_harness.mjs", "Node: node --test, esbuild, harnesses"),
    ("bash scripts/install-chromium.sh", "setup scripts (apt, install-*.sh)"),
    ("git rev-parse HEAD", "make, shells, git and the rest"),
])
def test_each_process_is_put_in_its_kind(command, kind):
    assert cpu_map.kind(command) == kind


def test_the_sampler_sees_a_grandchilds_cpu():
    # 0.4 s of CPU, then half a second alive and idle, so a sample sees the last of it.
    busy = ("import time\nend = time.process_time() + 0.4\n"
            "while time.process_time() < end: pass\ntime.sleep(0.5)")
    sampler = cpu_map.CpuMap(interval=0.02)
    sampler.start()
    subprocess.run(["sh", "-c", f'"{sys.executable}" -c "$0"', busy], check=True)
    sampler.stop()
    # The shell's command line holds the script too; the Python under it burned the CPU.
    python = [ticks for ticks, command in sampler.processes.values()
              if command.startswith(sys.executable)]
    assert python and python[0] / cpu_map.TICKS >= 0.3, sampler.processes
