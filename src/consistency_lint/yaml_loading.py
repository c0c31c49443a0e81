"""Safe YAML reading for configuration, registries, packs and content.

PyYAML's SafeLoader shares aliased nodes, so an alias bomb is cheap to parse but explodes
for whoever walks the result. We measure the expanded size of the node graph before
constructing Python objects and refuse documents that would be too large.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import yaml

MAX_EXPANDED_NODES = 200_000
ALIAS_GROWTH_LIMIT = 10  # expanded values per written value beyond which aliases are a bomb
# libyaml's loader is several times faster and reports the same positions.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(Exception):
    """Malformed or unsafe YAML, with the 1-based line where it was noticed."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class YamlDocument:
    data: object
    root: yaml.Node | None

    def line_of(self, location: Sequence[str | int]) -> int | None:
        """Line of the value at `location` (keys and list indexes), or of its deepest parent."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for key in location:
            node = _child(node, key)
            if node is None:
                break
            line = node.start_mark.line + 1
        return line

    def key_line_of(self, location: Sequence[str | int]) -> int | None:
        """Line of the key that names the value at `location` (where a block list under
        it starts on the next line); else as `line_of`."""
        parent = self.root
        for key in location[:-1]:
            parent = _child(parent, key)
        if location and isinstance(parent, yaml.MappingNode):
            for key_node, _ in parent.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(location[-1]):
                    return int(key_node.start_mark.line) + 1
        return self.line_of(location)


def load_yaml(text: str, max_nodes: int = MAX_EXPANDED_NODES) -> YamlDocument:
    """Parse one YAML document; raise YamlError for syntax errors and alias bombs."""
    loader = _SAFE_LOADER(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return YamlDocument(None, None)
        _check_expanded_size(root, max_nodes)
        _check_dates(loader, root)
        return YamlDocument(loader.construct_document(root), root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        raise YamlError(f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as error:
        raise YamlError(f"invalid YAML: {error}") from None
    except RecursionError:
        raise YamlError("YAML nested too deeply to read") from None
    finally:
        loader.dispose()


def _check_expanded_size(root: yaml.Node, max_nodes: int) -> None:
    """Refuse documents that aliases make much larger than they are written: a big but
    plain file (a 100 000-entry FAQ) is fine, `*a` repeated inside `*b` inside `*c` is not."""
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in in_progress:
            raise YamlError("YAML alias refers to itself", node.start_mark.line + 1)
        in_progress.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        in_progress.discard(key)
        sizes[key] = total
        if total > max_nodes and total > ALIAS_GROWTH_LIMIT * len(sizes):
            raise YamlError(
                f"YAML aliases expand it to more than {max_nodes:,} values; "
                "refusing to read it",
                node.start_mark.line + 1,
            )
        return total

    size(root)


TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _check_dates(loader: yaml.SafeLoader, root: yaml.Node) -> None:
    """An impossible date (2026-02-30) looks like a date to YAML and fails only when it is
    constructed; name it and its line instead of failing somewhere inside PyYAML."""
    pending, seen = [root], set()
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            pending.extend(item for pair in node.value for item in pair)
        elif isinstance(node, yaml.ScalarNode) and node.tag == TIMESTAMP_TAG:
            try:
                loader.construct_yaml_timestamp(node)
            except ValueError as error:
                raise YamlError(f"`{node.value}` is not a real date: {error}",
                                node.start_mark.line + 1) from None


def _child(node: yaml.Node | None, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
                found: yaml.Node = value_node
                return found
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        child: yaml.Node = node.value[key]
        return child
    return None
