"""Writing the site: the pages (with the statement's markdown and math), the bundled page
scripts and the service worker; build.py's build_site puts it all together."""
