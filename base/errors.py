class BuildError(Exception):
    """A problem a person must fix before the site can be built: where, what, and how to fix it."""

    def __init__(self, where, what, fix):
        super().__init__(f"{where}: {what}\n  How to fix: {fix}")
        self.where = where
        self.what = what
        self.fix = fix
