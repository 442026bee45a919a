// The editor's extensions that its first paint does not need: Python's syntax (highlighting and
// indentation), completion, search, bracket help and the error marks. editor.js lists the
// rest and loads this file once the editor is on screen (about 40% of CodeMirror's code).

import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { python } from "@codemirror/lang-python";
import { bracketMatching, indentOnInput } from "@codemirror/language";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { keymap } from "@codemirror/view";

export { setDiagnostics };

export const laterExtensions = [
  python(),
  indentOnInput(),
  bracketMatching(),
  closeBrackets(),
  autocompletion(),
  highlightSelectionMatches(),
  lintGutter(),
  keymap.of([...closeBracketsKeymap, ...searchKeymap, ...completionKeymap]),
];
