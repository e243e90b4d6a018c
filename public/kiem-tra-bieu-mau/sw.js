// Service worker of the form check page only (scope /kiem-tra-bieu-mau/): keeps the page, its
// script, style, the published data and the check's Web Worker script (built into this folder:
// Chromium fetches a worker's script through the service worker whose scope holds its URL), so
// the check opens and runs again without a connection. Network
// first: online, every request goes to the site as usual and a new build is used at once; the
// copy answers only when the network does not. A form file is never fetched, so never stored.
const CACHE = 'kiem-tra-bieu-mau';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The page sends the URLs it loaded (its first visit is not yet controlled by this worker).
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.cache) ? event.data.cache.filter((u) => new URL(u, location.href).origin === location.origin) : [];
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(urls))
      .then(() => event.source?.postMessage({ cached: urls.length }))
      .catch(() => event.source?.postMessage({ cached: 0 })),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((cached) => cached ?? Response.error())),
  );
});
