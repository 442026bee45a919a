"""The tables `make bench` prints, from the samples of bench/run.py: {measure: [values]},
times in ms since navigation start (or from the click), sizes in bytes."""

from dataclasses import dataclass
from statistics import median


@dataclass(frozen=True)
class Goal:
    label: str
    measure: str
    limit: float  # ms, or a ratio to `base` when there is one
    base: str | None = None
    base_label: str = ""
    strict: bool = False  # "<" rather than "≤"

    def text(self):
        sign = "<" if self.strict else "≤"
        return f"{sign} {self.limit}× {self.base_label}" if self.base else f"{sign} {self.limit:g} ms"


# The goals of the issue "Python with numpy and the harness ready from one restore, in fewer
# bytes". P1's goal depends on the profile: the network or the processor a visit runs on.
P1_GOALS = {"loopback": 0.35, "throttled": 0.6, "slow processor": 0.35}
OTHER_GOALS = (
    Goal("P1b first result after reading", "P1b", 150),
    Goal("P2  statement and editor usable", "P2", 300, strict=True),
    Goal("P3  re-run after an edit", "P3", 100),
    Goal("P4  repeat visit → ready", "P4", 0.25, base="naive cold", base_label="naive cold"),
    Goal("P5  recovery after a timeout → ready", "P5", 1000),
    Goal("P6  another exercise → ready", "P6", 150),
)
MILESTONES = (
    "worker requested",
    "pyodide.js requested",
    "runtime downloaded",
    "numpy's libraries downloaded",
    "snapshot downloaded",
    "Python started",
    "numpy loaded",
    "ready",
    "first result",
)
MEMORY_COLUMNS = ("page JS heap", "worker JS heap", "workers alive", "renderer process")


def goals(profile):
    return (Goal("P1  cold first result", "P1", P1_GOALS[profile], base="naive cold", base_label="naive cold"), *OTHER_GOALS)


def goals_table(samples, profile=None, goals=None):
    rows = [("measure", "ours: median (min–max)", "compared with", "ratio", "goal", "met?")]
    for goal in goals or globals()["goals"](profile):
        ours = samples.get(goal.measure)
        base = samples.get(goal.base) if goal.base else None
        if not ours or (goal.base and not base):
            rows.append((goal.label, spread(ours), "", "", goal.text(), "n/a"))
            continue
        value = median(ours) / median(base) if base else median(ours)
        met = value < goal.limit if goal.strict else value <= goal.limit
        compared = f"{goal.base_label} {spread(base)}" if base else "—"
        rows.append((goal.label, spread(ours), compared, f"{value:.2f}×" if base else "—", goal.text(), "yes" if met else "NO"))
    return table(rows) + f"\nNaive page, repeat visit → result: {spread(samples.get('naive repeat'))}"


def milestones_table(samples):
    """Where a cold start's time goes: medians, in ms since navigation start."""
    rows = [("cold start: reached at (median)", "ours", "naive")]
    for milestone in MILESTONES:
        rows.append((milestone, duration(_median_of(samples, f"ours: {milestone}")), duration(_median_of(samples, f"naive: {milestone}"))))
    return table(rows)


def bytes_lines(samples):
    critical, naive_critical, ours, naive, repeat = (
        size(_median_of(samples, name))
        for name in ("bytes before ready", "naive bytes before ready", "bytes, first visit", "naive bytes, first visit", "bytes, repeat visit")
    )
    return (
        f"Bytes on the critical path (arrived before ready; the naive page: before its result): ours {critical}, naive {naive_critical}\n"
        f"Bytes transferred, whole first visit: ours {ours}, naive {naive}\n"
        f"Bytes transferred, repeat visit: ours {repeat}"
    )


def memory_table(samples):
    """Medians at each point of a session; `renderer process` is the page's process, worker included."""
    points = list(dict.fromkeys(key.split(": ")[0].removeprefix("memory ") for key in samples if key.startswith("memory ")))
    rows = [("memory (median)", *MEMORY_COLUMNS)]
    for point in points:
        rows.append((point, *(_memory_cell(column, _median_of(samples, f"memory {point}: {column}")) for column in MEMORY_COLUMNS)))
    return table(rows) + "\n" + _growth(samples, points)


def _memory_cell(column, value):
    return f"{value:g}" if column == "workers alive" and value is not None else size(value)


def _growth(samples, points):
    """Goal: no growth from run to run; the first point is after one run, the second after ten."""
    if len(points) < 2:
        return ""
    changes = []
    for column in ("page JS heap", "worker JS heap", "renderer process"):
        before, after = (_median_of(samples, f"memory {point}: {column}") for point in points[:2])
        if before is not None and after is not None:
            changes.append(f"{column} {'+' if after >= before else '−'}{size(abs(after - before))}")
    return f"Growth {points[0]} → {points[1]} (goal: no growth): " + ", ".join(changes)


def _median_of(samples, measure):
    values = samples.get(measure)
    return median(values) if values else None


def spread(values):
    if not values:
        return "—"
    if len(values) == 1:
        return duration(values[0])
    return f"{duration(median(values))} ({duration(min(values))}–{duration(max(values))})"


def duration(ms):
    if ms is None:
        return "—"
    return f"{ms:.0f} ms" if ms < 1000 else f"{ms / 1000:.2f} s"


def size(count):
    if count is None:
        return "—"
    for unit, scale in (("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count:.0f} B"


def table(rows):
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


# The goals of the issue "Fast in Safari's engine too, and the next exercise ready at once", by engine.
ENGINE_P1_GOALS = {"Firefox": 0.35, "WebKitGTK": 0.6}


def engine_table(samples, engine):
    """One engine's measures (bench/other_engines.py) beside the naive page's cold result."""
    if "unavailable" in samples:
        return f"{engine}: skipped, {samples['unavailable']}"
    goals = (
        Goal("P1  cold first result", "P1", ENGINE_P1_GOALS[engine], base="naive cold", base_label="naive cold"),
        Goal("P4  repeat visit → ready", "P4", 0.25, base="naive cold", base_label="naive cold"),
        Goal("P6r another exercise right after ready", "P6r", 150),
        Goal("P6  another exercise → ready", "P6", 150),
    )
    return goals_table(samples, goals=goals).rsplit("\nNaive page", 1)[0]
