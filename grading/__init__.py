"""Regrades handed-in files the way the page grades them in the browser: the page's Python
(Pyodide) in sandboxed Node processes (pyodide_host.cjs, the counterpart of static/worker.js;
sandbox_command.py), with the per-test time limit enforced from outside and a fresh process
after a timeout or a crash (pyodide_runner.py, the counterpart of static/runner.js).
runner.py and worker_process.py do the same in CPython, for the tests that compare the two."""
