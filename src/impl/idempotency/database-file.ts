/**
 * Detects a database file removed or replaced under a running process.
 *
 * SQLite keeps writing to an unlinked file through its open descriptor, so
 * a server whose file was deleted (or swapped by a restore) goes on
 * answering from a private copy while other processes open a new file: two
 * stores that no longer see each other's keys. The watch remembers the
 * file's device and inode at open and compares them before every
 * transaction; once they differ, the store fails closed for good.
 */
import { statSync } from 'node:fs';
import { StoreUnavailableError } from './types.js';

export class DatabaseFileWatch {
  private lost: string | undefined;

  private constructor(
    private readonly path: string,
    private readonly dev: number,
    private readonly ino: number,
  ) {}

  /** A watch on a database file; undefined for in-memory and temporary databases. */
  static forPath(path: string): DatabaseFileWatch | undefined {
    if (path === '' || path === ':memory:' || path.startsWith('file:')) return undefined;
    const stat = statSync(path);
    return new DatabaseFileWatch(path, stat.dev, stat.ino);
  }

  /** Throws StoreUnavailableError if the file at the path is gone or is another file. */
  assertUnchanged(): void {
    if (this.lost === undefined) {
      const stat = statSync(this.path, { throwIfNoEntry: false });
      if (stat === undefined) this.lost = 'was removed';
      else if (stat.dev !== this.dev || stat.ino !== this.ino) this.lost = 'was replaced by another file';
    }
    if (this.lost !== undefined) {
      throw new StoreUnavailableError(`database file ${this.path} ${this.lost} while open`);
    }
  }
}
