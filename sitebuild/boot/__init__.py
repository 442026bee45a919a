"""The files the worker's Python boots from: Pyodide's runtime, the harness as a wheel, and
the snapshot and packs made in Node (python_boot/ reads them)."""
