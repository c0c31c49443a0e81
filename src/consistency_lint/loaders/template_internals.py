"""The names a Jinja2 template reaches for that start with `_` (`__class__`, `__globals__`,
`_TemplateReference__context`): the attributes and keys Jinja's sandbox refuses, the first
step of every sandbox-escape payload.

Names are looked for in the parsed template, never in its text, wherever one is spelt out:
attributes (`x.__class__`), keys (`x['__class__']`) and the attribute names that `attr` and
the other built-in filters take (`map(attribute='__class__')`). Payloads spell the name in
pieces to dodge a plain search, so a name written as an expression of literals is folded
first: `'__cla' ~ 'ss__'`, `'__c' + 'lass__'`, `'_' * 2 ~ 'class' ~ '_' * 2`, a constant
from a `{% set %}` (Jinja's lexer has already undone escapes such as `\\x5f`). Folding only
joins and repeats strings, within bounds, so a hostile template cannot make it slow; a name
built from literals in any other way (`'__CLASS__'|lower`) is reported as computed, since no
letter needs that either. A name read from a variable (`x[key]`) is the ordinary way to use
a mapping and is not reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from jinja2 import nodes

MAX_FOLDED_LENGTH = 200  # characters of a folded name; a longer one counts as computed
MAX_FOLDING_DEPTH = 50  # nested operations (and `{% set %}` references) folded
COMPUTED_NAME = "(a name computed from literals)"
# Jinja's built-in filters that take an attribute name (for all but `attr` a dotted path):
# the argument's position after the filtered value, and its keyword.
ATTRIBUTE_ARGUMENTS: dict[str, tuple[int | None, str | None]] = {
    "attr": (0, "name"), "selectattr": (0, None), "rejectattr": (0, None),
    "groupby": (0, "attribute"), "sum": (0, "attribute"), "unique": (1, "attribute"),
    "min": (1, "attribute"), "max": (1, "attribute"), "sort": (2, "attribute"),
    "map": (None, "attribute"),
}

Folded = str | int | None  # None: not an expression that folding evaluates


@dataclass(frozen=True)
class InternalName:
    """A name starting with `_` that the template reaches for, as shown in a finding: an
    attribute as written (`__class__`), a string quoted (`'__class__'`), or COMPUTED_NAME."""

    line: int
    shown: str


def internal_names(template: nodes.Template) -> Iterator[InternalName]:
    """Every internal name the template reaches for, in source order."""
    constants = _set_once(template)
    for node in _post_order(template):
        for shown in _reached(node, constants):
            yield InternalName(node.lineno, shown)


def _reached(node: nodes.Node, constants: Mapping[str, nodes.Node]) -> Iterator[str]:
    if isinstance(node, nodes.Getattr) and _is_internal(node.attr):
        yield node.attr
    elif isinstance(node, nodes.Getitem):
        yield from _named(node.arg, constants)
    elif isinstance(node, nodes.Filter):
        args, keywords = _arguments(node)
        for argument in _attribute_arguments(node.name, args, keywords):
            yield from _named(argument, constants)


def _named(argument: nodes.Expr, constants: Mapping[str, nodes.Node]) -> Iterator[str]:
    """The name `argument` gives, when internal or computed from literals."""
    value = _fold(argument, constants, 0)
    if isinstance(value, str):
        if _is_internal(value):
            yield repr(value)
    elif value is None and _built_from_literals(argument, constants):
        yield COMPUTED_NAME


def _is_internal(name: str) -> bool:
    return any(part.startswith("_") for part in name.split("."))


def _arguments(node: nodes.Filter) -> tuple[list[nodes.Expr], list[tuple[str, nodes.Expr]]]:
    """The positional and keyword arguments of a filter call, with those unpacked from a
    literal (`attr(*['__class__'])`, `map(**{'attribute': '__class__'})`) included."""
    args = list(node.args)
    if isinstance(node.dyn_args, nodes.List | nodes.Tuple):
        args.extend(node.dyn_args.items)
    keywords = [(str(keyword.key), keyword.value)  # Keyword nodes, typed as Pair in Jinja
                for keyword in node.kwargs]
    if isinstance(node.dyn_kwargs, nodes.Dict):
        for pair in node.dyn_kwargs.items:
            if isinstance(pair.key, nodes.Const) and isinstance(pair.key.value, str):
                keywords.append((pair.key.value, pair.value))
    return args, keywords


def _attribute_arguments(name: str, args: list[nodes.Expr],
                         keywords: list[tuple[str, nodes.Expr]]) -> list[nodes.Expr]:
    """The arguments of filter `name` that name attributes; `map('attr', …)` applies the
    filter it names to the arguments after it."""
    if name == "map" and args and isinstance(args[0], nodes.Const) \
            and isinstance(args[0].value, str):
        return _attribute_arguments(args[0].value, args[1:], keywords)
    position, keyword = ATTRIBUTE_ARGUMENTS.get(name, (None, None))
    found = [value for key, value in keywords if key == keyword]
    if position is not None and position < len(args):
        found.append(args[position])
    return found


def _fold(node: nodes.Node, constants: Mapping[str, nodes.Node], depth: int) -> Folded:
    """The value of a literal expression of `~`, `+` and `*`; None for any other expression,
    or one nested (or referring to itself) beyond MAX_FOLDING_DEPTH."""
    if depth > MAX_FOLDING_DEPTH:
        return None
    if isinstance(node, nodes.Const):
        return node.value if isinstance(node.value, str | int) else None
    if isinstance(node, nodes.Name) and node.name in constants:
        return _fold(constants[node.name], constants, depth + 1)
    if isinstance(node, nodes.Concat):
        parts = [_fold(part, constants, depth + 1) for part in node.nodes]
        if any(part is None for part in parts):
            return None
        return _bounded("".join(str(part) for part in parts))
    if isinstance(node, nodes.Add | nodes.Mul):
        return _operation(node, _fold(node.left, constants, depth + 1),
                          _fold(node.right, constants, depth + 1))
    return None


def _operation(node: nodes.Add | nodes.Mul, left: Folded, right: Folded) -> Folded:
    """`left + right` or `left * right` for the operands Python allows, checking the length
    of a repeated string before building it."""
    if isinstance(node, nodes.Add):
        if isinstance(left, str) and isinstance(right, str):
            return _bounded(left + right)
        if isinstance(left, int) and isinstance(right, int):
            return _bounded(left + right)
        return None
    if isinstance(left, int) and isinstance(right, str):
        left, right = right, left
    if isinstance(left, str) and isinstance(right, int):
        return left * right if len(left) * right <= MAX_FOLDED_LENGTH else None
    if isinstance(left, int) and isinstance(right, int):
        return _bounded(left * right)
    return None


def _bounded(value: str | int) -> Folded:
    """`value` unless longer than MAX_FOLDED_LENGTH characters (or digits)."""
    size = len(value) if isinstance(value, str) else value.bit_length() // 3
    return value if size <= MAX_FOLDED_LENGTH else None


def _built_from_literals(node: nodes.Expr, constants: Mapping[str, nodes.Node]) -> bool:
    """Whether `node` holds a string literal and reads no variable (a `{% set %}` constant is
    a literal): a name computed that way is obfuscation, not data."""
    parts = list(_post_order(node))
    return (not any(isinstance(part, nodes.Name) and part.name not in constants
                    for part in parts)
            and any(isinstance(part, nodes.Const) and isinstance(part.value, str)
                    for part in parts))


def _set_once(template: nodes.Template) -> dict[str, nodes.Node]:
    """The names a `{% set name = … %}` assigns exactly once, with the expression assigned;
    a name assigned twice may hold either value, so it is not folded."""
    assigned: dict[str, list[nodes.Node]] = defaultdict(list)
    for node in _post_order(template):
        if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            assigned[node.target.name].append(node.node)
    return {name: values[0] for name, values in assigned.items() if len(values) == 1}


def _post_order(root: nodes.Node) -> Iterator[nodes.Node]:
    """Every node under `root`, children before parents, left to right: the order in which
    `''.__class__.__mro__` reaches its names. Iterative, as a hostile template nests deep."""
    stack, visited = [root], []
    while stack:
        node = stack.pop()
        visited.append(node)
        stack.extend(node.iter_child_nodes())
    return reversed(visited)
