// Light or dark theme: the learner's choice if they made one, else the system's. Loaded by a
// plain <script> in <head>, so the theme is set before the page is first painted (no flash).

// One choice for the whole origin, unlike drafts and progress (site_scope.js): it is how this
// learner wants pages drawn on this screen, not work in one course, so every course on the
// account follows it (no flash of the other theme when moving between them).
const STORAGE_KEY = "ml-exercise-kit:theme";
const systemPrefersDark = window.matchMedia("(prefers-color-scheme: dark)");

// Storage can be refused (blocked cookies, some private modes): then the choice lasts for this page.
function storedChoice() {
  try {
    const choice = window.localStorage.getItem(STORAGE_KEY);
    return choice === "light" || choice === "dark" ? choice : null;
  } catch {
    return null;
  }
}

function storeChoice(theme) {
  try {
    window.localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not kept; the theme still changes on this page.
  }
}

let choice = storedChoice();

function applyTheme() {
  const theme = choice ?? (systemPrefersDark.matches ? "dark" : "light");
  document.documentElement.dataset.theme = theme;
  const toggle = document.querySelector('[data-testid="theme-toggle"]');
  if (toggle) toggle.setAttribute("aria-pressed", String(theme === "dark"));
}

applyTheme();
systemPrefersDark.addEventListener("change", applyTheme);
// A choice made in another tab applies here too.
window.addEventListener("storage", (event) => {
  if (event.key !== STORAGE_KEY) return;
  choice = storedChoice();
  applyTheme();
});
document.addEventListener("DOMContentLoaded", applyTheme);
// A page shown in place of another (static/page_navigation.js) brings its own toggle.
document.addEventListener("kit:page-shown", applyTheme);
document.addEventListener("click", (event) => {
  if (!event.target.closest?.('[data-testid="theme-toggle"]')) return;
  choice = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
  storeChoice(choice);
  applyTheme();
});
