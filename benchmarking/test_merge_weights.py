"""Tests of merge_weights.py. From the repository root:

    python3 -m unittest benchmarking/test_merge_weights.py
"""

import contextlib
import io
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import merge_weights  # noqa: E402
from merge_weights import WeightsError, merge_text, parse, render  # noqa: E402

ROOT = os.path.dirname(HERE)
WEIGHTS = os.path.join(ROOT, "pallets", "wasm-contracts", "src", "weights.rs")
TEMPLATE = os.path.join(HERE, "weight-template.hbs")

HEAD = """\
//! Weights of `pallet_wasm_contracts` measured by `wasm-contracts-node benchmark pallet`: each
//! figure is the largest measured on any of these CPUs (with the latest run on each: its date,
//! sampling and CLI version):
"""
MIDDLE = """\
//!
//! Regenerate with `benchmarking/generate-weights.sh`.

use frame_support::{traits::Get, weights::{RuntimeDbWeight, Weight}};

impl<D: Get<RuntimeDbWeight>> WeightInfo for Weights<D> {
"""
TAIL = "}\n"

AMD = "//! - `AMD EPYC`, 2026-11-22: 50 steps, 20 repeats (64.0.0)\n"
AMD_AGAIN = "//! - `AMD EPYC`, 2026-12-20: 20 steps, 10 repeats (64.0.0)\n"
XEON = "//! - `Intel(R) Xeon(R) Processor`, 2026-12-01: 50 steps, 20 repeats (64.0.0)\n"


def weights(cpus, functions):
    return HEAD + "".join(cpus) + MIDDLE + functions + TAIL


# Each of the two has some figures larger than the other's; `call`'s `n` is unused in the first
# (no term of it) and has a ref_time, proof_size and reads slope in the second, `store` has a
# reads slope in the first only and a writes slope in the second only.
OLD = weights([AMD], """\
	fn call(m: u32, _n: u32, ) -> Weight {
		// Measured proof: 748 + m * 2 bytes.
		Weight::from_parts(73_206_231, 4213)
			.saturating_add(Weight::from_parts(236, 0).saturating_mul(m.into()))
			.saturating_add(Weight::from_parts(0, 2).saturating_mul(m.into()))
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().writes((1_u64).saturating_mul(m.into())))
	}
	fn store(k: u32, ) -> Weight {
		// Measured proof: 338 + k * 1086 bytes.
		Weight::from_parts(16_024_000, 338)
			.saturating_add(Weight::from_parts(2_359_306, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(0, 1086).saturating_mul(k.into()))
			.saturating_add(D::get().reads(2))
			.saturating_add(D::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(D::get().writes(2))
	}
	fn remark(_r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_152_000, 0)
	}
""")

NEW = weights([XEON], """\
	fn call(m: u32, n: u32, ) -> Weight {
		// Measured proof: 700 + m * 1 + n * 3 bytes.
		Weight::from_parts(80_000_000, 4100)
			.saturating_add(Weight::from_parts(200, 0).saturating_mul(m.into()))
			.saturating_add(Weight::from_parts(1_500, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 3).saturating_mul(n.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(D::get().writes(1))
	}
	fn store(k: u32, ) -> Weight {
		// Measured proof: 400 + k * 1000 bytes.
		Weight::from_parts(15_000_000, 400)
			.saturating_add(Weight::from_parts(2_500_000, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(0, 1000).saturating_mul(k.into()))
			.saturating_add(D::get().reads(3))
			.saturating_add(D::get().writes(2))
			.saturating_add(D::get().writes((1_u64).saturating_mul(k.into())))
	}
	fn remark(_r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_300_000, 0)
	}
""")

MERGED_FUNCTIONS = """\
	fn call(m: u32, n: u32, ) -> Weight {
		// Measured proof: 748 + m * 2 + n * 3 bytes.
		Weight::from_parts(80_000_000, 4213)
			.saturating_add(Weight::from_parts(236, 0).saturating_mul(m.into()))
			.saturating_add(Weight::from_parts(1_500, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2).saturating_mul(m.into()))
			.saturating_add(Weight::from_parts(0, 3).saturating_mul(n.into()))
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(D::get().writes(1))
			.saturating_add(D::get().writes((1_u64).saturating_mul(m.into())))
	}
	fn store(k: u32, ) -> Weight {
		// Measured proof: 400 + k * 1086 bytes.
		Weight::from_parts(16_024_000, 400)
			.saturating_add(Weight::from_parts(2_500_000, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(0, 1086).saturating_mul(k.into()))
			.saturating_add(D::get().reads(3))
			.saturating_add(D::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(D::get().writes(2))
			.saturating_add(D::get().writes((1_u64).saturating_mul(k.into())))
	}
	fn remark(_r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_300_000, 0)
	}
"""


HOST_CALL = """\
	fn host_call(r: u32, ) -> Weight {{
		// Measured proof: 0 bytes.
		Weight::from_parts({base}, 0)
			.saturating_add(Weight::from_parts({slope}, 0).saturating_mul(r.into()))
	}}
"""
HOST_FUNCTION = """\
	fn {name}() -> Weight {{
		// Measured proof: 0 bytes.
		Weight::from_parts({base}, 0)
	}}
"""
AMD_ZEN = "//! - `AMD EPYC (family 25, model 17)`, 2026-12-07: 50 steps, 20 repeats (64.0.0)\n"


def host_weights(cpu, entry, per_call, context, hash):
    """A run of one CPU with the entry into a contract (`host_call`), the cheapest host function
    and one more."""
    return weights([cpu], HOST_CALL.format(base=f"{entry:_}", slope=f"{per_call:_}")
                   + HOST_FUNCTION.format(name="host_context", base=f"{context:_}")
                   + HOST_FUNCTION.format(name="host_hash", base=f"{hash:_}"))


def functions_of(text):
    return {f.name: f for f in parse(text).functions}


def cpus_of(text):
    return [cpu for cpu, _ in parse(text).cpus]


def merged(old, new):
    text, _ = merge_text(old, new)
    return text


class Merge(unittest.TestCase):
    def test_every_figure_is_the_larger_of_the_two(self):
        self.assertEqual(merged(OLD, NEW), weights([AMD, XEON], MERGED_FUNCTIONS))

    def test_host_functions_are_merged_net_of_each_files_entry_into_the_contract(self):
        # The first CPU enters a contract in 1.0 µs and hashes in 2.0 µs more; the second enters
        # in 2.0 µs and hashes in 1.5 µs more. Its raw hash (3.5 µs) is the larger figure, but
        # the pallet deducts the entry, so the merged hash must be the first CPU's 2.0 µs net.
        first = host_weights(AMD, entry=1_000_000, per_call=100_000, context=1_500_000, hash=3_000_000)
        second = host_weights(XEON, entry=2_000_000, per_call=120_000, context=2_500_000, hash=3_500_000)
        for old, new in ((first, second), (second, first)):
            result = functions_of(merged(old, new))
            self.assertEqual(result["host_call"].ref_time, 1_000_000)
            self.assertEqual(result["host_call"].ref_time_slopes, {"r": 120_000})
            self.assertEqual(result["host_hash"].ref_time, 3_000_000)
            self.assertEqual(result["host_context"].ref_time, 1_500_000)
        self.assertEqual(merged(merged(first, second), second), merged(first, second))

    def test_no_cpus_host_function_is_charged_less_than_it_measured_net_of_its_entry(self):
        runs = [
            host_weights(AMD, entry=1_111_704, per_call=109_658, context=1_158_000, hash=2_617_216),
            # An entry above `host_context` less a call: the pallet deducts the latter.
            host_weights(XEON, entry=2_154_132, per_call=125_159, context=2_033_000, hash=3_808_967),
            host_weights(AMD_ZEN, entry=1_325_702, per_call=100_000, context=1_900_000, hash=2_900_000),
        ]
        merged_text = runs[0]
        for run in runs[1:]:
            merged_text = merged(merged_text, run)
        def nets(text):
            functions = functions_of(text)
            entry = merge_weights.contract_entry(list(functions.values()), "weights")
            return {name: functions[name].ref_time - entry for name in ("host_context", "host_hash")}

        charged = nets(merged_text)
        measured = [nets(run) for run in runs]
        for own in measured:
            for name, net in own.items():
                self.assertGreaterEqual(charged[name], net, name)
        # And no more than the most any of them measured.
        self.assertEqual(charged["host_hash"], max(own["host_hash"] for own in measured))

    def test_a_partial_run_of_host_functions_needs_the_entry_measured_with_them(self):
        old = host_weights(AMD, entry=1_000_000, per_call=100_000, context=1_500_000, hash=3_000_000)
        run = weights([AMD_AGAIN], HOST_FUNCTION.format(name="host_hash", base="4_000_000"))
        with self.assertRaises(WeightsError) as caught:
            merge_text(old, run, partial=True)
        self.assertIn("host_call", str(caught.exception))

    def test_a_run_of_the_entry_alone_re_expresses_the_host_functions_it_did_not_measure(self):
        old = host_weights(AMD, entry=2_000_000, per_call=100_000, context=2_500_000, hash=3_000_000)
        run = weights([XEON], HOST_CALL.format(base="1_000_000", slope="90_000")
                      + HOST_FUNCTION.format(name="host_context", base="1_400_000"))
        result = functions_of(merge_text(old, run, partial=True)[0])
        self.assertEqual(result["host_call"].ref_time, 1_000_000)
        # 1.0 µs of hash beyond the old file's entry, now beyond the smaller one.
        self.assertEqual(result["host_hash"].ref_time, 2_000_000)
        self.assertEqual(result["host_context"].ref_time, 1_500_000)

    def test_the_figures_do_not_depend_on_which_file_is_the_run(self):
        self.assertEqual(merged(NEW, OLD), weights([XEON, AMD], MERGED_FUNCTIONS))

    def test_merging_a_file_with_itself_changes_nothing(self):
        for text in (OLD, NEW, merged(OLD, NEW)):
            text2, warnings = merge_text(text, text)
            self.assertEqual(text2, text)
            self.assertEqual(warnings, [])

    def test_merging_a_run_already_merged_in_changes_nothing(self):
        both = merged(OLD, NEW)
        self.assertEqual(merged(both, NEW), both)
        self.assertEqual(merged(both, OLD), both)

    def test_the_pallets_weights_merged_with_themselves_are_unchanged(self):
        with open(WEIGHTS, encoding="utf-8", newline="") as f:
            text = f.read()
        self.assertGreater(len(parse(text, WEIGHTS).functions), 30)
        self.assertEqual(merged(text, text), text)

    def test_the_template_has_the_header_the_tool_reads(self):
        # The template's text up to its functions, with its fields filled in, parses, and is the
        # text the pallet's weights have around their figures.
        with open(TEMPLATE, encoding="utf-8") as f:
            template = f.read()
        head = template[: template.index("{{#each benchmarks")]
        for field, value in {
            "{{pallet}}": "pallet_wasm_contracts",
            "{{cpuname}}": "Some CPU",
            "{{date}}": "2026-01-01",
            "{{cmd.steps}}": "50",
            "{{cmd.repeat}}": "20",
            "{{version}}": "64.0.0",
        }.items():
            head = head.replace(field, value)
        self.assertNotIn("{{", head)
        rendered = parse(head + "}\n", TEMPLATE)
        self.assertEqual(rendered.cpus, [("Some CPU", "//! - `Some CPU`, 2026-01-01: 50 steps, 20 repeats (64.0.0)")])
        with open(WEIGHTS, encoding="utf-8") as f:
            ours = parse(f.read(), WEIGHTS)
        self.assertEqual((rendered.head, rendered.middle), (ours.head, ours.middle))


class Cpus(unittest.TestCase):
    def test_the_cpu_list_accumulates(self):
        self.assertEqual(cpus_of(merged(OLD, NEW)), ["AMD EPYC", "Intel(R) Xeon(R) Processor"])

    def test_a_cpu_measured_again_is_listed_once_with_its_latest_run(self):
        again = weights([AMD_AGAIN], NEW[NEW.index("\tfn "):-len(TAIL)])
        text = merged(merged(OLD, NEW), again)
        self.assertEqual(cpus_of(text), ["AMD EPYC", "Intel(R) Xeon(R) Processor"])
        self.assertIn(AMD_AGAIN, text)
        self.assertNotIn(AMD, text)
        self.assertEqual(merged(text, text), text)

    def test_a_run_of_several_cpus_adds_each(self):
        other = weights([XEON, AMD_AGAIN], OLD[OLD.index("\tfn "):-len(TAIL)])
        text = merged(weights([AMD], OLD[OLD.index("\tfn "):-len(TAIL)]), other)
        self.assertEqual(cpus_of(text), ["AMD EPYC", "Intel(R) Xeon(R) Processor"])
        self.assertIn(AMD_AGAIN, text)


class Functions(unittest.TestCase):
    def test_new_functions_are_taken_and_removed_ones_dropped(self):
        old = OLD.replace("\tfn remark(", "\tfn gone(")
        new = NEW.replace("\tfn remark(", "\tfn added(")
        text, warnings = merge_text(old, new)
        names = [f.name for f in parse(text).functions]
        self.assertEqual(names, ["call", "store", "added"])
        self.assertIn("Weight::from_parts(1_300_000, 0)", text)
        self.assertNotIn("1_152_000", text)
        self.assertEqual(len(warnings), 2, warnings)

    def test_the_runs_order_of_functions_is_kept(self):
        store = OLD.index("\tfn store(")
        remark = OLD.index("\tfn remark(")
        end = len(OLD) - len(TAIL)
        reordered = OLD[:store] + OLD[remark:end] + OLD[store:remark] + TAIL
        names = [f.name for f in parse(merged(OLD, reordered)).functions]
        self.assertEqual(names, ["call", "remark", "store"])

    def test_changed_parameters_take_the_run_with_a_warning(self):
        new = NEW.replace("fn call(m: u32, n: u32, )", "fn call(m: u32, n: u32, _p: u32, )")
        text, warnings = merge_text(OLD, new)
        call = parse(text).functions[0]
        self.assertEqual(call.params, ["m", "n", "p"])
        # The run's figures alone, though the old base proof_size and `m` slope were larger.
        self.assertEqual((call.ref_time, call.proof_size, call.ref_time_slopes["m"]), (80_000_000, 4100, 200))
        self.assertEqual(len(warnings), 1)
        self.assertIn("`call` changed its parameters", warnings[0])

    def test_changed_benchmarks_take_the_run_alone_with_a_warning(self):
        text, warnings = merge_text(OLD, NEW, changed=frozenset({"call"}))
        functions = parse(text).functions
        # The run's figures alone, though the old base proof_size and `m` slope were larger.
        self.assertEqual((functions[0].ref_time, functions[0].proof_size, functions[0].ref_time_slopes["m"]), (80_000_000, 4100, 200))
        self.assertEqual(functions[1:], parse(weights([AMD, XEON], MERGED_FUNCTIONS)).functions[1:])
        self.assertEqual(len(warnings), 1)
        self.assertIn("`call` changed its benchmark", warnings[0])

    def test_recounted_functions_take_the_runs_database_accesses_and_the_larger_of_the_rest(self):
        text, warnings = merge_text(OLD, NEW, recount=frozenset({"call"}))
        call = parse(text).functions[0]
        expected = parse(weights([AMD, XEON], MERGED_FUNCTIONS)).functions[0]
        # The old file read 5 and wrote per `m`; the run reads 4 and 2 per `n`, and writes 1.
        self.assertEqual((call.reads, call.read_slopes, call.writes, call.write_slopes), (4, {"n": 2}, 1, {}))
        self.assertEqual((call.ref_time, call.proof_size, call.ref_time_slopes, call.proof), (expected.ref_time, expected.proof_size, expected.ref_time_slopes, expected.proof))
        self.assertEqual(parse(text).functions[1:], parse(weights([AMD, XEON], MERGED_FUNCTIONS)).functions[1:])
        self.assertEqual(warnings, ["`call` was recounted: its database reads and writes are the run's"])

    def test_a_recounted_function_the_run_lacks_is_an_error(self):
        with self.assertRaises(WeightsError):
            merge_text(OLD, NEW, recount=frozenset({"calls"}))

    def test_a_partial_run_keeps_the_functions_it_lacks_and_the_cpus_line(self):
        old = weights([AMD, XEON], MERGED_FUNCTIONS)
        store = NEW[NEW.index("\tfn store("):NEW.index("\tfn remark(")]
        xeon_later = XEON.replace("2026-12-01", "2026-12-04")
        text, warnings = merge_text(old, weights([xeon_later], store), changed=frozenset({"store"}), partial=True)
        functions = parse(text).functions
        self.assertEqual([f.name for f in functions], ["call", "store", "remark"])
        before = parse(old).functions
        self.assertEqual((functions[0], functions[2]), (before[0], before[2]))
        self.assertEqual(functions[1], parse(NEW).functions[1])
        # The Xeon's line describes the run that measured the other functions.
        self.assertIn(XEON, text)
        self.assertNotIn(xeon_later, text)
        self.assertEqual(warnings, ["`store` changed its benchmark: its figures are the run's alone"])

    def test_a_partial_run_of_a_new_cpu_adds_it_and_merges_what_it_measured(self):
        remark = NEW[NEW.index("\tfn remark("):len(NEW) - len(TAIL)]
        text, _ = merge_text(OLD, weights([XEON], remark), partial=True)
        self.assertEqual(cpus_of(text), ["AMD EPYC", "Intel(R) Xeon(R) Processor"])
        functions = parse(text).functions
        self.assertEqual(functions[:2], parse(OLD).functions[:2])
        self.assertIn("Weight::from_parts(1_300_000, 0)", text)

    def test_a_changed_benchmark_the_run_lacks_is_an_error(self):
        with self.assertRaises(WeightsError):
            merge_text(OLD, NEW, changed=frozenset({"calls"}))


class Shape(unittest.TestCase):
    """Anything but the template's shape is an error, in either file."""

    MUTATIONS = {
        "unknown term": (
            "\t\t\t.saturating_add(D::get().reads(2))\n",
            "\t\t\t.saturating_add(D::get().reads(2))\n\t\t\t.saturating_add(D::get().reads_writes(1, 1))\n",
        ),
        "term of both parts": ("Weight::from_parts(0, 1086)", "Weight::from_parts(7, 1086)"),
        "zero slope": ("Weight::from_parts(236, 0)", "Weight::from_parts(0, 0)"),
        "zero reads": ("D::get().reads(5)", "D::get().reads(0)"),
        "duplicate term": (
            "\t\t\t.saturating_add(D::get().reads(5))\n",
            "\t\t\t.saturating_add(D::get().reads(5))\n\t\t\t.saturating_add(D::get().reads(5))\n",
        ),
        "duplicate slope": (
            "\t\t\t.saturating_add(D::get().reads(2))\n",
            "\t\t\t.saturating_add(Weight::from_parts(1, 0).saturating_mul(k.into()))\n"
            "\t\t\t.saturating_add(D::get().reads(2))\n",
        ),
        "slope of no parameter": ("saturating_mul(k.into()))\n\t\t\t.saturating_add(Weight::from_parts(0, 1086)",
                                  "saturating_mul(q.into()))\n\t\t\t.saturating_add(Weight::from_parts(0, 1086)"),
        "terms out of order": (
            "\t\t\t.saturating_add(D::get().reads(2))\n"
            "\t\t\t.saturating_add(D::get().reads((1_u64).saturating_mul(k.into())))\n",
            "\t\t\t.saturating_add(D::get().reads((1_u64).saturating_mul(k.into())))\n"
            "\t\t\t.saturating_add(D::get().reads(2))\n",
        ),
        "used parameter marked unused": ("fn store(k: u32, )", "fn store(_k: u32, )"),
        "unused parameter not marked": ("fn remark(_r: u32, )", "fn remark(r: u32, )"),
        "number not grouped as the template does": ("73_206_231", "73206231"),
        "comment in a function": ("\t\tWeight::from_parts(1_152_000, 0)\n",
                                  "\t\tWeight::from_parts(1_152_000, 0)\n\t\t// note\n"),
        "no proof comment": ("\t\t// Measured proof: 0 bytes.\n", ""),
        "proof comment of another form": ("// Measured proof: 0 bytes.", "// Measured proof: 0 B."),
        "function with another return": ("fn remark(_r: u32, ) -> Weight {", "fn remark(_r: u32, ) -> u64 {"),
        "function defined twice": ("\tfn remark(", "\tfn call("),
        "no CPU list": (AMD, ""),
        "CPU listed twice": (AMD, AMD + AMD),
        "code after the impl": (TAIL + "\x00", "}\nfn extra() {}\n"),
        "impl not closed": (TAIL + "\x00", ""),
        "no newline at the end": (TAIL + "\x00", "}"),
        "a second impl": ("impl<D: Get", "impl Other for () {}\nimpl<D: Get"),
        "a function before the impl": ("\nuse frame", "\nfn f() {}\nuse frame"),
    }

    def test_a_term_it_cannot_parse_is_an_error(self):
        for what, (a, b) in self.MUTATIONS.items():
            text = (OLD + "\x00").replace(a, b, 1).rstrip("\x00")
            self.assertNotEqual(text, OLD, what)
            with self.subTest(what):
                with self.assertRaises(WeightsError):
                    merge_text(text, OLD)
                with self.assertRaises(WeightsError):
                    merge_text(OLD, text)

    def test_the_cpu_list_must_be_in_the_header(self):
        text = OLD.replace(AMD, "").replace("\nuse frame", "\n" + AMD + "use frame")
        with self.assertRaises(WeightsError):
            parse(text)

    def test_render_writes_back_what_parse_read(self):
        self.assertEqual(render(parse(OLD)), OLD)


class CommandLine(unittest.TestCase):
    def run_main(self, *args):
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = merge_weights.main(list(args))
        return code, err.getvalue()

    def files(self, old, new):
        d = tempfile.TemporaryDirectory()
        self.addCleanup(d.cleanup)
        paths = os.path.join(d.name, "weights.rs"), os.path.join(d.name, "run.rs")
        for path, text in zip(paths, (old, new)):
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        return paths

    def read(self, path):
        with open(path, encoding="utf-8") as f:
            return f.read()

    def test_merges_into_the_weights_file(self):
        w, r = self.files(OLD, NEW)
        self.assertEqual(self.run_main(w, r), (0, ""))
        self.assertEqual(self.read(w), weights([AMD, XEON], MERGED_FUNCTIONS))
        self.assertEqual(sorted(os.listdir(os.path.dirname(w))), ["run.rs", "weights.rs"])

    def test_replace_takes_the_run_alone(self):
        w, r = self.files(OLD, NEW)
        self.assertEqual(self.run_main("--replace", w, r), (0, ""))
        self.assertEqual(self.read(w), NEW)

    def test_replace_checks_the_runs_shape(self):
        w, r = self.files(OLD, NEW.replace("D::get().reads(4)", "D::get().reads(0)"))
        code, err = self.run_main("--replace", w, r)
        self.assertEqual(code, 1)
        self.assertIn("error", err)
        self.assertEqual(self.read(w), OLD)

    def test_an_error_leaves_the_weights_as_they_are(self):
        w, r = self.files(OLD, NEW.replace("fn store(k: u32, )", "fn store(_k: u32, )"))
        code, err = self.run_main(w, r)
        self.assertEqual(code, 1)
        self.assertIn("run.rs:", err)
        self.assertEqual(self.read(w), OLD)

    def test_warnings_are_printed(self):
        w, r = self.files(OLD, NEW.replace("\tfn remark(", "\tfn added("))
        code, err = self.run_main(w, r, w + ".out")
        self.assertEqual(code, 0)
        self.assertIn("warning: `added` is new", err)
        self.assertIn("warning: `remark` is gone", err)
        self.assertEqual(self.read(w), OLD)

    def test_check_reads_a_file_and_writes_nothing(self):
        w, r = self.files(OLD, NEW.replace("D::get().reads(4)", "D::get().reads(0)"))
        self.assertEqual(self.run_main("--check", w), (0, ""))
        code, err = self.run_main("--check", r)
        self.assertEqual(code, 1)
        self.assertIn("run.rs:", err)
        self.assertEqual((self.read(w), sorted(os.listdir(os.path.dirname(w)))), (OLD, ["run.rs", "weights.rs"]))

    def test_changed_names_benchmarks_to_take_from_the_run(self):
        w, r = self.files(OLD, NEW)
        code, err = self.run_main("--changed", "call,store", w, r)
        self.assertEqual(code, 0)
        self.assertIn("`store` changed its benchmark", err)
        self.assertEqual(parse(self.read(w)).functions[:2], parse(NEW).functions[:2])

    def test_recount_names_benchmarks_whose_accesses_to_take_from_the_run(self):
        w, r = self.files(OLD, NEW)
        code, err = self.run_main("--recount", "call", w, r)
        self.assertEqual(code, 0)
        self.assertIn("`call` was recounted", err)
        self.assertEqual(parse(self.read(w)).functions[0].reads, 4)

    def test_partial_keeps_what_the_run_did_not_measure(self):
        w, r = self.files(OLD, weights([XEON], NEW[NEW.index("\tfn store("):NEW.index("\tfn remark(")]))
        code, err = self.run_main("--partial", "--changed", "store", w, r)
        self.assertEqual(code, 0, err)
        functions = parse(self.read(w)).functions
        self.assertEqual([f.name for f in functions], ["call", "store", "remark"])
        self.assertEqual(functions[1], parse(NEW).functions[1])

    def test_relabel_names_the_runs_cpu_so_that_it_gets_a_line_of_its_own(self):
        w, r = self.files(OLD, OLD)
        self.assertEqual(self.run_main("--relabel", "AMD EPYC (family 25, model 17)", r), (0, ""))
        self.assertEqual(self.run_main(w, r), (0, ""))
        cpus = [cpu for cpu, _ in parse(self.read(w)).cpus]
        self.assertEqual(cpus, ["AMD EPYC", "AMD EPYC (family 25, model 17)"])

    def test_relabel_refuses_several_cpus_an_unknown_cpu_and_a_name_with_backquotes(self):
        w, r = self.files(weights([AMD, XEON], MERGED_FUNCTIONS), OLD)
        code, err = self.run_main("--relabel", "x", w)
        self.assertEqual(code, 1)
        self.assertIn("this file lists 2", err)
        w, u = self.files(OLD.replace("`AMD EPYC`", "`<UNKNOWN>`"), OLD)
        code, err = self.run_main("--relabel", "x", w)
        self.assertEqual(code, 1)
        self.assertIn("`<UNKNOWN>`", err)
        code, err = self.run_main("--relabel", "a`b", r)
        self.assertEqual(code, 1)
        self.assertIn("without backquotes", err)
        self.assertEqual(self.read(r), OLD)

    def test_wrong_arguments_print_the_usage(self):
        self.assertEqual(self.run_main("--changed", "call", "--replace", "a", "b")[0], 2)
        self.assertEqual(self.run_main("a", "b", "--changed")[0], 2)
        self.assertEqual(self.run_main("--recount", "call", "--replace", "a", "b")[0], 2)
        self.assertEqual(self.run_main("only-one")[0], 2)
        self.assertEqual(self.run_main("--check", "a", "b")[0], 2)
        self.assertEqual(self.run_main("--merge", "a", "b")[0], 2)
        self.assertEqual(self.run_main("--replace", "--partial", "a", "b")[0], 2)


if __name__ == "__main__":
    unittest.main()
