"""`explain_report`: why the extractor read one abstract the way it did, as text.

Three parts, in the order the extractor works:
1. the inventory: every typed mention (DATASET, SPLIT, SETTING, METRIC, SYSTEM) with
   its offset and the source that found it; datasets read as training data are marked;
2. the focus per sentence: the evaluation dataset a number with none of its own falls back to;
3. every number: its verdict and the rule that gave it, and for a claim the fields
   chosen with the rule behind the benchmark, the metric and the model.
The report is built from the same run that `extract_claims` makes (`assemble.run`), so
it cannot disagree with the claims.
"""

from __future__ import annotations

from leaderboard.extract.assemble import Trace, run
from leaderboard.extract.inventory import describe
from leaderboard.extract.model import paper_system
from leaderboard.records import Claim

_SNIPPET = 70


def explain_report(abstract: str, title: str | None = None) -> str:
    """The inventory, the focus per sentence and the reading of every number of `abstract`."""
    trace = run(abstract, title)
    lines = [f"title: {title}" if title else "title: (none)"]
    lines += _inventory_lines(trace, title)
    lines += _focus_lines(trace)
    lines += _number_lines(abstract, trace)
    return "\n".join(lines) + "\n"


def _inventory_lines(trace: Trace, title: str | None) -> list[str]:
    if trace.inventory is None:
        return ["inventory: (not taken: no number of this abstract reads as a result)"]
    rule = paper_system(trace.text, title)[1]  # the same reading `run` made, with its rule
    lines = [f"system (the paper's own): {trace.own or '(unnamed)'}  [{rule}]", "inventory:"]
    for m in trace.inventory.title_datasets:
        lines.append(f"  title  DATASET  {m.text!r}  [{m.source}]")
    for m in describe(trace.inventory, trace.text):
        mark = "  (training data: never a benchmark)" if m.training else ""
        lines.append(f"  {m.start:>5}  {m.kind:<8} {m.text!r}  [{m.source}]{mark}")
    return lines


def _focus_lines(trace: Trace) -> list[str]:
    if trace.inventory is None:
        return []
    lines = ["focus per sentence:"]
    bounds = [*trace.starts, len(trace.text)]
    for k, start in enumerate(trace.starts):
        focus = trace.inventory.focus_at(start)
        snippet = " ".join(trace.text[start : bounds[k + 1]].split())[:_SNIPPET]
        lines.append(f"  s{k + 1} {snippet!r}: {focus.text if focus else '(none)'}")
    return lines


def _number_lines(abstract: str, trace: Trace) -> list[str]:
    if not trace.decisions:
        return ["numbers: (none)"]
    lines = ["numbers:"]
    sentence_no = {start: k + 1 for k, start in enumerate(trace.starts)}
    for d in trace.decisions:
        value = abstract[d.token.start : d.token.end]
        where = f"s{sentence_no.get(d.sentence[0], '?')} @{d.token.start}"
        lines.append(f"  {value!r} ({where}): {d.verdict} by rule {d.rule.name}")
        if d.claim is not None:
            lines += _claim_lines(d.claim)
    return lines


def _claim_lines(c: Claim) -> list[str]:
    metric_rule = c.extra.get("metric_rule", "metric:none")
    if c.metric and metric_rule == "metric:none":
        metric_rule = "metric:shared with a related claim (list, delta, sentence)"
    out = [
        f"      benchmark = {c.benchmark!r}  ({c.extra.get('bench_rule', 'bench:none')})",
        f"      metric    = {c.metric!r}  ({metric_rule})",
        f"      model     = {c.model!r}  ({c.extra.get('model_rule', 'model:none')})",
    ]
    extras = {"baseline_model": c.baseline_model, "baseline_value": c.baseline_value}
    extras["condition"] = c.condition
    out += [f"      {k:<9} = {v!r}" for k, v in extras.items() if v is not None]
    return out
