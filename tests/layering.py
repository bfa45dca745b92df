"""Which room a line of code belongs to, and what it may import.

Sharaka is a stack of layers (``LAYERS`` below). Every module of ours belongs to exactly one
layer and may import modules of its own layer or of a lower one, never of a higher one. Looking
at any line, a newcomer can tell which room it belongs to and what it may reach for: code in
``projects`` may use ``associations`` and ``portal``, never ``meetings``.

``tests/test_layers.py`` checks three rules on our own code, reading the source with ``ast``
(nothing is imported, Django is not needed):

1. No import cycle between our modules, counting every import wherever it is written.
2. No import of our own code inside a function or method body. A function-level import is how a
   cycle hides: it runs late, so Python does not complain, yet the two modules still depend on
   each other and cannot be read, tested or moved apart. (Third-party imports are not checked.)
3. No import against the layers.

Only import statements count. A string such as ``include("portal.site.urls")`` or
``apps.get_model("projects", "Project")`` is not an import.
"""

import ast
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

#: The layers, bottom to top: (dotted name, what lives there). A module belongs to the layer
#: whose name is the longest prefix of its own dotted name, so ``portal.site.views`` is in
#: ``portal.site`` and ``portal.models`` in ``portal``. A module may import modules of its own
#: layer or of a lower one, never of a higher one. Migrations belong to their app's layer.
#: This table is the single reference for the layering; README.md points here.
LAYERS: tuple[tuple[str, str], ...] = (
    ("portal", "the base: settings, communes, shared fields, images, search, template tags"),
    ("associations", "associations and the people who represent them"),
    ("projects", "development projects, comments and the map"),
    ("meetings", "meetings, presentations and certificates"),
    ("recommendations", "recommendations and their follow-up"),
    ("petitions", "petitions to the council, their signatures and procedure"),
    ("portal.site", "the site: pages combining several apps; no lower layer imports it"),
)

#: Our top-level packages, the only code the checker reads and the only imports it records.
PACKAGES: tuple[str, ...] = tuple(dict.fromkeys(name.split(".")[0] for name, _ in LAYERS))


@dataclass(frozen=True)
class Import:
    """One import of our code: ``importer`` imports ``imported`` at ``path``:``line``."""

    importer: str  # dotted module name; a package's __init__.py is the package name
    imported: str  # the module of ours it resolves to (the package if a name is not a module)
    path: str  # file of the importer, relative to the root, with forward slashes
    line: int
    function: str | None  # the enclosing def/async def/lambda (dotted), None at module level

    @property
    def in_function(self) -> bool:
        return self.function is not None

    def where(self) -> str:
        inside = f" (inside {self.function}())" if self.function else ""
        return f"{self.path}:{self.line}: {self.importer} → {self.imported}{inside}"


def collect_imports(root: Path, packages=PACKAGES) -> list[Import]:
    """Every import of our code written in the modules of ``packages`` under ``root``."""
    files = {}  # dotted module name -> (path, is a package __init__)
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if "__pycache__" in parts:
                continue
            is_package = parts[-1] == "__init__"
            files[".".join(parts[:-1] if is_package else parts)] = (path, is_package)

    imports = []
    for module, (path, is_package) in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        # The package a relative import starts from: a package's own name, a module's parent.
        here = module if is_package else module.rpartition(".")[0]
        for node, function in _import_statements(tree):
            for target in _targets(node, here, files, packages):
                imports.append(
                    Import(
                        importer=module,
                        imported=target,
                        path=path.relative_to(root).as_posix(),
                        line=node.lineno,
                        function=function,
                    )
                )
    return sorted(imports, key=lambda i: (i.path, i.line, i.imported))


_FUNCTIONS = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


def _import_statements(node, scope="", function=None):
    """(import node, enclosing function or None) for every import under ``node``.

    A class body runs at import time, so an import there is module-level; so is one under
    ``if TYPE_CHECKING:`` or ``try:``. Only a def, async def or lambda body runs later.
    ``scope`` is the dotted path of classes and functions so far, to name a method in full.
    """
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child, function
        elif isinstance(child, ast.ClassDef | _FUNCTIONS):
            name = scope + getattr(child, "name", "<lambda>")
            inner = name if isinstance(child, _FUNCTIONS) else function
            yield from _import_statements(child, name + ".", inner)
        else:
            yield from _import_statements(child, scope, function)


def _targets(node, here, files, packages):
    """The modules of ours one import statement reaches, each once, in order."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:  # `.` is the package `here`, each further dot one package up
            parts = here.split(".")
            if node.level > len(parts):
                return []  # above our top-level packages: Python would refuse it too
            anchor = parts[: len(parts) - node.level + 1]
            base = ".".join([*anchor, node.module] if node.module else anchor)
        # `from package import name`: the submodule if there is one, else the package itself.
        names = [
            f"{base}.{alias.name}" if f"{base}.{alias.name}" in files else base
            for alias in node.names
        ]
    targets = []
    for name in names:
        if name.split(".")[0] not in packages:
            continue
        # `import portal.search.missing` or an unknown name: the nearest module that exists.
        while name not in files and "." in name:
            name = name.rpartition(".")[0]
        if name in files and name not in targets:
            targets.append(name)
    return targets


def layer_of(module: str) -> int:
    """Index in ``LAYERS`` of the layer ``module`` belongs to (longest matching name)."""
    matches = [
        (len(name), index)
        for index, (name, _) in enumerate(LAYERS)
        if module == name or module.startswith(name + ".")
    ]
    if not matches:
        raise ValueError(f"{module} is in no layer; add its package to LAYERS")
    return max(matches)[1]


def find_cycles(imports: list[Import]) -> list[str]:
    """Each import cycle, as a chain ``a → b → … → a`` followed by the import behind each step.

    A cycle is a group of modules that all reach one another (a strongly connected component
    with more than one module) or a module importing itself. The chain walks through every
    module of the group, starting from the first in alphabetical order.
    """
    edges = {}  # (importer, imported) -> the first import making that edge
    graph = {}
    for imp in imports:
        edges.setdefault((imp.importer, imp.imported), imp)
        graph.setdefault(imp.importer, set()).add(imp.imported)
        graph.setdefault(imp.imported, set())
    reach = {module: _reachable(graph, module) for module in graph}

    cycles, seen = [], set()
    for module in sorted(graph):
        if module in seen or module not in reach[module]:
            continue
        group = {other for other in reach[module] if module in reach[other]}
        seen |= group
        chain = _walk_through(graph, module, group)
        steps = "\n".join(f"    {edges[a, b].where()}" for a, b in pairwise(chain))
        cycles.append(f"cycle of {len(group)} module(s): {' → '.join(chain)}\n{steps}")
    return cycles


def _reachable(graph, start):
    """Modules reachable from ``start`` in one or more steps."""
    found, todo = set(), list(graph[start])
    while todo:
        module = todo.pop()
        if module not in found:
            found.add(module)
            todo.extend(graph[module])
    return found


def _walk_through(graph, start, group):
    """A closed walk from ``start`` through every module of ``group``, by shortest hops."""
    chain, left = [start], group - {start}
    while left or chain[-1] != start or len(chain) == 1:
        path = _shortest_path(graph, chain[-1], left or {start}, group)
        chain += path[1:]
        left -= set(path)
    return chain


def _shortest_path(graph, start, goals, group):
    """The shortest path (one step or more) from ``start`` to one of ``goals``, inside ``group``."""
    paths, queue = {}, [[start]]
    while queue:
        path = queue.pop(0)
        for following in sorted(graph[path[-1]] & group):
            if following in goals:
                return [*path, following]
            if following not in paths:
                paths[following] = [*path, following]
                queue.append(paths[following])
    raise AssertionError(f"no path from {start} in its own cycle")  # cannot happen


def function_level_imports(imports: list[Import]) -> list[str]:
    """Each import of our code written inside a def, async def or lambda body."""
    return [imp.where() for imp in imports if imp.in_function]


def layer_violations(imports: list[Import]) -> list[str]:
    """Each import of a module from a higher layer than the importer's."""
    problems = []
    for imp in imports:
        low, high = layer_of(imp.importer), layer_of(imp.imported)
        if high > low:
            problems.append(
                f"{imp.where()}: layer {low} ({LAYERS[low][0]}) may not import "
                f"layer {high} ({LAYERS[high][0]})"
            )
    return problems
