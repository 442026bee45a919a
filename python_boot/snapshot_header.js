/* The snapshot file says what it is before its memory is used: the magic bytes "MLKSNAP\0",
   the format version (a little-endian u32), the length of the Pyodide version that made it
   (u32) and that version in ASCII; then the snapshot itself (restore.js). A file made by another
   format or for other runtime files is refused at restore, and Python boots the plain way. */

const MAGIC = "MLKSNAP\0";
export const SNAPSHOT_FORMAT_VERSION = 1;

/** Something the restore found different from the build: Python boots the plain way. */
export class SnapshotMismatch extends Error {}

/** `snapshot` headed by the header for `pyodideVersion`. */
export function withSnapshotHeader(pyodideVersion, snapshot) {
  const version = new TextEncoder().encode(pyodideVersion);
  const file = new Uint8Array(16 + version.length + snapshot.length);
  file.set(new TextEncoder().encode(MAGIC));
  const view = new DataView(file.buffer);
  view.setUint32(8, SNAPSHOT_FORMAT_VERSION, true);
  view.setUint32(12, version.length, true);
  file.set(version, 16);
  file.set(snapshot, 16 + version.length);
  return file;
}

/** The snapshot after its header, once the header says it is ours, of this format, made for
 *  `pyodideVersion`; a SnapshotMismatch otherwise. */
export function snapshotBody(file, pyodideVersion) {
  const magic = new TextDecoder().decode(file.subarray(0, 8));
  if (file.length < 16 || magic !== MAGIC) throw new SnapshotMismatch("the snapshot file does not start with the kit's header");
  const view = new DataView(file.buffer, file.byteOffset, file.length);
  const format = view.getUint32(8, true);
  if (format !== SNAPSHOT_FORMAT_VERSION) throw new SnapshotMismatch(`the snapshot file has format ${format}, this page reads format ${SNAPSHOT_FORMAT_VERSION}`);
  const versionBytes = view.getUint32(12, true);
  const madeFor = new TextDecoder().decode(file.subarray(16, 16 + versionBytes));
  if (madeFor !== pyodideVersion) throw new SnapshotMismatch(`the snapshot was made for Pyodide ${madeFor}, this runtime is Pyodide ${pyodideVersion}`);
  return file.subarray(16 + versionBytes);
}
