/**
 * Finds where JSON text first goes wrong, as a 1-based line and column. Node 20's JSON.parse often says
 * only *what* is wrong, not where; this scanner follows the JSON grammar (RFC 8259) just far enough to say where.
 */
export function jsonErrorPosition(text: string): { line: number; column: number; found: string } {
  const offset = firstErrorOffset(text);
  const found = offset >= text.length ? 'the end of the file' : `\`${text[offset]}\``;
  let line = 1;
  let column = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    if (text[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column, found };
}

class JsonSyntax {
  constructor(readonly offset: number) {}
}

function firstErrorOffset(text: string): number {
  let pos = 0;
  const fail = (): never => {
    throw new JsonSyntax(pos);
  };
  const spaces = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[pos] !== ch) fail();
      pos++;
    }
  };
  const string = (): void => {
    pos++; // opening quote
    while (pos < text.length && text[pos] !== '"') {
      if (text.charCodeAt(pos) < 0x20) fail();
      if (text[pos] === '\\') {
        pos++;
        if (text[pos] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 1, pos + 5))) fail();
          pos += 4;
        } else if (!'"\\/bfnrt'.includes(text[pos] ?? 'x')) fail();
      }
      pos++;
    }
    if (pos >= text.length) fail();
    pos++;
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos));
    if (!match) fail();
    pos += match![0].length;
  };
  const value = (): void => {
    spaces();
    const ch = text[pos];
    if (ch === '{') {
      pos++;
      spaces();
      if (text[pos] === '}') {
        pos++;
        return;
      }
      for (;;) {
        spaces();
        if (text[pos] !== '"') fail();
        string();
        spaces();
        if (text[pos] !== ':') fail();
        pos++;
        value();
        spaces();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') {
          pos++;
          return;
        } else fail();
      }
    } else if (ch === '[') {
      pos++;
      spaces();
      if (text[pos] === ']') {
        pos++;
        return;
      }
      for (;;) {
        value();
        spaces();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') {
          pos++;
          return;
        } else fail();
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else number();
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) pos++;
    value();
    spaces();
    if (pos < text.length) fail();
    return 0;
  } catch (e) {
    if (e instanceof JsonSyntax) return e.offset;
    throw e;
  }
}
