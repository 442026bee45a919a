"""The kit's version, as its pages and hand-in files name it. Raise it with every release that
changes what learners or instructors see or how code is graded."""

KIT_VERSION = "1.1.0"
