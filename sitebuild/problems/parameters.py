"""The reference solution's parameters are the problem's: every case (tests and examples)
names them in order, and the statement's signature and the starter show the same ones."""

import ast
import inspect

from base.errors import BuildError

EMPTY = inspect.Parameter.empty
POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
ARGUMENTS_FIX = "name the arguments after solution.py's parameters, in their order (trailing ones with defaults may be left out)"
SAME_SIGNATURE_FIX = "give statement.md's signature, starter.py and solution.py the same parameters, in the same order, with the same defaults"


def check_arguments(cases, reference, where):
    """Fails the build unless each case's argument names are the reference's parameters, in
    order, leaving out only trailing parameters that have defaults (cases pass them by position)."""
    parameters = list(inspect.signature(reference).parameters.values())
    names = [parameter.name for parameter in parameters]
    for case in cases:
        if case.code is not None:  # a scenario makes its own calls
            continue
        given = list(case.args)
        keyword_only = [name for name in given if name in names and parameters[names.index(name)].kind not in POSITIONAL]
        if keyword_only:
            raise BuildError(
                where,
                f"case {case.name!r} gives {keyword_only[0]}, which {reference.__name__} takes by keyword only (after a `*`), but cases pass arguments by position",
                "remove the `*` from the parameters in solution.py",
            )
        if given != names[: len(given)]:
            raise BuildError(
                where,
                f"case {case.name!r} gives {', '.join(given) or 'no arguments'}, but the parameters of {reference.__name__} are {', '.join(names)}{_first_difference(given, names)}",
                ARGUMENTS_FIX,
            )
        missing = [p.name for p in parameters[len(given) :] if p.kind in POSITIONAL and p.default is EMPTY]
        if missing:
            raise BuildError(where, f"case {case.name!r} leaves out {', '.join(missing)}, which {reference.__name__} needs (it has no default)", ARGUMENTS_FIX)


def _first_difference(given, names):
    """Where the argument names first part from the parameters, e.g. " (labels where label belongs)"."""
    for index, name in enumerate(given):
        if index >= len(names):
            return f" ({name} is one more than it takes)"
        if name != names[index]:
            return f" ({name} where {names[index]} belongs)"
    return ""


def check_signature(statement_where, signature, reference):
    """Fails the build if the signature shown under the title has other parameters than the reference."""
    try:
        definition = ast.parse(f"def {signature}:\n    pass\n").body[0]
    except SyntaxError:
        raise BuildError(
            statement_where,
            f"the signature {signature!r} is not a Python signature",
            'write it as a `def` line without `def`, e.g. "my_loss(x, y, margin=1.0) -> float"',
        ) from None
    arguments = definition.args
    positional = arguments.posonlyargs + arguments.args
    defaults = [EMPTY] * (len(positional) - len(arguments.defaults)) + [_literal(node) for node in arguments.defaults]
    shown = list(zip((argument.arg for argument in positional), defaults))
    if not _same(shown, _parameters(reference)):
        raise BuildError(
            statement_where,
            f"the signature shows ({_listed(shown)}), but solution.py's {reference.__name__} takes ({_listed(_parameters(reference))})",
            SAME_SIGNATURE_FIX,
        )


def check_same_parameters(where, function, reference):
    """Fails the build if `function` (the starter's) has other parameters than the reference."""
    if not _same(_parameters(function), _parameters(reference)):
        raise BuildError(
            where,
            f"its {function.__name__} takes ({_listed(_parameters(function))}), but solution.py's takes ({_listed(_parameters(reference))})",
            SAME_SIGNATURE_FIX,
        )



class _Source(str):
    """A default written in the signature as code that is not a literal (e.g. np.inf): shown, not compared."""


def _parameters(function):
    """(name, default or EMPTY) of each positional parameter."""
    return [(p.name, p.default) for p in inspect.signature(function).parameters.values() if p.kind in POSITIONAL]


def _literal(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return _Source(ast.unparse(node))


def _same(first, second):
    return len(first) == len(second) and all(
        name == other_name and _same_default(default, other) for (name, default), (other_name, other) in zip(first, second)
    )


def _same_default(first, second):
    if first is EMPTY or second is EMPTY:
        return first is second
    if isinstance(first, _Source) or isinstance(second, _Source):
        return True
    try:
        return bool(first == second)
    except Exception:  # noqa: BLE001 - e.g. an array default, whose == gives no single answer
        return repr(first) == repr(second)


def _listed(parameters):
    return ", ".join(name if default is EMPTY else f"{name}={default if isinstance(default, _Source) else repr(default)}" for name, default in parameters)
