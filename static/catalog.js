// The catalog at the site root: marks each problem the learner solved or attempted in this browser.

import { progressOf } from "./progress.js";

const LABELS = { solved: "✓ Solved", attempted: "Attempted" };

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
