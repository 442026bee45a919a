"""The files the worker's Python boots from: a memory snapshot and the bytecode of what the
harness imports, made in Node at build time and kept in .cache/ between builds. (The browser
tests and `make check` prove that Python boots from them and grades.)"""

import gzip
import shutil
import struct
import zipfile

import pytest

from sitebuild import python_boot
from sitebuild.errors import BuildError
from sitebuild.harness_wheel import wheel_filename

# The first four bytes of every Pyodide memory snapshot (pyodide.asm.js checks them on load).
SNAPSHOT_MAGIC = 1886286592


def test_the_site_ships_a_gzipped_snapshot_and_the_bytecode_the_harness_imports(built_site):
    snapshot = gzip.decompress((built_site / "pyodide" / python_boot.SNAPSHOT).read_bytes())
    assert struct.unpack("<I", snapshot[:4])[0] == SNAPSHOT_MAGIC
    with zipfile.ZipFile(built_site / "pyodide" / python_boot.BYTECODE) as bytecode:
        names = set(bytecode.namelist())
    site_packages = "lib/python3.12/site-packages"
    for module in ("harness/__pycache__/grader", "harness/__pycache__/learner_code", "numpy/__pycache__/__init__", "numpy/_core/__pycache__/numeric"):
        assert f"{site_packages}/{module}.cpython-312.pyc" in names, module
    assert all(name.endswith(".pyc") for name in names)


def runtime_without_boot_files(built_site, folder):
    runtime = folder / "pyodide"
    shutil.copytree(built_site / "pyodide", runtime, ignore=shutil.ignore_patterns(python_boot.SNAPSHOT, python_boot.BYTECODE))
    return runtime


def test_a_rebuild_reuses_the_boot_files_without_running_node(built_site, tmp_path, monkeypatch):
    runtime = runtime_without_boot_files(built_site, tmp_path)

    def no_node(*args, **kwargs):
        raise AssertionError("the boot files were made again")

    monkeypatch.setattr(python_boot.subprocess, "run", no_node)
    python_boot.write_python_boot_files(runtime, built_site / "assets" / wheel_filename())
    for name in (python_boot.SNAPSHOT, python_boot.BYTECODE):
        assert (runtime / name).read_bytes() == (built_site / "pyodide" / name).read_bytes()


def test_node_failing_to_make_them_fails_the_build_naming_the_script(built_site, tmp_path, monkeypatch):
    broken = tmp_path / "make_python_boot.cjs"
    broken.write_text('process.stderr.write("the snapshot went wrong"); process.exit(1);\n')
    monkeypatch.setattr(python_boot, "MAKE_BOOT_FILES_SCRIPT", broken)
    monkeypatch.setattr(python_boot, "CACHE", tmp_path / "cache")
    runtime = runtime_without_boot_files(built_site, tmp_path)
    with pytest.raises(BuildError) as failure:
        python_boot.write_python_boot_files(runtime, built_site / "assets" / wheel_filename())
    assert "the snapshot went wrong" in str(failure.value)
    assert str(broken) in str(failure.value)
    assert not (runtime / python_boot.SNAPSHOT).exists()
    assert list((tmp_path / "cache").iterdir()) == [], "a failed attempt leaves nothing in the cache"
