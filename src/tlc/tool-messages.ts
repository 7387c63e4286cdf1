/**
 * Splits TLC's `-tool` output into its message blocks.
 *
 * With `-tool`, TLC wraps each message as
 * `@!@!@STARTMSG <code>:<class> @!@!@` … `@!@!@ENDMSG <code> @!@!@`.
 * Blocks can nest (a 1000 "unexpected exception" may hold a 2154 block, and
 * the inner marker can start in the middle of a line), and some output —
 * SANY's report, for one — is printed outside any block. The splitter works
 * incrementally so the runner can feed it stdout chunks as they arrive.
 */

/** Message class: 0 none, 1 error, 3 warning, 4 state. */
export type ToolMessageClass = 0 | 1 | 2 | 3 | 4;

export interface ToolMessage {
  kind: 'message';
  code: number;
  cls: ToolMessageClass;
  /** Body text (nested blocks' bodies included, without markers), trailing blank lines removed. */
  text: string;
  /** Blocks nested inside this one. */
  nested: ToolMessage[];
}

/** Output printed outside any block (e.g. SANY's report). */
export interface ToolText {
  kind: 'text';
  text: string;
}

export type ToolItem = ToolMessage | ToolText;

const MARKER = /@!@!@(?:STARTMSG (\d+):(\d+)|ENDMSG (\d+)) @!@!@\n?/g;

interface Open {
  code: number;
  cls: ToolMessageClass;
  text: string;
  nested: ToolMessage[];
}

/** Incremental splitter: `push` chunks, receive finished top-level items. */
export class ToolMessageSplitter {
  private buffer = '';
  private readonly open: Open[] = [];
  private outside = '';

  constructor(private readonly onItem: (item: ToolItem) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    const cut = this.buffer.lastIndexOf('\n');
    if (cut < 0) return;
    this.consume(this.buffer.slice(0, cut + 1));
    this.buffer = this.buffer.slice(cut + 1);
  }

  /** Flushes what is left; blocks never closed (TLC killed mid-message) are emitted as they are. */
  end(): void {
    if (this.buffer) this.consume(this.buffer);
    this.buffer = '';
    while (this.open.length > 0) this.close();
    this.flushOutside();
  }

  private consume(text: string): void {
    MARKER.lastIndex = 0;
    let last = 0;
    for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
      this.append(text.slice(last, m.index));
      last = m.index + m[0].length;
      if (m[1] !== undefined) {
        if (this.open.length === 0) this.flushOutside();
        this.open.push({ code: Number(m[1]), cls: Number(m[2]) as ToolMessageClass, text: '', nested: [] });
      } else if (this.open.length > 0) {
        this.close();
      }
    }
    this.append(text.slice(last));
  }

  private append(text: string): void {
    if (!text) return;
    const top = this.open[this.open.length - 1];
    if (top) top.text += text;
    else this.outside += text;
  }

  private close(): void {
    const done = this.open.pop()!;
    const message: ToolMessage = {
      kind: 'message',
      code: done.code,
      cls: done.cls,
      text: trimBody(done.text),
      nested: done.nested,
    };
    const parent = this.open[this.open.length - 1];
    if (parent) {
      parent.nested.push(message);
      parent.text += message.text + '\n';
    } else {
      this.onItem(message);
    }
  }

  private flushOutside(): void {
    if (this.outside.trim()) this.onItem({ kind: 'text', text: this.outside.replace(/\s+$/, '') });
    this.outside = '';
  }
}

function trimBody(text: string): string {
  return text.replace(/\s+$/, '');
}

/** Splits a whole `-tool` output at once. */
export function splitToolOutput(output: string): ToolItem[] {
  const items: ToolItem[] = [];
  const splitter = new ToolMessageSplitter((item) => items.push(item));
  splitter.push(output.replace(/\r\n/g, '\n'));
  splitter.end();
  return items;
}
