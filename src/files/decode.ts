// Turns a file's bytes into text: strict UTF-8, byte-order mark dropped, CRLF made LF.
import { isUtf8 } from 'node:buffer';
import type { MessageSink } from '../messages/report.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of `bytes`, or undefined (with a message) when it is not UTF-8; positions are unchanged by the normalisation. */
export function decodeText(bytes: Uint8Array, file: string, sink: MessageSink): string | undefined {
  let text: string;
  if (isUtf8(bytes)) {
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  } else {
    const { line, column, offset } = firstInvalidUtf8(bytes);
    sink.report(
      'invalid-utf8',
      `Filen är inte giltig UTF-8 (ogiltig byte 0x${bytes[offset]!.toString(16).padStart(2, '0')}). Spara filen som UTF-8 i din editor (ofta "Spara med kodning" → UTF-8).`,
      { file, line, column },
    );
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text;
}

/** Line and column (1-based, in characters) of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number; offset: number } {
  let line = 1;
  let column = 1;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length = 0;
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) length = 3;
    else if (b >= 0xf0 && b <= 0xf4) length = 4;
    if (length === 0 || i + length > bytes.length) return { line, column, offset: i };
    for (let k = 1; k < length; k++) {
      if ((bytes[i + k]! & 0xc0) !== 0x80) return { line, column, offset: i };
    }
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return { line, column, offset: i };
    }
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if (!(b === 0x0d && bytes[i + 1] === 0x0a)) {
      column++;
    }
    i += length;
  }
  return { line, column, offset: Math.max(0, bytes.length - 1) };
}

const lossy = new TextDecoder('utf-8');

/** The text of bytes that may not be UTF-8, each bad sequence a U+FFFD, byte-order mark dropped, CRLF made LF: for reading what a broken file declares. */
export function decodeLossy(bytes: Uint8Array): string {
  let text = lossy.decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
