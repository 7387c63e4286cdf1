/**
 * Tasks in SQLite (better-sqlite3): one row per task, its dependencies and
 * its access rows (who may modify it: owner and assignee). Every method runs
 * inside the caller's transaction; the repository never opens one itself.
 */
import type Database from 'better-sqlite3';
import type { Priority, Status, Task } from './domain.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tm_tasks (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  owner TEXT NOT NULL,
  assignee TEXT NOT NULL,
  status TEXT NOT NULL,
  priority TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tm_dependencies (
  task_id INTEGER NOT NULL,
  depends_on INTEGER NOT NULL,
  PRIMARY KEY (task_id, depends_on)
);
CREATE TABLE IF NOT EXISTS tm_access (
  task_id INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (task_id, user_id)
);
CREATE TABLE IF NOT EXISTS tm_id_sequence (next INTEGER NOT NULL);
INSERT INTO tm_id_sequence (next) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM tm_id_sequence);
`;

interface TaskRow {
  id: number;
  title: string;
  description: string;
  owner: string;
  assignee: string;
  status: Status;
  priority: Priority;
  version: number;
}

export class TaskRepository {
  constructor(readonly db: Database.Database) {
    db.exec(SCHEMA);
  }

  all(): Map<number, Task> {
    const rows = this.db.prepare<[], TaskRow>('SELECT * FROM tm_tasks ORDER BY id').all();
    const deps = this.db
      .prepare<[], { task_id: number; depends_on: number }>(
        'SELECT task_id, depends_on FROM tm_dependencies ORDER BY task_id, depends_on',
      )
      .all();
    const tasks = new Map<number, Task>(rows.map((r) => [r.id, { ...r, dependsOn: [] }]));
    for (const d of deps) tasks.get(d.task_id)?.dependsOn.push(d.depends_on);
    return tasks;
  }

  get(id: number): Task | undefined {
    const row = this.db.prepare<[number], TaskRow>('SELECT * FROM tm_tasks WHERE id = ?').get(id);
    if (row === undefined) return undefined;
    const deps = this.db
      .prepare<[number], { depends_on: number }>(
        'SELECT depends_on FROM tm_dependencies WHERE task_id = ? ORDER BY depends_on',
      )
      .all(id);
    return { ...row, dependsOn: deps.map((d) => d.depends_on) };
  }

  /** The next id of the sequence: never handed out twice. */
  takeSequenceId(): number {
    const row = this.db
      .prepare<[], { id: number }>('UPDATE tm_id_sequence SET next = next + 1 RETURNING next - 1 AS id')
      .get()!;
    return row.id;
  }

  /** max(id) + 1: what SQLite's rowid hands out, a deleted id again when it was the largest. */
  maxIdPlusOne(): number {
    return this.db.prepare<[], { id: number }>('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM tm_tasks').get()!
      .id;
  }

  /** Inserts or replaces the task row and its dependency rows. */
  save(task: Task): void {
    this.db
      .prepare(
        `INSERT INTO tm_tasks (id, title, description, owner, assignee, status, priority, version)
         VALUES (@id, @title, @description, @owner, @assignee, @status, @priority, @version)
         ON CONFLICT (id) DO UPDATE SET title = @title, description = @description, owner = @owner,
           assignee = @assignee, status = @status, priority = @priority, version = @version`,
      )
      .run(task);
    this.db.prepare('DELETE FROM tm_dependencies WHERE task_id = ?').run(task.id);
    const insert = this.db.prepare('INSERT INTO tm_dependencies (task_id, depends_on) VALUES (?, ?)');
    for (const d of task.dependsOn) insert.run(task.id, d);
  }

  /** Deletes the task row and its own dependency rows (not the rows of tasks that depend on it). */
  delete(id: number): void {
    this.db.prepare('DELETE FROM tm_tasks WHERE id = ?').run(id);
    this.db.prepare('DELETE FROM tm_dependencies WHERE task_id = ?').run(id);
  }

  hasAccess(id: number, user: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM tm_access WHERE task_id = ? AND user_id = ?').get(id, user) !== undefined
    );
  }

  grant(id: number, user: string): void {
    this.db.prepare('INSERT OR IGNORE INTO tm_access (task_id, user_id) VALUES (?, ?)').run(id, user);
  }

  revoke(id: number, user: string): void {
    this.db.prepare('DELETE FROM tm_access WHERE task_id = ? AND user_id = ?').run(id, user);
  }

  revokeAll(id: number): void {
    this.db.prepare('DELETE FROM tm_access WHERE task_id = ?').run(id);
  }
}
