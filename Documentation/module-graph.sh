#!/usr/bin/env bash
# Draws Documentation/module-graph.svg from Package.swift's targets (needs python3 and Graphviz's dot).
# Run from anywhere: bash Documentation/module-graph.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift package dump-package | python3 -c '
import json, sys
package = json.load(sys.stdin)
pure = {"SupportCore"}
shell, kit, tools = {"SupportEngine"}, {"SupportEngineTesting"}, set()
edges = []
depsOf = {}
for target in package["targets"]:
    name, kind = target["name"], target["type"]
    if kind == "test" or name == "QuickStart":
        continue
    deps = [d.get("byName", d.get("target", [None]))[0] for d in target["dependencies"]]
    edges += [(name, dep) for dep in deps if dep]
    depsOf[name] = set(d for d in deps if d)
    if kind == "executable":
        tools.add(name)
    elif name not in shell | kit and "SupportEngine" not in deps:
        pure.add(name)
    elif name not in shell | kit:
        tools.add(name)
print("digraph modules {")
print("  rankdir=BT; node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];")
print("  edge [color=\"#777777\", arrowsize=0.6];")
def group(names, color, rank):
    print("  { rank=%s; %s }" % (rank, " ".join("\"%s\" [fillcolor=\"%s\"];" % (n, color) for n in sorted(names))))
group({"SupportCore"}, "#fde7c8", "max")
base = {n for n in pure if depsOf.get(n, set()) <= {"SupportCore"}} - {"SupportCore"}
group(base, "#dcefd9", "same")
composed = pure - base - {"SupportCore"}
print("  %s" % " ".join("\"%s\" [fillcolor=\"#dcefd9\"];" % n for n in sorted(composed)))
group(shell, "#d6e6f5", "same")
group(kit | tools, "#eeeeee", "min")
for a, b in sorted(set(edges)):
    print("  \"%s\" -> \"%s\";" % (a, b))
print("}")
' > Documentation/module-graph.dot
dot -Tsvg Documentation/module-graph.dot -o Documentation/module-graph.svg
echo "wrote Documentation/module-graph.svg"
