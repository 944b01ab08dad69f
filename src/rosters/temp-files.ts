import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { chmod, lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';

/**
 * Makes `root` a directory only this OS user can enter (0700). One that is a symbolic link or belongs
 * to another user is refused: in a shared /tmp, someone else could have made it first to read the
 * rosters or swap files under us.
 */
export async function privateDirectory(root: string): Promise<void> {
  await mkdir(root, { recursive: true, mode: 0o700 });
  const st = await lstat(root);
  if (st.isSymbolicLink() || !st.isDirectory())
    throw new Error(`ROSTER_UPLOAD_DIR ${root} must be a directory, not a symbolic link or a file`);
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
    throw new Error(`ROSTER_UPLOAD_DIR ${root} belongs to another user (uid ${st.uid}); give the service a directory of its own`);
  }
  if ((st.mode & 0o777) !== 0o700) await chmod(root, 0o700);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the directories ("<pid>-...") of processes that are gone, keeping those of live processes,
 * which may be other instances sharing the directory. Called before this process makes its own, so
 * one under our own pid belongs to an earlier process that had the same pid (a container's pid 1).
 */
export async function removeLeftovers(root: string): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const pid = /^(\d+)-/.exec(entry.name)?.[1];
    if (!pid || !entry.isDirectory()) continue;
    if (Number(pid) !== process.pid && processAlive(Number(pid))) continue;
    await rm(path.join(root, entry.name), { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}

/** This process's own directory under each root, shared by every app instance in the process. */
const ownDirectories = new Map<string, Promise<string>>();

function ownDirectory(root: string, logger: Logger): Promise<string> {
  let dir = ownDirectories.get(root);
  if (!dir) {
    dir = (async () => {
      await privateDirectory(root);
      const removed = await removeLeftovers(root);
      if (removed.length) logger.warn({ root, removed }, 'removed roster files left by processes that are gone');
      return mkdtemp(path.join(root, `${process.pid}-`));
    })();
    ownDirectories.set(root, dir);
    dir.catch(() => ownDirectories.delete(root));
  }
  return dir;
}

/**
 * Temporary files of roster uploads and imports: upload bodies before they are stored, and the files
 * an import reads. All live in a private directory of this process, are removed by whoever made them
 * on every path, and what a crashed process left is removed at the next start.
 */
@Injectable()
export class RosterTempFiles implements OnModuleInit {
  private readonly logger = new Logger('RosterTempFiles');
  private dir: string | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    this.dir = await ownDirectory(this.config.roster.uploadDir, this.logger);
  }

  /** A fresh path for a file (not created). */
  file(kind: string): string {
    return path.join(this.root(), `${kind}-${randomUUID()}`);
  }

  /** A fresh private directory. */
  async directory(kind: string): Promise<string> {
    const dir = path.join(this.root(), `${kind}-${randomUUID()}`);
    await mkdir(dir, { mode: 0o700 });
    return dir;
  }

  async remove(target: string): Promise<void> {
    await rm(target, { recursive: true, force: true }).catch((err: unknown) =>
      this.logger.warn({ err, target }, 'could not remove a temporary roster file'),
    );
  }

  private root(): string {
    if (!this.dir) throw new Error('RosterTempFiles used before module init');
    return this.dir;
  }
}
