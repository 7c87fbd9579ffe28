#!/usr/bin/env python3
"""Merges a run of `benchmark pallet` into the pallet's weights, figure by figure.

Usage: merge_weights.py [--replace | [--partial] [--changed NAME[,NAME...]] [--recount NAME[,NAME...]]]
                        WEIGHTS RUN [OUTPUT]
       merge_weights.py --check FILE
       merge_weights.py --relabel LABEL RUN

Both files have the shape `benchmarking/weight-template.hbs` gives them. For every weight
function the result holds the larger of the two files' figures, each figure apart: the base
ref_time and proof_size, each parameter's ref_time and proof_size slope, the base database reads
and writes, each parameter's reads and writes, and the measured proof of the comment. A run on
another CPU can therefore raise a price that was too low there, and never lowers one measured
elsewhere. The exception is the entry into a contract, which every host function's benchmark
(`host_*`) pays once and the pallet deducts from its figure (`costs::contract_entry`: `host_call`'s
base, at most `host_context`'s less a host call). Each file has its own entry, so the host
functions' bases are merged net of it: each becomes the larger of the two files' figures less
their own file's entry, plus the smaller entry, which becomes `host_call`'s base. The deduction is
then never larger than a CPU's entry, and what is left of a host function is the most any CPU
measured. A run of some benchmarks (--partial) with host functions must measure `host_call` and
`host_context` too. The header lists every CPU the figures come from, with the latest run on each.

A function only in RUN is taken from it, one only in WEIGHTS is dropped (its benchmark is gone),
and one whose parameters changed is taken from RUN, with a warning. So is every function named
with --changed: its benchmark measures something else now, and its old figures belong to that.
A function named with --recount takes its database reads and writes (base and slopes) from RUN
and the larger of every other figure: the pallet's code changed what it reads or writes, which
no CPU changes, while its time and proof may still be largest elsewhere.

With --partial, RUN measured some of the benchmarks only (`benchmark pallet --extrinsic`): the
functions it lacks are kept from WEIGHTS as they are, in WEIGHTS' order, and the functions only in
RUN follow them. The header's line of RUN's CPU is kept when WEIGHTS has one, as it describes
the run that measured the rest.

With --replace, RUN is written as it is (after the same check of its shape), for a new baseline
measured on one machine. With --check, FILE is only checked. With --relabel, the one CPU of RUN
is named LABEL instead of its `model name`, for a CPU whose model name is also another's (cloud
hosts name several generations `AMD EPYC`), so that the two keep a line each.

Anything that is not exactly the template's shape is an error: each file is parsed, written back
from what was parsed and compared with itself before anything is merged, so that no term can be
lost unnoticed. OUTPUT defaults to WEIGHTS and is replaced in one step.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
import tempfile

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"

CPU_LINE = re.compile(r"//! - `([^`]+)`, .+")
FN_LINE = re.compile(r"\tfn (" + IDENT + r")\(((?:" + IDENT + r": u32, )*)\) -> Weight \{")
PARAM = re.compile(r"(" + IDENT + r"): u32, ")
PROOF_LINE = re.compile(r"\t\t// Measured proof: (\d+)((?: \+ " + IDENT + r" \* \d+)*) bytes\.")
PROOF_SLOPE = re.compile(r" \+ (" + IDENT + r") \* (\d+)")
BASE_LINE = re.compile(r"\t\tWeight::from_parts\(([0-9_]+), (\d+)\)")
REF_TIME_SLOPE = re.compile(
    r"\t\t\t\.saturating_add\(Weight::from_parts\(([0-9_]+), 0\)"
    r"\.saturating_mul\((" + IDENT + r")\.into\(\)\)\)"
)
PROOF_SIZE_SLOPE = re.compile(
    r"\t\t\t\.saturating_add\(Weight::from_parts\(0, (\d+)\)"
    r"\.saturating_mul\((" + IDENT + r")\.into\(\)\)\)"
)
DB_BASE = re.compile(r"\t\t\t\.saturating_add\(D::get\(\)\.(reads|writes)\((\d+)\)\)")
DB_SLOPE = re.compile(
    r"\t\t\t\.saturating_add\(D::get\(\)\.(reads|writes)\(\((\d+)_u64\)"
    r"\.saturating_mul\((" + IDENT + r")\.into\(\)\)\)\)"
)
FN_END = "\t}"


class WeightsError(Exception):
    """A weights file that does not have the template's shape, or files that cannot be merged."""


@dataclasses.dataclass
class Function:
    """One weight function: every figure of it, each slope by parameter name."""

    name: str
    params: list[str]
    proof: int = 0
    proof_slopes: dict[str, int] = dataclasses.field(default_factory=dict)
    ref_time: int = 0
    proof_size: int = 0
    ref_time_slopes: dict[str, int] = dataclasses.field(default_factory=dict)
    proof_size_slopes: dict[str, int] = dataclasses.field(default_factory=dict)
    reads: int = 0
    read_slopes: dict[str, int] = dataclasses.field(default_factory=dict)
    writes: int = 0
    write_slopes: dict[str, int] = dataclasses.field(default_factory=dict)


SCALARS = ("proof", "ref_time", "proof_size", "reads", "writes")
SLOPES = ("proof_slopes", "ref_time_slopes", "proof_size_slopes", "read_slopes", "write_slopes")


@dataclasses.dataclass
class WeightsFile:
    """A parsed weights file: the text around the functions is kept as lines."""

    head: list[str]
    cpus: list[tuple[str, str]]  # (CPU model, its whole header line)
    middle: list[str]  # after the CPU list, up to and including the `impl` line
    functions: list[Function]
    tail: list[str]  # the `impl`'s closing brace and what follows


def underscore(n: int) -> str:
    """A number with `_` between groups of three digits, as the template's `underscore` helper."""
    return f"{n:_}"


def number(text: str, where: str) -> int:
    try:
        return int(text.replace("_", ""))
    except ValueError:
        raise WeightsError(f"{where}: not a number: {text}") from None


def parse(text: str, path: str = "<weights>") -> WeightsFile:
    """Parses a weights file and checks that writing it back gives the same text."""
    weights = _parse(text, path)
    again = render(weights)
    if again != text:
        a, b = text.split("\n"), again.split("\n")
        line = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        got = a[line] if line < len(a) else "<end of file>"
        raise WeightsError(
            f"{path}:{line + 1}: not the shape weight-template.hbs writes: {got!r}"
            f" (written back as {b[line] if line < len(b) else '<end of file>'!r})"
        )
    return weights


def _parse(text: str, path: str) -> WeightsFile:
    lines = text.split("\n")

    cpu_lines = [i for i, line in enumerate(lines) if line.startswith("//! - `")]
    if not cpu_lines:
        raise WeightsError(f"{path}: no CPU list in the header (lines `//! - `<CPU>`, ...`)")
    first, last = cpu_lines[0], cpu_lines[-1]
    if cpu_lines != list(range(first, last + 1)):
        raise WeightsError(f"{path}:{first + 1}: the CPU list is not one block of lines")
    if not all(line.startswith("//!") for line in lines[: last + 1]):
        raise WeightsError(f"{path}: the CPU list is not in the header's `//!` comment")
    cpus = []
    for i in cpu_lines:
        m = CPU_LINE.fullmatch(lines[i])
        if not m:
            raise WeightsError(f"{path}:{i + 1}: not a CPU line: {lines[i]!r}")
        if any(m.group(1) == cpu for cpu, _ in cpus):
            raise WeightsError(f"{path}:{i + 1}: CPU `{m.group(1)}` listed twice")
        cpus.append((m.group(1), lines[i]))

    impl = next((i for i in range(last + 1, len(lines)) if lines[i].startswith("impl")), None)
    if impl is None or not lines[impl].endswith("{"):
        raise WeightsError(f"{path}: no `impl ... {{` block of weight functions")

    functions: list[Function] = []
    i = impl + 1
    while i < len(lines) and lines[i] != "}":
        function, i = _parse_function(lines, i, path)
        if any(f.name == function.name for f in functions):
            raise WeightsError(f"{path}: function `{function.name}` defined twice")
        functions.append(function)
    if i == len(lines):
        raise WeightsError(f"{path}: the `impl` block is not closed")
    # Weights anywhere else would be copied from the run without being merged.
    if lines[i:] != ["}", ""]:
        raise WeightsError(f"{path}:{i + 2}: text after the weight functions' `impl` block")
    for j in range(impl):
        if re.search(r"\bfn\b|^impl", lines[j]):
            raise WeightsError(f"{path}:{j + 1}: a function or `impl` before the weight functions")

    return WeightsFile(
        head=lines[:first],
        cpus=cpus,
        middle=lines[last + 1 : impl + 1],
        functions=functions,
        tail=lines[i:],
    )


def _parse_function(lines: list[str], i: int, path: str) -> tuple[Function, int]:
    def at(j: int) -> str:
        if j >= len(lines):
            raise WeightsError(f"{path}: the file ends inside a weight function")
        return lines[j]

    m = FN_LINE.fullmatch(at(i))
    if not m:
        raise WeightsError(f"{path}:{i + 1}: expected a weight function, found {at(i)!r}")
    name = m.group(1)
    where = f"{path}:{i + 1}: `{name}`"
    # Unused parameters carry a leading `_`; writing back checks that the terms agree with it.
    params = [p[1:] if p.startswith("_") else p for p in PARAM.findall(m.group(2))]
    if len(set(params)) != len(params):
        raise WeightsError(f"{where}: a parameter appears twice")
    f = Function(name=name, params=params)

    def slope(slopes: dict[str, int], kind: str, param: str, value: int, j: int) -> None:
        w = f"{path}:{j + 1}: `{name}`"
        if param not in params:
            raise WeightsError(f"{w}: {kind} slope of `{param}`, which is not a parameter")
        if param in slopes:
            raise WeightsError(f"{w}: a second {kind} slope of `{param}`")
        if value == 0:
            # benchmark pallet leaves zero slopes out; one here was not written by it.
            raise WeightsError(f"{w}: a zero {kind} slope of `{param}`")
        slopes[param] = value

    i += 1
    m = PROOF_LINE.fullmatch(at(i))
    if not m:
        raise WeightsError(f"{path}:{i + 1}: expected `// Measured proof: ...`, found {at(i)!r}")
    f.proof = int(m.group(1))
    for param, value in PROOF_SLOPE.findall(m.group(2)):
        slope(f.proof_slopes, "measured proof", param, int(value), i)

    i += 1
    m = BASE_LINE.fullmatch(at(i))
    if not m:
        raise WeightsError(f"{path}:{i + 1}: expected `Weight::from_parts(..)`, found {at(i)!r}")
    f.ref_time = number(m.group(1), f"{path}:{i + 1}")
    f.proof_size = int(m.group(2))

    i += 1
    base_seen = set()
    while at(i) != FN_END:
        line = at(i)
        if m := REF_TIME_SLOPE.fullmatch(line):
            slope(f.ref_time_slopes, "ref_time", m.group(2), number(m.group(1), where), i)
        elif m := PROOF_SIZE_SLOPE.fullmatch(line):
            slope(f.proof_size_slopes, "proof_size", m.group(2), int(m.group(1)), i)
        elif m := DB_BASE.fullmatch(line):
            kind = m.group(1)
            if kind in base_seen:
                raise WeightsError(f"{path}:{i + 1}: `{name}`: a second base of {kind}")
            base_seen.add(kind)
            setattr(f, kind, int(m.group(2)))
        elif m := DB_SLOPE.fullmatch(line):
            kind = m.group(1)
            slopes = f.read_slopes if kind == "reads" else f.write_slopes
            slope(slopes, kind, m.group(3), int(m.group(2)), i)
        else:
            raise WeightsError(f"{path}:{i + 1}: `{name}`: a term this tool does not know: {line!r}")
        i += 1
    return f, i + 1


def render(weights: WeightsFile) -> str:
    lines = list(weights.head)
    lines += [line for _, line in weights.cpus]
    lines += weights.middle
    for f in weights.functions:
        lines += render_function(f)
    lines += weights.tail
    return "\n".join(lines)


def render_function(f: Function) -> list[str]:
    """The lines weight-template.hbs writes for `f`, in its order: ref_time, reads and writes
    slopes in the parameters' order, proof slopes by name, zero figures left out."""
    used = set()
    for field in ("ref_time_slopes", "proof_size_slopes", "read_slopes", "write_slopes"):
        used |= {p for p, v in getattr(f, field).items() if v}
    params = "".join(f"{'' if p in used else '_'}{p}: u32, " for p in f.params)
    proof = "".join(f" + {p} * {v}" for p, v in sorted(f.proof_slopes.items()) if v)
    lines = [
        f"\tfn {f.name}({params}) -> Weight {{",
        f"\t\t// Measured proof: {f.proof}{proof} bytes.",
        f"\t\tWeight::from_parts({underscore(f.ref_time)}, {f.proof_size})",
    ]

    def in_order(slopes: dict[str, int]) -> list[tuple[str, int]]:
        return [(p, slopes[p]) for p in f.params if slopes.get(p)]

    for p, v in in_order(f.ref_time_slopes):
        lines.append(
            f"\t\t\t.saturating_add(Weight::from_parts({underscore(v)}, 0).saturating_mul({p}.into()))"
        )
    for p, v in sorted(f.proof_size_slopes.items()):
        if v:
            lines.append(f"\t\t\t.saturating_add(Weight::from_parts(0, {v}).saturating_mul({p}.into()))")
    for kind, base, slopes in (("reads", f.reads, f.read_slopes), ("writes", f.writes, f.write_slopes)):
        if base:
            lines.append(f"\t\t\t.saturating_add(D::get().{kind}({base}))")
        for p, v in in_order(slopes):
            lines.append(f"\t\t\t.saturating_add(D::get().{kind}(({v}_u64).saturating_mul({p}.into())))")
    lines.append(FN_END)
    return lines


DATABASE = ("reads", "writes", "read_slopes", "write_slopes")

# The benchmark whose base is the entry into a contract's export, and the cheapest host function,
# which bounds that entry (`costs::contract_entry`).
ENTRY = "host_call"
CHEAPEST_HOST_FUNCTION = "host_context"
# Benchmarks of host functions: each enters the contract once, which the pallet deducts.
HOST_FUNCTION_PREFIX = "host_"


def enters_contract(name: str) -> bool:
    """Whether the benchmark `name` pays one entry into a contract that the pallet deducts."""
    return name.startswith(HOST_FUNCTION_PREFIX) and name != ENTRY


def contract_entry(functions: list[Function], path: str) -> int | None:
    """The entry into a contract that the pallet deducts with these figures, as
    `costs::contract_entry` computes it: `host_call`'s base, at most `host_context`'s less one
    host call (`host_call`'s slope). None when the file has no host functions; an error when it
    has some but not both of those two."""
    by_name = {f.name: f for f in functions}
    if not any(name.startswith(HOST_FUNCTION_PREFIX) for name in by_name):
        return None
    call, cheapest = by_name.get(ENTRY), by_name.get(CHEAPEST_HOST_FUNCTION)
    if call is None or cheapest is None:
        raise WeightsError(
            f"{path}: host functions without `{ENTRY}` and `{CHEAPEST_HOST_FUNCTION}`, which give the entry"
            " into a contract their figures include: measure those two with them"
        )
    marginal = sum(call.ref_time_slopes.values())
    return min(call.ref_time, max(cheapest.ref_time - marginal, 0))


def merge_function(old: Function, new: Function, recount: bool = False) -> Function:
    """The larger of each figure; with `recount`, the database accesses of `new`."""
    merged = Function(name=new.name, params=list(new.params))
    for field in SCALARS:
        setattr(merged, field, max(getattr(old, field), getattr(new, field)))
    for field in SLOPES:
        a, b = getattr(old, field), getattr(new, field)
        setattr(merged, field, {p: max(a.get(p, 0), b.get(p, 0)) for p in a.keys() | b.keys()})
    if recount:
        for field in DATABASE:
            setattr(merged, field, getattr(new, field))
    return merged


def merge(
    old: WeightsFile,
    new: WeightsFile,
    changed: frozenset[str] = frozenset(),
    partial: bool = False,
    recount: frozenset[str] = frozenset(),
) -> tuple[WeightsFile, list[str]]:
    """Merges `new` (a run) into `old`, taking the functions named in `changed` from `new` alone
    and the database accesses of those in `recount` from `new`; with `partial`, `new` measured
    some functions only and the others are kept. Returns the result and the warnings to show."""
    for option, names in (("--changed", changed), ("--recount", recount)):
        unknown = sorted(names - {f.name for f in new.functions})
        if unknown:
            raise WeightsError(f"{option} names functions the run does not have: {', '.join(unknown)}")
    warnings = []
    if old.head != new.head or old.middle != new.middle or old.tail != new.tail:
        warnings.append("the text around the figures differs from the old file's; the run's is kept")

    cpus = list(old.cpus)
    for cpu, line in new.cpus:
        if cpu == "<UNKNOWN>":
            warnings.append("benchmark pallet could not tell the run's CPU model")
        known = [i for i, (c, _) in enumerate(cpus) if c == cpu]
        if known and partial:
            continue
        if known:
            cpus[known[0]] = (cpu, line)
        else:
            cpus.append((cpu, line))

    old_entry = contract_entry(old.functions, "the old file")
    new_entry = contract_entry(new.functions, "the run")
    entries = [entry for entry in (old_entry, new_entry) if entry is not None]
    entry = min(entries) if entries else None

    def net(f: Function, own_entry: int | None) -> Function:
        """`f` with its base re-expressed against the merged entry: its own file's entry taken
        off, the merged entry put in its place."""
        if entry is None or own_entry is None or not enters_contract(f.name):
            return f
        return dataclasses.replace(f, ref_time=max(f.ref_time - own_entry, 0) + entry)

    before = {f.name: f for f in old.functions}
    functions = []
    if partial:
        measured = {f.name for f in new.functions}
        functions = [net(f, old_entry) for f in old.functions if f.name not in measured]
        for f in functions:
            del before[f.name]
    for f in new.functions:
        o = before.pop(f.name, None)
        if o is None:
            warnings.append(f"`{f.name}` is new: its figures are the run's")
            functions.append(net(f, new_entry))
        elif f.name in changed:
            warnings.append(f"`{f.name}` changed its benchmark: its figures are the run's alone")
            functions.append(net(f, new_entry))
        elif o.params != f.params:
            warnings.append(
                f"`{f.name}` changed its parameters from ({', '.join(o.params)}) to"
                f" ({', '.join(f.params)}): its figures are the run's alone"
            )
            functions.append(net(f, new_entry))
        else:
            if f.name in recount:
                warnings.append(f"`{f.name}` was recounted: its database reads and writes are the run's")
            functions.append(merge_function(net(o, old_entry), net(f, new_entry), f.name in recount))
    for name in before:
        warnings.append(f"`{name}` is gone from the run: dropped")
    if entry is not None:
        # The deduction: the smaller entry, which no CPU's host functions paid less than.
        functions = [dataclasses.replace(f, ref_time=entry) if f.name == ENTRY else f for f in functions]

    if partial:
        order = {f.name: i for i, f in enumerate(old.functions)}
        functions.sort(key=lambda f: order.get(f.name, len(order)))
    merged = WeightsFile(head=new.head, cpus=cpus, middle=new.middle, functions=functions, tail=new.tail)
    return merged, warnings


def merge_text(
    old_text: str,
    new_text: str,
    old_path: str = "<old>",
    new_path: str = "<new>",
    changed: frozenset[str] = frozenset(),
    partial: bool = False,
    recount: frozenset[str] = frozenset(),
) -> tuple[str, list[str]]:
    merged, warnings = merge(parse(old_text, old_path), parse(new_text, new_path), changed, partial, recount)
    return render(merged), warnings


def read(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def write(path: str, text: str) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".merge_weights.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def relabel(run: WeightsFile, label: str) -> WeightsFile:
    """`run` with its one CPU named `label`."""
    if len(run.cpus) != 1:
        raise WeightsError(f"--relabel names the CPU of a run of one CPU; this file lists {len(run.cpus)}")
    if not label or "`" in label or "\n" in label:
        raise WeightsError(f"--relabel needs a CPU name without backquotes or line breaks, not {label!r}")
    cpu, line = run.cpus[0]
    if cpu == "<UNKNOWN>":
        raise WeightsError("--relabel names a CPU that benchmark pallet could tell; this run's is `<UNKNOWN>`")
    return dataclasses.replace(run, cpus=[(label, line.replace(f"`{cpu}`", f"`{label}`", 1))])


def main(argv: list[str]) -> int:
    args = list(argv)
    if len(args) == 2 and args[0] == "--check":
        try:
            parse(read(args[1]), args[1])
        except (WeightsError, OSError) as e:
            print(f"merge_weights: error: {e}", file=sys.stderr)
            return 1
        return 0
    if len(args) == 3 and args[0] == "--relabel":
        try:
            text = render(relabel(parse(read(args[2]), args[2]), args[1]))
            parse(text, args[2])
        except (WeightsError, OSError) as e:
            print(f"merge_weights: error: {e}", file=sys.stderr)
            return 1
        write(args[2], text)
        return 0
    replace = "--replace" in args
    if replace:
        args.remove("--replace")
    partial = "--partial" in args
    if partial:
        args.remove("--partial")
    names: dict[str, frozenset[str]] = {}
    for option in ("--changed", "--recount"):
        names[option] = frozenset()
        if option in args:
            at = args.index(option)
            if at + 1 >= len(args):
                print(__doc__.split("\n\n")[1], file=sys.stderr)
                return 2
            names[option] = frozenset(name for name in args[at + 1].split(",") if name)
            del args[at : at + 2]
    changed, recount = names["--changed"], names["--recount"]
    if replace and (partial or changed or recount):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    if len(args) not in (2, 3) or any(a.startswith("-") for a in args):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    weights, run = args[0], args[1]
    output = args[2] if len(args) == 3 else weights
    try:
        run_text = read(run)
        if replace:
            parse(run_text, run)
            text, warnings = run_text, []
        else:
            text, warnings = merge_text(read(weights), run_text, weights, run, changed, partial, recount)
    except (WeightsError, OSError) as e:
        print(f"merge_weights: error: {e}", file=sys.stderr)
        return 1
    for w in warnings:
        print(f"merge_weights: warning: {w}", file=sys.stderr)
    write(output, text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
