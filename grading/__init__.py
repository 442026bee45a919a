"""Grades submissions in CPython the way the page grades them in the browser: the harness in a
child process (worker_process.py, the counterpart of static/worker.js), with the per-test time
limit enforced from outside and a fresh process after a timeout or a crash (runner.py, the
counterpart of static/runner.js)."""
