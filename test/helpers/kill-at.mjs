// Test helper, loaded with `node --import`: counts the file-system calls a command makes inside one folder
// and kills the process with SIGKILL at a chosen one, the way a power cut or `kill -9` would stop it.
//
//   SPARBAR_KILL_WITHIN  the folder (a real path) whose calls are counted
//   SPARBAR_KILL_AT      the call to die at (1 = the first); 0 or unset: only count
//   SPARBAR_KILL_COUNT   a file that receives the number of counted calls when the process ends normally
//
// At a write the process dies halfway through it (half the bytes written), so a torn write is tested too.
// The wrappers replace node:fs's functions and `syncBuiltinESMExports()` makes ES module imports see them.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

const within = process.env.SPARBAR_KILL_WITHIN;
const at = Number(process.env.SPARBAR_KILL_AT || 0);
const countFile = process.env.SPARBAR_KILL_COUNT;
const original = { ...fs };
let count = 0;
const fds = new Set();

const inside = (p) => typeof p === 'string' && within !== undefined && (path.resolve(p) + path.sep).startsWith(within + path.sep);

function die() {
  process.kill(process.pid, 'SIGKILL');
  for (;;) {
    // SIGKILL is on its way; never run another line.
  }
}

function step(onKill) {
  count++;
  if (count === at) {
    onKill?.();
    die();
  }
}

const byPath = ['mkdirSync', 'renameSync', 'unlinkSync', 'rmSync', 'rmdirSync', 'chmodSync', 'copyFileSync'];
for (const name of byPath) {
  fs[name] = function (...args) {
    if (inside(args[0]) || inside(args[1])) step();
    return original[name].apply(this, args);
  };
}
fs.openSync = function (...args) {
  const hit = inside(args[0]);
  if (hit) step();
  const fd = original.openSync.apply(this, args);
  if (hit) fds.add(fd);
  return fd;
};
fs.writeSync = function (fd, buffer, offset, length, ...rest) {
  if (fds.has(fd)) {
    step(() => {
      // Die in the middle of the write.
      if (typeof buffer !== 'string') original.writeSync(fd, buffer, offset ?? 0, Math.floor((length ?? buffer.byteLength) / 2));
    });
  }
  return original.writeSync.call(this, fd, buffer, offset, length, ...rest);
};
for (const name of ['fsyncSync', 'closeSync']) {
  fs[name] = function (fd, ...rest) {
    if (fds.has(fd)) {
      step();
      if (name === 'closeSync') fds.delete(fd);
    }
    return original[name].call(this, fd, ...rest);
  };
}
fs.writeFileSync = function (file, data, ...rest) {
  if (inside(file)) {
    step(() => original.writeFileSync(file, typeof data === 'string' ? data.slice(0, data.length >> 1) : data.subarray(0, data.byteLength >> 1)));
  }
  return original.writeFileSync.call(this, file, data, ...rest);
};
syncBuiltinESMExports();

process.on('exit', () => {
  if (countFile) original.writeFileSync(countFile, String(count));
});
