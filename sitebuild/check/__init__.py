"""`make check`: every problem graded in CPython and in Pyodide, the starter failing, and no
solution code in the built site."""
