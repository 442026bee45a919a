// The site's service worker (the build writes it to the site root as sw.js, after a line
// `const MANIFEST = {version, runtime: [...], pages: [...]}` of URLs relative to this file).
// The Python runtime and its wheels come from the cache after the first visit, so repeat
// visits and restarts after a time limit skip the network; every other file is fetched
// fresh when the network is there (edits and new builds show at once) and from the cache
// when it is not, so the site works offline after the first visit.

const RUNTIME_CACHE = `ml-exercise-kit-runtime-${MANIFEST.version}`;
const PAGES_CACHE = "ml-exercise-kit-pages";
const toURL = (path) => new URL(path, self.registration.scope).href;
const runtimeURLs = new Set(MANIFEST.runtime.map(toURL));
const pageURLs = new Set(MANIFEST.pages.map(toURL));

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
      const stale = (await caches.keys()).filter((name) => name.startsWith("ml-exercise-kit-runtime-") && name !== RUNTIME_CACHE);
      await Promise.all(stale.map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

// Only the site's own files are handled; anything else (e.g. the local server's live-reload
// stream) goes to the network untouched.
self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  const url = event.request.url.split(/[?#]/)[0];
  if (runtimeURLs.has(url)) event.respondWith(cacheFirst(event.request));
  else if (pageURLs.has(url)) event.respondWith(networkFirst(event.request));
});

async function cacheFirst(request) {
  return (await caches.match(request, { cacheName: RUNTIME_CACHE, ignoreSearch: true })) ?? fetch(request);
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
