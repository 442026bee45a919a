"""The base layer: what the build, the grading, the tests and the tools all use, importing
nothing of ours: where things live (paths), BuildError, digests, the kit's version, a child
process with deadlines (child_process), and running the build's Node scripts."""
