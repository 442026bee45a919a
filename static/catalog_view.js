// The catalog at the site root (catalog.js on its own page; app.js when the learner comes back to
// it from an exercise without leaving the page): marks each problem the learner solved or attempted in this
// browser, and downloads the learner's code of every problem at once as hand-in files (a .zip).

import { savedDraft } from "./storage/drafts.js";
import { handInFileName, handInText, saveFile } from "./handin/handin.js";
import { lastRunOf, progressOf } from "./storage/progress.js";
import { zipFiles } from "./handin/zip.js";

const LABELS = { solved: "✓ Solved", attempted: "Attempted" };
const HAND_IN_ZIP = "ml-exercises.zip"; // grading/regrade.py knows this name when it tells learners apart

/** Fills in the catalog the page shows (its items, its #catalog-config). */
export function showCatalog() {
  const config = JSON.parse(document.getElementById("catalog-config").textContent);
  const items = [...document.querySelectorAll("[data-slug]")].map((item) => ({ item, progress: progressOf(item.dataset.slug) }));
  for (const { item, progress } of items) {
    if (!progress) continue;
    const badge = document.createElement("span");
    badge.className = `progress progress--${progress}`;
    badge.dataset.testid = "progress";
    badge.dataset.progress = progress;
    badge.textContent = LABELS[progress];
    item.querySelector(".catalog-item__heading").append(badge);
  }
  const solved = items.filter(({ progress }) => progress === "solved").length;
  const summary = document.querySelector('[data-testid="progress-summary"]');
  summary.textContent = `You have solved ${solved} of ${items.length} exercises in this browser.`;
  summary.hidden = !items.some(({ progress }) => progress);

  const downloadArea = document.querySelector('[data-testid="download-all-area"]');
  downloadArea.hidden = handInFiles(config).length === 0;
  document.querySelector('[data-testid="download-all"]').addEventListener("click", () => saveFile(HAND_IN_ZIP, zipFiles(handInFiles(config))));
}

/** A hand-in file for every problem the learner has code of in this browser. */
function handInFiles(config) {
  return Object.entries(config.handIn).flatMap(([slug, facts]) => {
    const code = savedDraft(slug);
    return code === null ? [] : [{ name: handInFileName(slug), text: handInText({ ...facts, slug, code, lastRun: lastRunOf(slug) }) }];
  });
}
