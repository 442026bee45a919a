// A .zip of text files, stored uncompressed (code is small; any unzip tool, Python's zipfile
// included, reads it). Only what the catalog's "Download all" needs of the format.

const encoder = new TextEncoder();
const CRC_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

/** A Blob holding `files` ([{name, text}]), dated `date`. */
export function zipFiles(files, date = new Date()) {
  const { time, day } = dosDateTime(date);
  const parts = [];
  const directory = [];
  let offset = 0;
  for (const { name, text } of files) {
    const nameBytes = encoder.encode(name);
    const data = encoder.encode(text);
    const crc = crc32(data);
    // Version 2.0, flag 0x0800 (UTF-8 names), stored, time, date, CRC, sizes, name length, no extra field.
    const common = [[20, 2], [0x0800, 2], [0, 2], [time, 2], [day, 2], [crc, 4], [data.length, 4], [data.length, 4], [nameBytes.length, 2]];
    parts.push(fields([[0x04034b50, 4], ...common, [0, 2]]), nameBytes, data);
    directory.push(fields([[0x02014b50, 4], [20, 2], ...common, [0, 2], [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]]), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directorySize = directory.reduce((size, part) => size + part.length, 0);
  const end = fields([[0x06054b50, 4], [0, 2], [0, 2], [files.length, 2], [files.length, 2], [directorySize, 4], [offset, 4], [0, 2]]);
  return new Blob([...parts, ...directory, end], { type: "application/zip" });
}

/** Little-endian fields: [[value, bytes], ...]. */
function fields(values) {
  const bytes = new Uint8Array(values.reduce((size, [, length]) => size + length, 0));
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const [value, length] of values) {
    if (length === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += length;
  }
  return bytes;
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function dosDateTime(date) {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    day: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}
