// The Python console under the editor: a prompt whose entries run, in the worker, on the
// learner's current code (harness/console.py), and a log of what each gave. Everything
// Python sends back is set as textContent, never parsed as HTML.

import { openConsoleHistory } from "./storage/console_history.js";

const MAX_LOGGED_ENTRIES = 50;
const INDENT = "    ";

/** `root` holds the panel's markup (index.html). run(entry) resolves with the worker's reply
 *  or {stopped: "timeout" | "crash", reason}; onGoToLine(line) shows an editor line. */
export function createConsole(root, { slug, timeLimitSeconds, run, onGoToLine }) {
  const part = (testid) => root.querySelector(`[data-testid="${testid}"]`);
  const toggle = part("console-toggle");
  const panel = root.querySelector(".console__panel");
  const log = part("console-output");
  const input = part("console-input");
  const runButton = part("console-run");
  let history = null; // read from storage when the console is first opened
  let browsing = null; // while Up/Down go through the history: {index, draft}
  // Whether Python may hold names from earlier entries; if a later entry finds the code loaded
  // for the first time, Python was restarted in between (a test hit its time limit, say).
  let namesMayExist = false;

  function open() {
    history ??= openConsoleHistory(slug);
    panel.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    root.dataset.state = "open";
    if (!history.kept) part("console-storage-note").hidden = false;
  }

  function close() {
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    root.dataset.state = "closed";
  }

  /** Puts `text` in the prompt, the caret at its end (or at the end of its first line). */
  function setInput(text, caretOnFirstLine = false) {
    input.value = text;
    const caret = caretOnFirstLine && text.includes("\n") ? text.indexOf("\n") : text.length;
    input.setSelectionRange(caret, caret);
    fitInput();
  }

  function fitInput() {
    input.style.height = "auto";
    input.style.height = `${input.scrollHeight + input.offsetHeight - input.clientHeight}px`;
  }

  // Entries typed while one runs wait their turn (the runner takes them one at a time).
  async function runInput() {
    const entry = input.value.replace(/\s+$/, "");
    if (!entry.trim()) return;
    history.add(entry);
    browsing = null;
    setInput("");
    const shown = logEntry(entry);
    try {
      showReply(shown, await run(entry));
    } catch (error) {
      showProblem(shown, "error", `Python could not be loaded: ${error.message}. Check your connection, then press Retry above.`);
    }
    log.scrollTop = log.scrollHeight;
  }

  function logEntry(entry) {
    const shown = element("li", "console-entry");
    shown.dataset.testid = "console-entry";
    shown.dataset.status = "running";
    shown.append(element("pre", "console-entry__input", entry));
    log.append(shown);
    while (log.children.length > MAX_LOGGED_ENTRIES) log.firstElementChild.remove();
    log.scrollTop = log.scrollHeight;
    return shown;
  }

  function showReply(shown, reply) {
    if (reply.stopped) {
      const what = reply.stopped === "timeout" ? `This ran longer than ${timeLimitSeconds} s, the time limit of a test, so it was stopped.` : `Python stopped (${reply.reason}).`;
      namesMayExist = false;
      return showProblem(shown, reply.stopped, `${what} Python restarted: names you defined here are gone, your code in the editor is kept.`);
    }
    if (reply.loaded === "changed") shown.append(note("Your code changed, so it was loaded afresh: names you defined here before are gone."));
    else if (reply.loaded === "first" && namesMayExist) shown.append(note("Python was restarted since your last entry, so your code was loaded afresh: names you defined here before are gone."));
    namesMayExist = true;
    if (reply.load_error) {
      shown.append(note("Your code in the editor could not be loaded; what it defined before this error is here:"));
      shown.append(withLineLink(labelled("console-load-error", "console-entry__error", reply.load_error.message), reply.load_error.line));
    }
    if (reply.output) shown.append(labelled("console-printed", "console-entry__output", reply.output));
    if (reply.value !== null) {
      const value = labelled("console-value", "console-entry__value", reply.value);
      if (reply.value_note) value.prepend(element("span", "console-entry__value-note", reply.value_note + "\n"));
      shown.append(value);
    }
    if (reply.error) shown.append(withLineLink(labelled("console-error", "console-entry__error", reply.error.message), reply.error.line));
    shown.dataset.status = reply.error ? "error" : "ok";
  }

  function showProblem(shown, status, text) {
    shown.append(labelled("console-error", "console-entry__error", text));
    shown.dataset.status = status;
  }

  /** A message that names an editor line, followed by a button that goes there. */
  function withLineLink(message, line) {
    if (!line) return message;
    const wrapper = document.createDocumentFragment();
    const button = element("button", "button button--small", `Go to line ${line}`);
    button.type = "button";
    button.addEventListener("click", () => onGoToLine(line));
    wrapper.append(message, button);
    return wrapper;
  }

  /** Up on the first line and Down on the last go through the history, as in a terminal; the
   *  caret lands where the next press in the same direction goes on through it. */
  function browseHistory(step) {
    const entries = history.entries;
    browsing ??= { index: entries.length, draft: input.value };
    const index = Math.min(Math.max(browsing.index + step, 0), entries.length);
    if (index === browsing.index) return;
    browsing.index = index;
    setInput(index === entries.length ? browsing.draft : entries[index], step < 0);
  }

  input.addEventListener("keydown", (event) => {
    if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    const before = input.value.slice(0, input.selectionStart);
    const after = input.value.slice(input.selectionEnd);
    if (event.key === "Enter") {
      event.preventDefault();
      // As in Python's console, a line ending in ":" opens a block that Enter continues; an empty line ends it.
      if (event.shiftKey || (!after && inBlock(before))) insertLine(before, after);
      else runInput();
    } else if (event.key === "ArrowUp" && !before.includes("\n") && input.selectionStart === input.selectionEnd) {
      event.preventDefault();
      browseHistory(-1);
    } else if (event.key === "ArrowDown" && !after.includes("\n") && input.selectionStart === input.selectionEnd) {
      event.preventDefault();
      browseHistory(1);
    }
  });

  function insertLine(before, after) {
    const lastLine = before.slice(before.lastIndexOf("\n") + 1);
    const indent = lastLine.match(/^\s*/)[0] + (lastLine.trimEnd().endsWith(":") ? INDENT : "");
    input.setRangeText(`\n${indent}`, input.selectionStart, input.selectionEnd, "end");
    fitInput();
  }

  input.addEventListener("input", fitInput);
  runButton.addEventListener("click", runInput);
  part("console-clear").addEventListener("click", () => log.replaceChildren());
  toggle.addEventListener("click", () => (panel.hidden ? open() : close()));

  return {
    /** Opens the console with `call` in its prompt, ready to run or edit ("Try in console"). */
    tryCall(call) {
      open();
      setInput(call);
      root.scrollIntoView({ block: "nearest", behavior: "smooth" });
      input.focus({ preventScroll: true });
    },
  };
}

/** Whether Enter at the end of `text` continues a block: its last line opens one (ends in
 *  ":") or is an indented, non-empty line of one. */
function inBlock(text) {
  const lastLine = text.slice(text.lastIndexOf("\n") + 1);
  return lastLine.trimEnd().endsWith(":") || (/^\s/.test(lastLine) && lastLine.trim() !== "");
}

function note(text) {
  return element("p", "console-entry__note", text);
}

function labelled(testid, className, text) {
  const block = element("pre", className, text);
  block.dataset.testid = testid;
  return block;
}

function element(tag, className, text) {
  const made = document.createElement(tag);
  made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}
