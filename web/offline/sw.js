// The handbook's offline copy. The build writes this file as sw.js at the site's
// root with two lines on top: VERSION (a hash of every file it lists) and FILES
// (every page, script, style and image of that build, relative to this file).
//
// Cache first: a build's files never change under the same VERSION, so a cached
// copy is the right copy. A new build installs beside the old one and waits: the
// page offers "reload" instead of swapping files under a reader mid-call. What a
// reader types lives in their browser's storage, never in this cache.
/* global VERSION, FILES */
const CACHE = `mir-${VERSION}`;

// Past the browser's HTTP cache: a host may say a page keeps for minutes, and the
// files of this version must all be this version's.
self.addEventListener("install", (event) => {
  const fresh = FILES.map((file) => new Request(file, { cache: "reload" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((key) => key.startsWith("mir-") && key !== CACHE).map((key) => caches.delete(key)),
  )).then(() => self.clients.claim()));
});

self.addEventListener("message", (event) => {
  if (event.data === "mir:reload") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fromCache(request));
});

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (offline) {
    if (request.mode === "navigate") {
      const missing = await cache.match(new URL("404.html", self.registration.scope).href);
      if (missing) return missing;
    }
    throw offline;
  }
}
