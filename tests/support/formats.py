"""Validators of the formats in formats/*.schema.json, for tests that check what a host emits."""

import json

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from base.paths import FORMATS

SCHEMAS = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in FORMATS.glob("*.schema.json")}
REGISTRY = Registry().with_resources((name, Resource.from_contents(schema)) for name, schema in SCHEMAS.items())


def validator(schema_file, definition=None):
    """A validator for the whole schema, or for one of its $defs."""
    schema = {"$ref": f"{schema_file}#/$defs/{definition}"} if definition else {"$ref": schema_file}
    return Draft202012Validator(schema, registry=REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_valid(instance, schema_file, definition=None):
    errors = sorted(validator(schema_file, definition).iter_errors(instance), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(error.path)}: {error.message}" for error in errors[:5]) + f"\nin {json.dumps(instance)[:2000]}"
