import { chown, lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { privateDirectory, removeLeftovers } from './temp-files.js';

describe('the roster upload directory', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'chainlend-temp-files-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('is created 0700, and a loose one of ours is tightened to 0700', async () => {
    const fresh = path.join(base, 'a', 'uploads');
    await privateDirectory(fresh);
    expect((await lstat(fresh)).mode & 0o777).toBe(0o700);
    const loose = path.join(base, 'loose');
    await mkdir(loose, { mode: 0o777 });
    await privateDirectory(loose);
    expect((await lstat(loose)).mode & 0o777).toBe(0o700);
  });

  it('is refused when it is a symbolic link or a file: someone could have put it there to read or swap the rosters', async () => {
    const target = path.join(base, 'elsewhere');
    await mkdir(target);
    const link = path.join(base, 'uploads');
    await symlink(target, link);
    await expect(privateDirectory(link)).rejects.toThrow(/must be a directory, not a symbolic link/);
    const file = path.join(base, 'file');
    await writeFile(file, 'x');
    await expect(privateDirectory(file)).rejects.toThrow();
  });

  (process.getuid?.() === 0 ? it : it.skip)("is refused when it is another user's", async () => {
    const theirs = path.join(base, 'theirs');
    await mkdir(theirs, { mode: 0o700 });
    await chown(theirs, 4242, 4242);
    await expect(privateDirectory(theirs)).rejects.toThrow(/belongs to another user \(uid 4242\)/);
  });

  it("loses only the directories of processes that are gone, and our own pid's from an earlier life", async () => {
    for (const name of ['4194305-dead', `${process.pid}-earlier`, `${process.ppid}-alive`, 'notes', '12-file']) {
      if (name === '12-file') await writeFile(path.join(base, name), 'x');
      else await mkdir(path.join(base, name));
    }
    expect((await removeLeftovers(base)).sort()).toEqual(['4194305-dead', `${process.pid}-earlier`].sort());
    expect((await readdir(base)).sort()).toEqual([`${process.ppid}-alive`, '12-file', 'notes'].sort());
  });
});
