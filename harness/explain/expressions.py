"""The learner's expression that was running when an exception was raised: where it is in
their source, its text, and the values of its parts, so explanations can speak of the
learner's own variables ("`d` has shape (3,)").

Values are found by evaluating parts of the learner's expression again, in the frame's
variables, with a small evaluator that runs only what cannot have side effects and stays
cheap: names, numbers, indexing and arithmetic of numpy arrays, and a few numpy functions.
Anything else is "unknown" (None), never run.
"""

import ast
import functools
import itertools
import linecache
import operator
import warnings
from dataclasses import dataclass
from types import FrameType

import numpy as np

# The filename the console's entries are compiled under (the editor's is learner_code's).
CONSOLE_FILENAME = "<console>"
# Bounds on the work one explanation may do: the evaluator visits at most this many nodes,
# and neither reads nor computes an array larger than this many elements.
NODE_BUDGET = 200
ELEMENT_LIMIT = 100_000
# Larger integer exponents are not evaluated (2 ** 10**9 would take forever).
EXPONENT_LIMIT = 64


@dataclass
class Spot:
    """Where the learner's code was when it failed: their innermost frame, its line, and the
    expression that was running (None when Python keeps no column positions)."""

    frame: FrameType
    line: int
    node: ast.AST | None
    statement: ast.stmt | None
    tree: "_Tree"

    @property
    def place(self):
        """How a sentence names the line: "Line 12" in the editor, "In the console" for what
        the learner typed there (one line), "Line 2 of the console entry" (several)."""
        if self.frame.f_code.co_filename != CONSOLE_FILENAME:
            return f"Line {self.line}"
        return "In the console" if sum(1 for line in self.tree.lines if line.strip()) <= 1 else f"Line {self.line} of the console entry"

    def text(self, node):
        """The learner's own text of `node`, on one line."""
        return " ".join(self.tree.segment(node).split())

    def value(self, node):
        """The value of `node` in the frame, or None when it cannot be evaluated safely."""
        try:
            return evaluate_quietly(self.frame, node)
        except Exception:  # noqa: BLE001 - anything not safely computable is unknown
            return None

    def variable(self, name, missing=None):
        """The value of the learner's variable `name` (local, else global), or `missing`; nothing is evaluated."""
        return _variable(self.frame, name, missing)

    def arrays_named(self):
        """(name, array) for each variable of the failing statement that holds a numpy array, in order."""
        where = self.statement or self.node
        names = dict.fromkeys(node.id for node in ast.walk(where) if isinstance(node, ast.Name)) if where else {}
        found = ((name, _variable(self.frame, name)) for name in names)
        return [(name, value) for name, value in found if type(value) is np.ndarray]


def evaluate_quietly(frame, node):
    """SafeEvaluator(frame).evaluate(node), with numpy's warnings silenced (they would reach the host's stderr)."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return SafeEvaluator(frame).evaluate(node)


def spot_of(traceback_entry):
    """The Spot of a traceback entry (a frame of the learner's code) or None if its source is unknown."""
    frame = traceback_entry.tb_frame
    source = "".join(linecache.getlines(frame.f_code.co_filename))
    tree = _parsed(source)
    if tree is None:
        return None
    position = next(itertools.islice(frame.f_code.co_positions(), traceback_entry.tb_lasti // 2, None), None)
    line = traceback_entry.tb_lineno
    node = tree.nodes_at.get(position)
    statement = tree.statement_of.get(node) if node is not None else tree.statement_on_line.get(line)
    return Spot(frame, line, node, statement, tree)


@dataclass
class _Tree:
    """A parsed learner file, indexed once for every explanation of its errors."""

    lines: list  # the source lines as UTF-8 bytes, which column offsets count
    nodes_at: dict  # (lineno, end_lineno, col_offset, end_col_offset) -> the innermost node with that span
    statement_of: dict  # node -> the innermost statement holding it
    statement_on_line: dict  # line -> the innermost statement starting on it

    def segment(self, node):
        first, last = self.lines[node.lineno - 1], self.lines[node.end_lineno - 1]
        if node.lineno == node.end_lineno:
            text = first[node.col_offset : node.end_col_offset]
        else:
            text = b"\n".join([first[node.col_offset :], *self.lines[node.lineno : node.end_lineno - 1], last[: node.end_col_offset]])
        return text.decode("utf-8", "replace")


@functools.lru_cache(maxsize=4)
def _parsed(source):
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    lines = [line.encode() for line in source.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    nodes_at, statement_of, statement_on_line = {}, {}, {}
    # Breadth first: a deeper node, or a statement nested in another, replaces the outer one.
    for node in ast.walk(tree):
        if isinstance(node, (ast.expr, ast.stmt)):
            nodes_at[(node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)] = node
        if isinstance(node, ast.stmt):
            statement_on_line[node.lineno] = node
            statement_of.update((part, node) for part in ast.walk(node))
    return _Tree(lines, nodes_at, statement_of, statement_on_line)


def _variable(frame, name, missing=None):
    if name in frame.f_locals:
        return frame.f_locals[name]
    return frame.f_globals.get(name, missing)


def shape_of(value):
    """The numpy shape of an array or a plain number, else None."""
    if type(value) is np.ndarray:
        return value.shape
    if isinstance(value, (int, float, complex, np.generic)):
        return ()
    return None


class Unsafe(Exception):
    """The evaluator refuses this part: it could have side effects, or cost too much."""


class ShapeClash(Exception):
    """An operation of the expression would combine arrays whose shapes do not broadcast."""

    def __init__(self, node, operands, shapes):
        super().__init__(shapes)
        self.node = node
        self.operands = operands
        self.shapes = shapes


_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
_COMPARE = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}
# numpy functions that cannot have side effects: those whose result is as large as their
# operands broadcast together, and those whose result is no larger than their input.
_ELEMENTWISE = (np.add, np.subtract, np.multiply, np.divide, np.power, np.maximum, np.minimum, np.where,
                np.sqrt, np.square, np.exp, np.log, np.abs, np.absolute, np.negative, np.clip)
_SHRINKING = (np.sum, np.mean, np.max, np.min, np.amax, np.amin, np.prod, np.linalg.norm, np.reshape,
              np.transpose, np.expand_dims, np.squeeze, np.ravel, np.asarray, np.array)
_ARRAY_METHODS = {"sum", "mean", "max", "min", "prod", "reshape", "transpose", "squeeze", "ravel", "flatten", "copy", "astype"}
_ARRAY_ATTRIBUTES = {"T", "shape", "ndim", "size"}
_NUMPY_CONSTANTS = {"newaxis", "pi", "e", "inf", "nan", "float64", "float32", "int64", "int32"}
_KEYWORDS = {"axis", "keepdims", "dtype", "ord"}
_DTYPE_NAMES = {"float": float, "int": int, "bool": bool}
_MISSING = object()


class SafeEvaluator:
    """Evaluates a learner's expression in a frame's variables, refusing (Unsafe) anything
    that could run the learner's code or cost more than the budget; raises ShapeClash at the
    first operation whose operands' shapes do not broadcast, as Python would have met it."""

    def __init__(self, frame):
        self.frame = frame
        self.nodes_left = NODE_BUDGET

    def evaluate(self, node):
        self.nodes_left -= 1
        if self.nodes_left < 0:
            raise Unsafe("over budget")
        handler = getattr(self, f"_{type(node).__name__}", None)
        if handler is None:
            raise Unsafe(type(node).__name__)
        return handler(node)

    def _Constant(self, node):
        if node.value is None or node.value is Ellipsis or isinstance(node.value, (int, float, complex)):
            return node.value
        raise Unsafe("constant")

    def _Name(self, node):
        value = _variable(self.frame, node.id, _MISSING)
        if value is _MISSING and node.id in _DTYPE_NAMES:
            return _DTYPE_NAMES[node.id]
        if _is_numeric_array(value) and value.size > ELEMENT_LIMIT:
            raise Unsafe("large array")
        if value is np or value is None or _is_numeric_array(value) or _is_plain_number(value):
            return value
        raise Unsafe(node.id)

    def _Attribute(self, node):
        owner = self.evaluate(node.value)
        if owner is np and (node.attr in _NUMPY_CONSTANTS or node.attr == "linalg"):
            return getattr(np, node.attr)
        if owner is np or owner is np.linalg:
            function = getattr(owner, node.attr, None)
            if _is_allowed(function, (*_ELEMENTWISE, *_SHRINKING)):
                return function
        if type(owner) is np.ndarray and node.attr in _ARRAY_ATTRIBUTES | _ARRAY_METHODS:
            return getattr(owner, node.attr)  # a method is only looked up here; _Call decides
        raise Unsafe(node.attr)

    def _Tuple(self, node):
        return tuple(self.evaluate(element) for element in node.elts)

    def _Slice(self, node):
        return slice(*(None if part is None else self.evaluate(part) for part in (node.lower, node.upper, node.step)))

    def _Subscript(self, node):
        owner = self.evaluate(node.value)
        index = self.evaluate(node.slice)
        if isinstance(owner, tuple) and isinstance(index, int):  # x.shape[0]
            return owner[index]
        if type(owner) is not np.ndarray:
            raise Unsafe("subscript")
        for part in index if isinstance(index, tuple) else (index,):
            if type(part) is np.ndarray and part.size * max(owner.size, 1) > ELEMENT_LIMIT * max(owner.shape[:1] or (1,)):
                raise Unsafe("large fancy index")
            if not (part is None or part is Ellipsis or isinstance(part, (int, slice, np.integer)) or type(part) is np.ndarray):
                raise Unsafe("index")
        return owner[index]

    def _UnaryOp(self, node):
        if type(node.op) not in _UNARY:
            raise Unsafe("unary")
        return _UNARY[type(node.op)](self._operand(node.operand))

    def _BinOp(self, node):
        left, right = self._operand(node.left), self._operand(node.right)
        if isinstance(node.op, ast.MatMult):
            return self._matmul(node, left, right)
        if type(node.op) not in _BINARY:
            raise Unsafe("operator")
        if isinstance(node.op, ast.Pow) and isinstance(right, int) and abs(right) > EXPONENT_LIMIT:
            raise Unsafe("large exponent")
        self._check_broadcast(node, [node.left, node.right], [left, right])
        return _BINARY[type(node.op)](left, right)

    def _Compare(self, node):
        if len(node.ops) != 1 or type(node.ops[0]) not in _COMPARE:
            raise Unsafe("comparison")
        left, right = self._operand(node.left), self._operand(node.comparators[0])
        self._check_broadcast(node, [node.left, node.comparators[0]], [left, right])
        return _COMPARE[type(node.ops[0])](left, right)

    def _AugAssign(self, node):
        """Checks `target op= value` without storing anything: the result must broadcast, and fit in the target."""
        target, value = self._operand(node.target), self._operand(node.value)
        self._check_broadcast(node, [node.target, node.value], [target, value])
        if type(target) is np.ndarray and np.broadcast_shapes(target.shape, shape_of(value)) != target.shape:
            raise ShapeClash(node, [node.target, node.value], [target.shape, shape_of(value)])

    def _Call(self, node):
        function = self.evaluate(node.func)
        is_array_method = type(getattr(function, "__self__", None)) is np.ndarray and function.__name__ in _ARRAY_METHODS
        if not (is_array_method or _is_allowed(function, (*_ELEMENTWISE, *_SHRINKING))):
            raise Unsafe("call")
        args = [self.evaluate(arg) for arg in node.args]
        kwargs = {}
        for keyword in node.keywords:
            if keyword.arg not in _KEYWORDS:
                raise Unsafe("keyword")
            kwargs[keyword.arg] = self.evaluate(keyword.value)
        if _is_allowed(function, _ELEMENTWISE):
            self._check_broadcast(node, node.args, args)
        return function(*args, **kwargs)

    def _operand(self, node):
        value = self.evaluate(node)
        if _is_numeric_array(value) or _is_plain_number(value):
            return value
        raise Unsafe("operand")

    def _check_broadcast(self, node, operand_nodes, values):
        shapes = [shape_of(value) for value in values if shape_of(value) is not None]
        try:
            shape = np.broadcast_shapes(*shapes)
        except ValueError:
            raise ShapeClash(node, operand_nodes, [shape_of(value) for value in values]) from None
        if int(np.prod(shape)) > ELEMENT_LIMIT:
            raise Unsafe("large result")

    def _matmul(self, node, left, right):
        if not (type(left) is np.ndarray and type(right) is np.ndarray and 1 <= left.ndim <= 2 and 1 <= right.ndim <= 2):
            raise Unsafe("matmul")
        if left.shape[-1] != right.shape[0]:
            raise ShapeClash(node, [node.left, node.right], [left.shape, right.shape])
        rows, columns = left.size // max(left.shape[-1], 1), right.size // max(right.shape[0], 1)
        if rows * columns > ELEMENT_LIMIT:
            raise Unsafe("large result")
        return left @ right


def is_elementwise(function):
    """Whether `function` is one of the numpy functions that work entry by entry, broadcasting their operands."""
    return _is_allowed(function, _ELEMENTWISE)


def _is_allowed(function, allowed):
    return any(function is candidate for candidate in allowed)


def _is_plain_number(value):
    return type(value) in (int, float, complex, bool) or isinstance(value, (np.number, np.bool_))


def _is_numeric_array(value):
    """A plain numpy array of numbers: arithmetic on an array of objects would call their methods."""
    return type(value) is np.ndarray and value.dtype.kind in "biufc"
