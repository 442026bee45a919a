// The site's service worker (the build writes it to the site root as sw.js, after a line
// `const MANIFEST = {version, runtime: [...], runtimeOnDemand: [...], pages: [...]}` of URLs
// relative to this file). The Python runtime comes from the cache after the first visit, so
// repeat visits and restarts after a time limit skip the network (the runtime's files that
// only some browsers fetch, `runtimeOnDemand`, are cached when first fetched); every other
// file is fetched fresh when the network is there (edits and new builds show at once) and
// from the cache when it is not, so the site works offline after the first visit.

// Cache Storage belongs to the origin, which GitHub Pages gives every project site of an account:
// cache names carry this site's root path (as site_scope.js names localStorage keys), and
// cleaning up touches only this site's caches, never another course's or another version's.
const SITE_CACHES = `ml-exercise-kit:${new URL(self.registration.scope).pathname}:`;
const RUNTIME_CACHES = `${SITE_CACHES}runtime-`;
const RUNTIME_CACHE = RUNTIME_CACHES + MANIFEST.version;
const PAGES_CACHE = `${SITE_CACHES}pages`;
// Kits before that named their caches for the whole origin; each site takes its own entries out.
const isUnscopedCache = (name) => name === "ml-exercise-kit-pages" || name.startsWith("ml-exercise-kit-runtime-");
const toURL = (path) => new URL(path, self.registration.scope).href;
const runtimeURLs = new Set([...MANIFEST.runtime, ...MANIFEST.runtimeOnDemand].map(toURL));
const pageURLs = new Set(MANIFEST.pages.map(toURL));
const folderOf = (url) => new URL("./", url).href;
const siteFolders = new Set([...runtimeURLs, ...pageURLs].map(folderOf));

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await (await caches.open(RUNTIME_CACHE)).addAll(MANIFEST.runtime);
      await (await caches.open(PAGES_CACHE)).addAll(MANIFEST.pages);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const stale = names.filter((name) => name.startsWith(RUNTIME_CACHES) && name !== RUNTIME_CACHE);
      await Promise.all(stale.map((name) => caches.delete(name)));
      await Promise.all(names.filter(isUnscopedCache).map(removeThisSitesEntries));
      await self.clients.claim();
    })(),
  );
});

// Only the site's own files are handled; anything else (e.g. the local server's live-reload
// stream) goes to the network untouched.
self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  const url = event.request.url.split(/[?#]/)[0];
  if (runtimeURLs.has(url)) event.respondWith(cacheFirst(event));
  else if (pageURLs.has(url)) event.respondWith(networkFirst(event.request));
});

/** Removes the entries of this site's folders from a cache other sites may share, and the cache once empty. */
async function removeThisSitesEntries(name) {
  const cache = await caches.open(name);
  const requests = await cache.keys();
  const ours = requests.filter((request) => siteFolders.has(folderOf(request.url)));
  await Promise.all(ours.map((request) => cache.delete(request)));
  if (ours.length === requests.length) await caches.delete(name);
}

/** A runtime file the cache lacks (one fetched on demand) is kept once it has arrived, while
 *  the page already reads it. */
async function cacheFirst(event) {
  const cached = await caches.match(event.request, { cacheName: RUNTIME_CACHE, ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok) {
    const copy = response.clone();
    event.waitUntil(caches.open(RUNTIME_CACHE).then((cache) => cache.put(event.request, copy)));
  }
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) await (await caches.open(PAGES_CACHE)).put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: PAGES_CACHE, ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}
