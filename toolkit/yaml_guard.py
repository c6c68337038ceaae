"""Hostile YAML, refused before it is loaded: aliases and deep nesting.

An alias (``*name``) makes one node appear many times; nested aliases grow exponentially
(nine levels of nine: 387 million strings), a "billion laughs" that costs gigabytes once
walked or turned into text. The toolkit's files have no use for aliases, so any alias is
refused. Nesting is bounded too: the pure-Python YAML composer recurses once per level.

>>> find_unsafe_yaml("a: &x [1]\\nb: *x\\n")
('YAML aliases are not allowed', 2)
>>> find_unsafe_yaml("a: " + "[" * 60 + "]" * 60)[0]
'YAML nested deeper than 50 levels'
>>> find_unsafe_yaml("a: [1, 2]\\nb: {c: d}\\n") is None
True
"""

from __future__ import annotations

#: deepest nesting of sequences and mappings accepted (the glossary needs 5)
MAX_DEPTH = 50


def find_unsafe_yaml(
    text: str, loader: type | None = None, max_depth: int = MAX_DEPTH
) -> tuple[str, int] | None:
    """(problem, 1-based line) of the first alias or too-deep nesting of ``text``, or None.

    Reads the YAML as a stream of events, which needs no recursion and expands nothing.
    ``loader``: the parser (default ``yaml.SafeLoader``), e.g. ``yaml.CSafeLoader`` (faster)
    when the caller composes with libyaml anyway and wants its error lines. Raises
    yaml.YAMLError for YAML that does not parse (the caller reports it as usual).
    """
    # Imported here, not at the top: the glossary loader imports this module, and a warm
    # glossary load (from the compiled cache) parses no YAML, so it must not import PyYAML.
    import yaml

    if loader is None:
        loader = yaml.SafeLoader
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            return "YAML aliases are not allowed", event.start_mark.line + 1
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                return f"YAML nested deeper than {max_depth} levels", event.start_mark.line + 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None
