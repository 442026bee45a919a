"""The files the worker's Python boots from: a memory snapshot with numpy and the harness
imported, numpy's libraries relinked at restore, and the rest of site-packages, made in Node
at build time and kept in .cache/ between builds; and, in the browser, the restore from them,
or the plain boot when the restore finds something that does not match (from Pyodide's own
snapshot and precompiled bytecode, which only it fetches). (`make check` and the other browser
tests prove that Python grades from them.)"""

import json
import shutil
import struct

import pytest
import zstandard
from page_actions import by_testid, run_and_wait, set_code, wait_until_ready
from playwright.sync_api import expect
from problem_folders import EXERCISE_PATH

from sitebuild.boot import boot_files as python_boot
from base.errors import BuildError
from base.paths import PYODIDE_NPM
from sitebuild.boot.harness_wheel import wheel_filename
from sitebuild.boot.pyodide_runtime import package_wheels

# The first four bytes of every Pyodide memory snapshot (pyodide.asm.js checks them on load).
SNAPSHOT_MAGIC = 1886286592


def boot_manifest(built_site):
    return json.loads((built_site / "pyodide" / python_boot.BOOT_MANIFEST).read_text())


def unpacked(built_site, pack):
    """The files of a pack, as python_boot/files.js unpacks it: {path: bytes}."""
    data = zstandard.ZstdDecompressor().decompress((built_site / "pyodide" / pack["file"]).read_bytes())
    assert len(data) == pack["bytes"]
    (index_bytes,) = struct.unpack("<I", data[:4])
    files, offset = {}, 4 + index_bytes
    for path, size in json.loads(data[4 : 4 + index_bytes]):
        files[path] = data[offset : offset + size]
        offset += size
    assert offset == len(data)
    return files


def test_the_snapshot_holds_pyodide_memory_with_a_map_of_the_pages_it_replaces(built_site):
    layout = boot_manifest(built_site)["snapshot"]
    file = zstandard.ZstdDecompressor().decompress((built_site / "pyodide" / layout["file"]).read_bytes())
    # Our header (python_boot/snapshot_header.js): magic, format version, the Pyodide version.
    assert file[:8] == b"MLKSNAP\0"
    format_version, version_bytes = struct.unpack("<II", file[8:16])
    assert format_version == 1
    assert file[16 : 16 + version_bytes].decode() == json.loads((PYODIDE_NPM / "package.json").read_text())["version"]
    snapshot = file[16 + version_bytes :]
    assert struct.unpack("<I", snapshot[:4])[0] == SNAPSHOT_MAGIC
    pages = layout["memoryBytes"] // layout["pageBytes"]
    page_map = snapshot[layout["headerBytes"] : layout["headerBytes"] + (pages + 7) // 8]
    changed = sum(bin(byte).count("1") for byte in page_map)
    assert 0 < changed < pages, "only the pages Python changed ship"
    assert len(snapshot) == layout["headerBytes"] + len(page_map) + changed * layout["pageBytes"]


def test_the_libraries_import_numpy_needs_are_relinked_and_every_other_file_ships_apart(built_site):
    manifest = boot_manifest(built_site)
    libraries = unpacked(built_site, manifest["libraries"])
    linked = [library["path"] for library in manifest["linking"]["libraries"]]
    assert list(libraries) == linked
    assert "numpy/_core/_multiarray_umath.cpython-312-wasm32-emscripten.so" in linked
    assert all(path.endswith(".so") for path in linked)
    others = unpacked(built_site, manifest["otherFiles"])
    assert "harness/entry.py" in others and "numpy/__init__.py" in others
    assert "numpy/random/_generator.cpython-312-wasm32-emscripten.so" in others, "loaded when first imported"
    assert not set(others) & set(linked)
    # Addresses are recorded in load order, one library after the other, above a gap left in the table.
    tables = [(library["tableBase"], library["tableLength"]) for library in manifest["linking"]["libraries"]]
    assert tables[0][0] == manifest["linking"]["tableStart"]
    assert all(length <= next_base for (_, length), (next_base, _) in zip(tables, tables[1:]))


def test_the_plain_boot_has_pyodide_own_snapshot_and_the_bytecode_of_what_the_harness_imports(built_site):
    plain_boot = boot_manifest(built_site)["plainBoot"]
    snapshot = zstandard.ZstdDecompressor().decompress((built_site / "pyodide" / plain_boot["snapshot"]["file"]).read_bytes())
    assert len(snapshot) == plain_boot["snapshot"]["bytes"]
    assert struct.unpack("<I", snapshot[:4])[0] == SNAPSHOT_MAGIC
    bytecode = unpacked(built_site, plain_boot["bytecode"])
    for module in ("harness/__pycache__/entry.cpython-312.pyc", "harness/__pycache__/console.cpython-312.pyc", "numpy/__pycache__/__init__.cpython-312.pyc", "numpy/_core/__pycache__/numeric.cpython-312.pyc"):
        assert module in bytecode, module
    assert "numpy/random/__pycache__/__init__.cpython-312.pyc" not in bytecode, "only what the harness imports"
    # PEP 552 flags: hash-based and not checked against the sources, which are written afresh on every visit.
    assert {struct.unpack("<I", pyc[4:8])[0] for pyc in bytecode.values()} == {1}


def runtime_without_boot_files(built_site, folder):
    runtime = folder / "pyodide"
    shutil.copytree(built_site / "pyodide", runtime, ignore=shutil.ignore_patterns(*python_boot.BOOT_FILES))
    return runtime


def wheels(built_site):
    return [*package_wheels(), built_site / "assets" / wheel_filename()]


def test_a_rebuild_reuses_the_boot_files_without_running_node(built_site, tmp_path, monkeypatch):
    runtime = runtime_without_boot_files(built_site, tmp_path)

    def no_node(*args, **kwargs):
        raise AssertionError("the boot files were made again")

    monkeypatch.setattr(python_boot.subprocess, "run", no_node)
    python_boot.write_python_boot_files(runtime, wheels(built_site))
    for name in python_boot.BOOT_FILES:
        assert (runtime / name).read_bytes() == (built_site / "pyodide" / name).read_bytes()


def test_node_failing_to_make_them_fails_the_build_naming_the_script(built_site, tmp_path, monkeypatch):
    broken = tmp_path / "make_python_boot.cjs"
    broken.write_text('process.stderr.write("the snapshot went wrong"); process.exit(1);\n')
    monkeypatch.setattr(python_boot, "MAKE_BOOT_FILES_SCRIPT", broken)
    monkeypatch.setattr(python_boot, "CACHE", tmp_path / "cache")
    runtime = runtime_without_boot_files(built_site, tmp_path)
    with pytest.raises(BuildError) as failure:
        python_boot.write_python_boot_files(runtime, wheels(built_site))
    assert "the snapshot went wrong" in str(failure.value)
    assert str(broken) in str(failure.value)
    assert not (runtime / python_boot.SNAPSHOT).exists()
    assert list((tmp_path / "cache").iterdir()) == [], "a failed attempt leaves nothing in the cache"


def open_with_a_changed_boot_manifest(context, site_url, built_site, change):
    """The exercise page, with python-boot.json served changed by `change(manifest)`, and the
    console messages the page and its worker print."""
    manifest = boot_manifest(built_site)
    change(manifest)
    context.route(f"**/{python_boot.BOOT_MANIFEST}", lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(manifest)))
    page = context.new_page()
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(site_url + EXERCISE_PATH)
    return page, messages


def test_the_snapshot_restores_without_falling_back(context, site_url, built_site, reference_solution):
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page, messages = open_with_a_changed_boot_manifest(context, site_url, built_site, lambda manifest: None)
    wait_until_ready(page)
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    assert not [message for message in messages if FALLBACK in message], messages
    assert not [url for url in requested if url.endswith(python_boot.PLAIN_BOOT_FILES)], "only the plain boot fetches its files"


@pytest.mark.parametrize(
    ("what", "change"),
    [
        ("a function table grown past the libraries' place", lambda manifest: manifest["linking"].update(tableStart=100)),
        ("a library that leaves the table at another length", lambda manifest: manifest["linking"]["libraries"][1].update(tableLength=1)),
        ("fresh memory unlike the build's", lambda manifest: manifest["snapshot"].update(unchangedPagesChecksum=1)),
    ],
)
def test_a_snapshot_that_does_not_match_falls_back_to_the_plain_boot_and_says_so(context, site_url, built_site, reference_solution, what, change):
    page, messages = open_with_a_changed_boot_manifest(context, site_url, built_site, change)
    wait_until_ready(page)
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed", what
    assert [message for message in messages if FALLBACK in message], messages


def test_the_plain_boot_without_its_own_files_still_grades_and_says_so(context, site_url, built_site, reference_solution):
    for name in python_boot.PLAIN_BOOT_FILES:
        context.route(f"**/pyodide/{name}", lambda route: route.fulfill(status=404))
    page, messages = open_with_a_changed_boot_manifest(context, site_url, built_site, lambda manifest: manifest["linking"].update(tableStart=100))
    wait_until_ready(page)
    set_code(page, reference_solution)
    assert run_and_wait(page) == "4 of 4 tests passed"
    assert [message for message in messages if FALLBACK in message], messages
    assert len([message for message in messages if "goes on without" in message]) == 2, messages


def test_an_import_that_needs_the_remaining_files_before_they_arrive_fetches_them_at_once(context, site_url, built_site):
    held = []

    def hold_the_first_download(route):
        if held:
            route.continue_()  # the import's own request
        else:
            held.append(route)

    context.route(f"**/pyodide/{boot_manifest(built_site)['otherFiles']['file']}", hold_the_first_download)
    page = context.new_page()
    page.goto(site_url + EXERCISE_PATH)
    wait_until_ready(page)
    set_code(page, IMPORTS_BEYOND_THE_SNAPSHOT)
    assert run_and_wait(page) == "4 of 4 tests passed"
    expect(by_testid(page, "results")).to_contain_text("median 2 random 0.6369616873214543")
    assert len(held) == 1, "the download after ready was still held while the run imported"
    held[0].continue_()


FALLBACK = "boots the plain way"
IMPORTS_BEYOND_THE_SNAPSHOT = """import statistics

import numpy as np
import numpy.random


def contrastive_loss(x1, x2, label, margin=1.0):
    print("median", statistics.median([1, 2, 3]), "random", numpy.random.default_rng(0).random())
    distance = np.linalg.norm(np.asarray(x1, dtype=float) - np.asarray(x2, dtype=float), axis=1)
    label = np.asarray(label, dtype=float)
    return float(np.mean(label * distance**2 + (1 - label) * np.maximum(0.0, margin - distance) ** 2))
"""
