"""The hidden tests of SGD with momentum ("Run tests"; the visible example is in the
statement). Each test is a scenario: it builds an optimiser, calls its step several times
and returns what the steps gave. Expected values are what the same code gives with
solution.py, computed at build time; `expected` is what a name promises, and the build
checks it."""

import numpy as np

from harness import Case

CASES = [
    Case(
        name="Example: two steps with lr=0.1, momentum=0.5 -> [0.75, -2.25]",
        # The second step carries half the first velocity: plain gradient descent ends at
        # [0.8, -2.2], a moving-average velocity at [0.85, -2.15].
        code="""\
opt = SGDMomentum(lr=0.1, momentum=0.5)
p = opt.step(np.array([1.0, -2.0]), np.array([1.0, 1.0]))
p = opt.step(p, np.array([1.0, 1.0]))
p
""",
        expected=np.array([0.75, -2.25]),
    ),
    Case(
        name="Defaults lr=0.01, momentum=0.9: the params after each of 3 steps",
        # A constant gradient: the velocity grows 1, 1.9, 2.71 times the gradient. Built with
        # no arguments, so a default other than 0.01 or 0.9 shows.
        code="""\
opt = SGDMomentum()
grads = np.array([2.0, -1.0, 0.5])
p1 = opt.step(np.array([0.0, 0.0, 0.0]), grads)
p2 = opt.step(p1, grads)
p3 = opt.step(p2, grads)
(p1, p2, p3)
""",
        expected=(np.array([-0.02, 0.01, -0.005]), np.array([-0.058, 0.029, -0.0145]), np.array([-0.1122, 0.0561, -0.02805])),
    ),
    Case(
        name="Gradients that flip sign: velocity after +g, -g, +g with momentum 0.5",
        # The velocity runs g, -0.5g, 0.75g: the last step is shorter than the first. Resetting
        # the velocity steps the full g each time; a flipped sign climbs instead of descending.
        code="""\
opt = SGDMomentum(lr=0.2, momentum=0.5)
g = np.array([[1.0, -2.0], [0.5, 4.0]])
p = np.array([[1.0, 1.0], [-1.0, 0.0]])
for sign in (1.0, -1.0, 1.0):
    p = opt.step(p, sign * g)
p
""",
    ),
    Case(
        name="A (3, 2) weight matrix, 5 steps of gradients that change from step to step",
        # The gradients are built without np.random, whose first import in a fresh page can
        # take longer than a test's time limit.
        code="""\
opt = SGDMomentum(lr=0.05, momentum=0.8)
w = np.array([[0.5, -1.0], [2.0, 0.0], [-0.3, 1.5]])
for t in range(5):
    grads = np.sin(np.arange(6) * 1.3 + t).reshape(3, 2)
    w = opt.step(w, grads)
w
""",
    ),
    Case(
        name="step returns a new array and leaves the params it was given unchanged",
        # (the params passed in, after the step; the step's result)
        code="""\
opt = SGDMomentum(lr=0.5, momentum=0.9)
params = np.array([3.0, -1.0])
updated = opt.step(params, np.array([1.0, 2.0]))
(params, updated)
""",
        expected=(np.array([3.0, -1.0]), np.array([2.5, -2.0])),
    ),
    Case(
        name="Two optimisers keep their own velocities",
        # Steps of the two interleaved: a velocity shared through the class mixes them up.
        code="""\
fast = SGDMomentum(lr=0.1, momentum=0.9)
slow = SGDMomentum(lr=0.1, momentum=0.0)
a = np.array([1.0])
b = np.array([1.0])
for _ in range(3):
    a = fast.step(a, np.array([1.0]))
    b = slow.step(b, np.array([1.0]))
(a, b)
""",
        expected=(np.array([1.0 - 0.1 * (1 + 1.9 + 2.71)]), np.array([0.7])),
    ),
]
