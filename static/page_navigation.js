// Moving between the site's pages without leaving the page, so that Python (the worker app.js
// keeps) stays alive: a click on a link to an exercise page or the catalog fetches that page's
// HTML (the service worker answers it offline), puts its body, title and config in place of
// this page's and gives the URL to history.pushState; the back and forward buttons do the same
// for the URL they return to. Every URL still loads as a page of its own (a link opened in a new
// tab, a reload, a deep link); anything unexpected here falls back to that full load.

import { SITE_ROOT_PATH } from "./storage/site_scope.js";

// The ids of the JSON each kind of page carries in its <head> (sitebuild/site/pages.py).
const CONFIG_IDS = { exercise: "problem-config", catalog: "catalog-config" };

/** The kind of site page `url` is ("exercise" or "catalog"), or null for anything else. */
export function pageKind(url, rootPath = SITE_ROOT_PATH) {
  if (!url.pathname.startsWith(rootPath)) return null;
  const path = url.pathname.slice(rootPath.length);
  if (path === "" || path === "index.html") return "catalog";
  return /^problems\/[^/]+\/(index\.html)?$/.test(path) ? "exercise" : null;
}

/** Handles the clicks and history moves between site pages; show(kind) runs once the page's
 *  body and config are in place and its URL is the document's. */
export function navigateWithinPage(show) {
  let latest = 0; // a navigation overtaken by a newer one is dropped
  async function go(url, { push }) {
    const navigation = ++latest;
    let next = null;
    try {
      const response = await fetch(url);
      if (response.ok) next = new DOMParser().parseFromString(await response.text(), "text/html");
    } catch {
      // offline without a copy, or the server gone: the browser's own load says so
    }
    if (navigation !== latest) return;
    const kind = next && Object.keys(CONFIG_IDS).find((name) => next.getElementById(CONFIG_IDS[name]));
    if (!kind || kind !== pageKind(url)) {
      if (push) location.assign(url);
      else location.reload();
      return;
    }
    if (push) history.pushState(null, "", url);
    putInPlace(next);
    window.scrollTo(0, 0);
    show(kind);
  }
  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (link.target || link.hasAttribute("download")) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || !pageKind(url)) return;
    if (url.pathname === location.pathname && url.search === location.search) return; // a link within this page
    event.preventDefault();
    go(url, { push: true });
  });
  window.addEventListener("popstate", () => go(new URL(location.href), { push: false }));
}

/** This document takes `next`'s title, stylesheets, page config and body. */
function putInPlace(next) {
  document.title = next.title;
  // Relative addresses in `next` are relative to its URL, which is now this document's.
  const sheets = new Set([...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.href));
  for (const link of next.querySelectorAll('link[rel="stylesheet"]')) {
    const href = new URL(link.getAttribute("href"), document.baseURI).href;
    if (sheets.has(href)) continue;
    const sheet = document.importNode(link);
    sheet.href = href;
    document.head.append(sheet);
  }
  for (const id of Object.values(CONFIG_IDS)) document.getElementById(id)?.remove();
  for (const id of Object.values(CONFIG_IDS)) {
    const config = next.getElementById(id);
    if (config) document.head.append(document.importNode(config, true));
  }
  document.body.replaceWith(document.adoptNode(next.body));
  document.dispatchEvent(new Event("kit:page-shown"));
}
