"""Packs harness/ as a pure-Python wheel, which the browser worker installs with Pyodide's loadPackage.

Written by hand (a wheel is a zip with a dist-info folder) so the build needs no packaging
tools and the same sources always give the same bytes.
"""

import base64
import hashlib
import zipfile

import harness

from base.paths import HARNESS

NAME = "harness"
FIXED_TIMESTAMP = (2024, 1, 1, 0, 0, 0)


def wheel_filename():
    return f"{NAME}-{harness.__version__}-py3-none-any.whl"


def write_harness_wheel(out_dir):
    dist_info = f"{NAME}-{harness.__version__}.dist-info"
    files = {
        f"{NAME}/{path.relative_to(HARNESS).as_posix()}": path.read_bytes() for path in sorted(HARNESS.rglob("*.py"))
    }
    files[f"{dist_info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {harness.__version__}\n"
        "Summary: Grades exercise submissions (used in CPython and Pyodide)\nRequires-Dist: numpy\n"
    ).encode()
    files[f"{dist_info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: sitebuild\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = [f"{name},sha256={_digest(data)},{len(data)}" for name, data in files.items()]
    files[f"{dist_info}/RECORD"] = ("\n".join(record + [f"{dist_info}/RECORD,,"]) + "\n").encode()
    path = out_dir / wheel_filename()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in files.items():
            wheel.writestr(zipfile.ZipInfo(name, FIXED_TIMESTAMP), data, zipfile.ZIP_DEFLATED)
    return path


def _digest(data):
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
