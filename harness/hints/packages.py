"""Imports of packages the page does not have. Its Python has numpy and the standard library
only (sitebuild/boot/pyodide_runtime.py's PACKAGES); for the packages ML code often imports, say
how to do the usual thing with numpy."""

AVAILABLE = "Only numpy and Python's standard library are available here."
# A package's top-level name -> how to do without it.
WITH_NUMPY = {
    "scipy": (
        "scipy.spatial.distance.cdist(a, b) is np.linalg.norm(a[:, None] - b[None, :], axis=-1), and "
        "scipy.special.logsumexp(x, axis=1) is m + np.log(np.exp(x - m[:, None]).sum(axis=1)) with m = x.max(axis=1)"
    ),
    "torch": "write it with numpy arrays: np.linalg.norm for distances, np.maximum(x, 0) for clamp or relu, np.exp and np.log for a softmax",
    "sklearn": "sklearn's normalize(x) is x / np.linalg.norm(x, axis=1, keepdims=True)",
}
WITH_NUMPY["tensorflow"] = WITH_NUMPY["jax"] = WITH_NUMPY["torch"]


def missing_package(error):
    """The sentence for a ModuleNotFoundError (Pyodide's own message would suggest installing
    the package, which the page cannot do)."""
    name = error.name or str(error)
    top = name.split(".")[0]
    sentence = f"ModuleNotFoundError: No module named {name!r}. {AVAILABLE} This page cannot install {top}"
    advice = WITH_NUMPY.get(top)
    return f"{sentence}; do it with numpy instead: {advice}." if advice else f"{sentence}."


def missing_package_hint(error):
    """The run's hint for that import."""
    top = (error.name or str(error)).split(".")[0]
    return f"`{top}` is not available in this page: its Python has numpy and the standard library only."
