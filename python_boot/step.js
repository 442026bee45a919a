/* The boot's error helper: the page says which step failed. */

/** Each loading step names itself when it fails, so the page can say what went wrong. */
export async function step(what, action) {
  try {
    return await action();
  } catch (error) {
    // Python errors arrive as whole tracebacks; their last line says what happened.
    const lines = String(error && error.message ? error.message : error).trim().split("\n");
    throw new Error(`${what} (${lines[lines.length - 1]})`);
  }
}
