"""Loading and validating problem folders: the statement's front matter and examples, tests.py,
the reference and the known mistakes, run in a child process (instructor_code.py and
compute_suite.py) to get the Suite that ships as tests.json."""
