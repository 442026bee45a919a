"""Explainers of numpy's errors (see harness.explain): shapes that do not broadcast or
multiply, an in-place operation that would change an array's dtype, an axis that does not
exist, an array where one number or one True/False is needed, too many indices. Each names
the learner's expression and the shapes of its parts, as far as they can be found safely."""

import ast
import builtins
import itertools
import re

import numpy as np

from .expressions import ShapeClash, evaluate_quietly, is_elementwise, shape_of
from .wording import axes, dtype_words, listed, shape_text

CAST_PATTERN = r"Cannot cast ufunc '(?P<ufunc>\w+)' output from dtype\('(?P<source>\w+)'\) to dtype\('(?P<target>\w+)'\)"
_MESSAGE_SHAPE = re.compile(r"\(([\d,\s]*)\)")
_OPERATOR_SIGNS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**", ast.MatMult: "@"}
# How many operands the line lists at most under "Shapes on this line".
SHAPES_LISTED = 6


def broadcasting(failure, match):
    spot = failure.spot
    if spot is None:
        return None
    message_shapes = _shapes_in(match.string) if "together with shapes" in match.string else []
    clash = _clash(spot, message_shapes)
    if clash is None:
        if spot.node is not None or len(message_shapes) < 2:  # not an operation (a learner's own raise?), or no shapes
            return None
        sentences = [f"{spot.place} combines arrays of shapes {listed(map(shape_text, message_shapes))}, which do not fit together.", _rule(message_shapes)]
        return "\n".join(sentence for sentence in sentences if sentence)
    node, operands, shapes = clash
    if isinstance(node, ast.AugAssign) and _broadcast(shapes) is not None:
        return _does_not_fit_in_place(spot, node, shapes)
    named = listed(f"`{spot.text(operand)}` has shape {shape_text(shape)}" for operand, shape in zip(operands, shapes))
    sentences = [f"{spot.place}, `{spot.text(node)}`: {named}, which do not fit together.", _rule(shapes)]
    sentences += [_grown_shape(spot, operand, shape) for operand, shape in zip(operands, shapes)]
    sentences.append(_broadcast_hint(spot, operands, shapes))
    sentences.append(_shapes_on_the_line(spot, operands))
    return "\n".join(sentence for sentence in sentences if sentence)  # one idea per line: this one is long


def matrix_product(failure, match):
    spot = failure.spot
    if spot is None or spot.node is None:
        return None
    operands = _matrix_operands(spot, spot.node)
    if operands is None:
        return None
    shapes = [shape_of(spot.value(operand)) for operand in operands]
    if None in shapes:
        shapes = _shapes_in(match.string)
    if len(shapes) != 2 or not all(shapes):
        return None
    (first, second), (first_shape, second_shape) = [spot.text(operand) for operand in operands], shapes
    inner = -2 if len(second_shape) >= 2 else 0
    sentences = [
        f"{spot.place}, `{spot.text(spot.node)}` is a matrix product: `{first}` has shape {shape_text(first_shape)} and "
        f"`{second}` has shape {shape_text(second_shape)}, but it needs the last length of `{first}` ({first_shape[-1]}) to equal "
        f"the {'second-to-last' if inner == -2 else 'first'} length of `{second}` ({second_shape[inner]})."
    ]
    if first_shape == second_shape:
        sentences.append(
            f"To multiply matching entries use `{first} * {second}`; for one dot product per row, `np.sum({first} * {second}, axis=1)`."
        )
    if len(first_shape) == len(second_shape) == 2 and first_shape[-1] == second_shape[-1]:
        sentences.append(f"To multiply by the transpose, write `{first} @ {second}.T`.")
    return "\n".join(sentences)


def in_place_cast(failure, match):
    spot = failure.spot
    stored, result = dtype_words(match["target"]), dtype_words(match["source"])
    node = spot.node if spot is not None else None
    if not isinstance(node, ast.AugAssign):
        return (
            f"numpy would store the result of `{match['ufunc']}`, {result}, in an array of {stored}, "
            "which would lose information, so it refuses: store the result in a new array instead."
        )
    target, array = spot.text(node.target), spot.text(_base_name(node.target))
    sentence = f"`{array}` holds {stored}; `{spot.text(node)}` would store {result} in it, and an in-place operation keeps an array's dtype."
    if not isinstance(node.target, ast.Name):
        floats = np.dtype(match["source"]).kind == "f"
        return sentence + (f" Create `{array}` as an array of floats instead, e.g. with `dtype=float`." if floats else f" Create `{array}` with dtype {match['source']} instead.")
    new_array = f"{target} {_OPERATOR_SIGNS.get(type(node.op), '?')} {spot.text(node.value)}"
    sentence += f" Use `{new_array}`, which makes a new array"
    if target in _parameters(spot.frame):
        sentence += f" (and leaves the `{target}` your function was given unchanged)"
    return sentence + "."


def axis_out_of_range(failure, match):
    spot = failure.spot
    axis, ndim = int(match["axis"]), int(match["ndim"])
    node = spot.node if spot is not None else None
    if not isinstance(node, ast.Call):
        return None
    array = _reduced_array(spot, node)
    if array is None:
        return f"{spot.place}, `{spot.text(node)}` asks for axis {axis} of an array with {axes(ndim)}."
    shape = shape_of(spot.value(array)) or (None,) * ndim
    name = spot.text(array)
    if ndim == 0:
        return f"{spot.place}, `{spot.text(node)}`: `{name}` is a single number (shape ()), with no axis {axis}."
    if ndim == 1:
        numbered = "its only axis is 0 (or -1)"
    else:
        numbered = f"its axes are {listed(map(str, range(ndim)))} (or {listed(map(str, range(-ndim, 0)))} counting from the end)"
    sentence = f"{spot.place}, `{spot.text(node)}`: `{name}` has {axes(ndim)}{_shape_clause(shape)}, so {numbered}; there is no axis {axis}."
    if axis >= ndim:
        sentence += " If you expected more axes, an earlier step (a sum, mean or norm over an axis) may already have removed one."
    return sentence


def array_as_condition(failure, match):
    spot = failure.spot
    node = spot.node if spot is not None else None
    if node is None:
        return None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("max", "min") and _is_builtin(spot, node.func.id):
        largest = node.func.id == "max"
        arguments = ", ".join(spot.text(argument) for argument in node.args)
        if len(node.args) == 1:
            instead = f"`np.{node.func.id}({arguments})` gives the {'largest' if largest else 'smallest'} entry (with `axis=1`, one per row)."
        else:
            instead = f"`{'np.maximum' if largest else 'np.minimum'}({arguments})` compares entry by entry."
        return (
            f"{spot.place}, Python's `{spot.text(node)}` compares whole arrays, which gives one True/False per entry, "
            f"not one answer. {instead}"
        )
    shape = shape_of(spot.value(node))
    what = f"an array of shape {shape_text(shape)}" if shape else "an array"
    return (
        f"{spot.place}, `{spot.text(node)}` is {what}, one True/False per entry, but {_condition_keyword(spot, node)} "
        f"needs a single True or False. To decide entry by entry use `np.where({spot.text(node)}, a, b)`, "
        "or combine both cases with arithmetic (e.g. `label * a + (1 - label) * b`)."
    )


def array_as_number(failure, match):
    spot = failure.spot
    node = spot.node if spot is not None else None
    if not isinstance(node, ast.Call) or len(node.args) != 1:
        return None
    argument = node.args[0]
    shape = shape_of(spot.value(argument))
    what = f"an array of shape {shape_text(shape)}" if shape else "an array"
    sentence = f"{spot.place}, `{spot.text(node)}` needs a single number, but `{spot.text(argument)}` is {what}."
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "math" and hasattr(np, func.attr):
        return sentence + f" `np.{func.attr}` works on whole arrays, entry by entry."
    return sentence + " Reduce it to one number first (for example with `np.mean`), or keep working with the array."


def boolean_subtraction(failure, match):
    spot = failure.spot
    node = spot.node if spot is not None else None
    if not isinstance(node, (ast.BinOp, ast.UnaryOp)):
        return None
    operands = [node.left, node.right] if isinstance(node, ast.BinOp) else [node.operand]
    booleans = [operand for operand in operands if _holds_booleans(spot.value(operand))]
    if not booleans:
        return None
    named = booleans[0]
    return (
        f"{spot.place}, `{spot.text(node)}`: `{spot.text(named)}` holds booleans (True/False), and numpy does not "
        f"{'subtract' if isinstance(node, ast.BinOp) else 'negate'} booleans. Turn them into numbers first, "
        f"e.g. `{_parenthesised(spot, named)}.astype(float)` (True becomes 1.0, False 0.0)."
    )


def too_many_indices(failure, match):
    spot = failure.spot
    node = spot.node if spot is not None else None
    if not isinstance(node, ast.Subscript):
        return None
    ndim, used = int(match["ndim"]), int(match["used"])
    array = spot.text(node.value)
    shape = shape_of(spot.value(node.value))
    sentence = f"{spot.place}, `{spot.text(node)}` uses {used} indices, but `{array}` has {axes(ndim)}{_shape_clause(shape)}."
    if ndim == 1:
        column = f"{_parenthesised(spot, node.value)}[:, None]"
        sentence += f" Index it with one index (`{array}[i]`), or give it a second axis first (`{column}` has shape ({shape[0] if shape else 'N'}, 1))."
    return sentence


# Finding the operation that failed and its operands.

def _clash(spot, message_shapes):
    """(node, operand nodes, their shapes) of the operation whose shapes do not broadcast, or None."""
    target = spot.node if spot.node is not None else _statement_expression(spot.statement)
    if target is None:
        return None
    try:
        evaluate_quietly(spot.frame, target)
    except ShapeClash as clash:
        return clash.node, clash.operands, clash.shapes
    except Exception:  # noqa: BLE001 - not safely computable: fall back to numpy's shapes
        pass
    operands = _operands(spot, spot.node)
    if not operands or len(message_shapes) < len(operands):
        return None
    shapes = [shape_of(spot.value(operand)) or shape for operand, shape in zip(operands, message_shapes)]
    return spot.node, operands, shapes


def _operands(spot, node):
    if isinstance(node, ast.BinOp):
        return [node.left, node.right]
    if isinstance(node, ast.Compare) and len(node.comparators) == 1:
        return [node.left, node.comparators[0]]
    if isinstance(node, ast.AugAssign):
        return [node.target, node.value]
    if isinstance(node, ast.Call) and is_elementwise(spot.value(node.func)):
        return list(node.args)
    return None


def _matrix_operands(spot, node):
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
        return [node.left, node.right]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("dot", "matmul"):
        if _is_numpy_function(spot, node.func):
            return node.args[:2] if len(node.args) == 2 else None
        return [node.func.value, node.args[0]] if len(node.args) == 1 else None
    return None


def _statement_expression(statement):
    if isinstance(statement, ast.AugAssign):
        return statement
    return getattr(statement, "value", None)


def _reduced_array(spot, call):
    """The array a call like np.sum(d, axis=1) or d.sum(axis=1) works on."""
    func = call.func
    if isinstance(func, ast.Attribute) and not _is_numpy_function(spot, func):
        return func.value
    return call.args[0] if call.args else None


def _is_numpy_function(spot, func):
    """Whether `func` (an attribute) is np.something or np.linalg.something."""
    owner = _base_name(func)
    return isinstance(owner, ast.Name) and spot.variable(owner.id) is np


def _base_name(node):
    while isinstance(node, (ast.Subscript, ast.Attribute)):
        node = node.value
    return node


def _parameters(frame):
    code = frame.f_code
    return code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]


def _is_builtin(spot, name):
    unbound = object()
    return spot.variable(name, unbound) is unbound and hasattr(builtins, name)


def _condition_keyword(spot, node):
    """What needed a single True/False: `if`, `while`, `and`/`or`, `not`, or Python itself."""
    for parent in ast.walk(spot.statement or node):
        if isinstance(parent, (ast.If, ast.While, ast.IfExp, ast.Assert)) and parent.test is node:
            return {ast.If: "`if`", ast.While: "`while`", ast.IfExp: "`… if … else …`", ast.Assert: "`assert`"}[type(parent)]
        if isinstance(parent, ast.BoolOp) and any(value is node for value in parent.values):
            return "`and` / `or`"
        if isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.Not) and parent.operand is node:
            return "`not`"
    return "Python"


# Sentences about shapes.

def _does_not_fit_in_place(spot, node, shapes):
    target, value = spot.text(node.target), spot.text(node.value)
    sign = _OPERATOR_SIGNS.get(type(node.op), "?")
    return (
        f"{spot.place}, `{spot.text(node)}` would make an array of shape {shape_text(_broadcast(shapes))}, which does not fit "
        f"in `{target}`, of shape {shape_text(shapes[0])}: an in-place operation cannot change an array's shape. "
        f"Use `{target} {sign} {value}`, which makes a new array."
    )


def _rule(shapes):
    """Why shapes do not broadcast: the first axis from the right whose lengths differ with none of them 1."""
    for position in range(1, max(len(shape) for shape in shapes) + 1):
        lengths = [shape[-position] for shape in shapes if len(shape) >= position]
        if len(set(length for length in lengths if length != 1)) > 1:
            axis = {1: "last axes", 2: "second-to-last axes"}.get(position, f"axes {-position} (counting from the end)")
            return (
                "numpy lines shapes up from the right, and lengths that meet must be equal or 1: "
                f"here the {axis} have lengths {listed(map(str, lengths))}."
            )
    return ""


def _grown_shape(spot, operand, shape):
    """Why an operand is larger than either of its own parts, when broadcasting made it so."""
    parts = _operands(spot, operand) if isinstance(operand, (ast.BinOp, ast.Call)) else None
    if not parts or len(parts) != 2:
        return ""
    part_shapes = [shape_of(spot.value(part)) for part in parts]
    if None in part_shapes or any(np.prod(part) >= np.prod(shape) for part in part_shapes):
        return ""
    first, second = (f"`{spot.text(part)}` {shape_text(part_shape)}" for part, part_shape in zip(parts, part_shapes))
    return f"`{spot.text(operand)}` is {shape_text(shape)} because broadcasting {first} with {second} pairs every entry of one with every entry of the other."


def _broadcast_hint(spot, operands, shapes):
    for (node, shape), (other_node, other) in itertools.permutations(zip(operands, shapes), 2):
        name = spot.text(node)
        if len(shape) == 1 and len(other) == 2 and shape[0] == other[0] != other[1]:
            column = f"{_parenthesised(spot, node)}[:, None]"
            return f"To pair each entry of `{name}` with a row of `{spot.text(other_node)}`, give it a column axis: `{column}` has shape ({shape[0]}, 1)."
        if len(shape) == len(other) == 2 and shape == other[::-1] and shape[0] != shape[1]:
            return f"`{name}` looks transposed: `{name}.T` has shape {shape_text(other)}."
    return ""


def _shapes_on_the_line(spot, operands):
    named = {spot.text(operand) for operand in operands}
    others = [f"`{name}` {shape_text(array.shape)}" for name, array in spot.arrays_named() if name not in named]
    return f"Other arrays on this line: {', '.join(others[:SHAPES_LISTED])}." if others else ""


def _broadcast(shapes):
    try:
        return np.broadcast_shapes(*shapes)
    except ValueError:
        return None


def _shapes_in(message):
    return [tuple(int(length) for length in found.split(",") if length.strip()) for found in _MESSAGE_SHAPE.findall(message)]


def _parenthesised(spot, node):
    """The text of `node`, in parentheses unless it can be indexed or called on as it is."""
    text = spot.text(node)
    return text if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript, ast.Call)) else f"({text})"


def _holds_booleans(value):
    return shape_of(value) is not None and np.asarray(value).dtype.kind == "b"


def _shape_clause(shape):
    return f" (shape {shape_text(shape)})" if shape and None not in shape else ""


