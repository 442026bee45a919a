// The CodeMirror 6 editor. Its extensions are listed here and in editor_later.js: the ones the
// first paint needs here, the rest there, loaded just after it, so that the editor is on
// screen and editable before most of CodeMirror's code has been downloaded and run.

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { indentUnit } from "@codemirror/language";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { editorTheme } from "./editor_theme.js";

/** Creates the editor in `parent`; onChange(code) after each edit, onRun() on Ctrl/Cmd+Enter. */
export function createEditor({ parent, code, onChange, onRun }) {
  const later = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentUnit.of("    "),
        ...editorTheme,
        highlightActiveLine(),
        // Long lines (the starter's docstring) wrap instead of running off the editor's right edge.
        EditorView.lineWrapping,
        // Before the keymap below, so that its keys (closing brackets, search) come first.
        later.of([]),
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (onRun(), true) }])),
        // Tab indents, as a Python learner expects; Escape then Tab leaves the editor.
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": "Python code editor" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  const laterLoaded = import("./editor_later.js").then((module) => {
    view.dispatch({ effects: later.reconfigure(module.laterExtensions) });
    return module;
  });
  return {
    getCode: () => view.state.doc.toString(),
    /** Replaces the whole text as one edit, so Ctrl+Z brings the old text back. */
    replaceCode: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: "input.reset" }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
    /** Marks each {line, message} (editor line numbers) as an error; [] clears the marks. */
    markProblems: (problems) =>
      laterLoaded.then(({ setDiagnostics }) => {
        const diagnostics = problems.map(({ line, message }) => {
          const marked = lineAt(view, line);
          return { from: marked.from, to: marked.to, severity: "error", message };
        });
        view.dispatch(setDiagnostics(view.state, diagnostics));
      }),
    /** Puts the cursor at the start of `line` and shows it. */
    goToLine: (line) => {
      view.dispatch({ selection: { anchor: lineAt(view, line).from }, scrollIntoView: true });
      view.focus();
    },
  };
}

/** Python may report a line just past the end (an unclosed bracket): use the last line then. */
function lineAt(view, line) {
  return view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
}
