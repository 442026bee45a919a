"""How much memory a grading process holds, with everything it started (bubblewrap starts Node
as its grandchild). Python's memory and JavaScript's heap have their own limits, but a typed
array reached from Python lives outside both: the runner ends a process past its share."""

import psutil


def resident_bytes(pid):
    """The resident memory of process `pid` and its descendants; 0 once it is gone."""
    try:
        root = psutil.Process(pid)
        tree = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for process in tree:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            pass  # ended meanwhile
    return total
