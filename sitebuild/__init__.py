"""Turns the repository (problems/, static/, harness/, vendor/) into the static site in _site/."""
