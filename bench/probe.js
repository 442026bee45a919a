// Added to every page the benchmark opens, before the page's own scripts run (Playwright's
// add_init_script; it is not part of the site). Records, in ms since navigation start,
// when the exercise page's public hooks change, so that timings are taken inside the page
// and not at the speed of Playwright's polling. bench/page_driver.py reads window.__bench.
(() => {
  const record = (window.__bench = { statement: null, editor: null, states: [], summaries: [], runClicks: [] });
  const hook = (testid) => document.querySelector(`[data-testid="${testid}"]`);
  let editorSeen = false;

  new MutationObserver((mutations) => {
    const now = performance.now();
    if (record.statement === null && hook("statement")?.textContent.trim()) record.statement = now;
    if (!editorSeen && document.querySelector('[data-testid="editor"] .cm-content')?.isContentEditable) {
      editorSeen = true;
      // Usable once painted: the frame after it appears.
      requestAnimationFrame(() => (record.editor = performance.now()));
    }
    const state = hook("runtime-status")?.dataset.state;
    if (state && state !== record.states.at(-1)?.[1]) record.states.push([now, state]);
    const summary = hook("results-summary");
    if (summary && mutations.some((mutation) => summary.contains(mutation.target))) record.summaries.push([now, summary.textContent]);
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["data-state", "contenteditable"] });

  document.addEventListener(
    "click",
    (event) => {
      if (event.target.closest?.('[data-testid="run-tests"]')) record.runClicks.push(performance.now());
      // In ms of the clock shared by the pages of a tab, kept across a page load (P6).
      if (event.target.closest?.("a[href]")) sessionStorage.setItem("bench-link-click", performance.timeOrigin + performance.now());
    },
    true,
  );
})();
