"""Starting browsers for the tests, the bench and the scripts (never a part of the site)."""
