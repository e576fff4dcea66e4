import { UnsupportedInputError } from './errors.js';

const BYTE_ORDER_MARK = '\uFEFF';

/** Source as the engine edits it (LF, no BOM) plus a way back to the file's own conventions. */
export interface NormalizedSource {
  readonly text: string;
  restore(edited: string): string;
}

/**
 * CRLF files are edited as LF and written back as CRLF; files mixing both are refused, with
 * `fix` saying how to repair them (gofmt for Go; other languages say their own).
 */
export function normalizeSource(file: string, original: string, fix = 'run gofmt on it'): NormalizedSource {
  const hasBom = original.startsWith(BYTE_ORDER_MARK);
  const body = hasBom ? original.slice(BYTE_ORDER_MARK.length) : original;
  const endings = countLineEndings(body);
  if (endings.crlf > 0 && (endings.lf > 0 || endings.cr > 0)) {
    throw new UnsupportedInputError(
      file,
      `${file}: mixes CRLF and LF line endings; ${fix} (or convert it to one style) and run the command again`,
    );
  }
  if (endings.cr > 0) {
    throw new UnsupportedInputError(file, `${file}: has carriage returns outside CRLF line endings; ${fix} and run the command again`);
  }
  const crlf = endings.crlf > 0;
  const text = crlf ? body.split('\r\n').join('\n') : body;
  return {
    text,
    restore(edited: string): string {
      const withEndings = crlf ? edited.split('\n').join('\r\n') : edited;
      return hasBom ? BYTE_ORDER_MARK + withEndings : withEndings;
    },
  };
}

function countLineEndings(text: string): { crlf: number; lf: number; cr: number } {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\r') {
      if (text[i + 1] === '\n') {
        crlf++;
        i++;
      } else {
        cr++;
      }
    } else if (char === '\n') {
      lf++;
    }
  }
  return { crlf, lf, cr };
}
