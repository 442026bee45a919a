"""The CPython counterpart of static/worker.js, run as a child process by runner.py.

Protocol, one JSON object per line (formats/child_messages.v1.schema.json): requests arrive
on stdin, answers leave on stdout.

    {"type": "init"}                                    ->  {"result": {"harness": <harness/__init__.py it imported>}}
    {"type": "run", "tests_json": <tests.json text>, "code"} ->  {"progress": {"event": "test-started", "index"}}
                                                      {"progress": {"event": "test-finished", "index", "result"}}
                                                      ... then {"result": <results object>}
Any request may be answered {"error": message} instead. Time limits are enforced by the
runner, which kills this process, as the page terminates its worker.
"""

import json
import resource

from base.child_process import MEMORY_LIMIT_BYTES, protocol_streams


def main():
    requests, answers = protocol_streams()
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    import harness
    from harness import entry

    def answer(message):
        answers.write(json.dumps(message) + "\n")
        answers.flush()

    def test_started(index):
        answer({"progress": {"event": "test-started", "index": index}})

    def test_finished(index, result_json):
        answer({"progress": {"event": "test-finished", "index": index, "result": json.loads(result_json)}})

    entry.start()
    for line in requests:
        request = json.loads(line)
        try:
            if request["type"] == "init":
                answer({"result": {"harness": harness.__file__}})
            else:
                answer({"result": json.loads(entry.grade(request["tests_json"], request["code"], "tests", test_started, test_finished))})
        except Exception as error:  # noqa: BLE001 - reported to the runner, as worker.js reports to the page
            answer({"error": f"{type(error).__name__}: {error}"})



if __name__ == "__main__":
    main()
