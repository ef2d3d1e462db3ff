// Adds lockfile entries for other platforms' optional binaries (rollup, pagefind, …) that this machine's npm registry
// does not serve, so that `npm ci` accepts the lockfile: npm 11 wants an entry for every optional dependency, and
// skips entries whose os/cpu/libc do not match. Run after every `npm install`: node .ci/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';
const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pk = lock.packages;
const OS = [['darwin','darwin'],['win32','win32'],['windows','win32'],['freebsd','freebsd'],['openbsd','openbsd'],['netbsd','netbsd'],['android','android'],['sunos','sunos'],['aix','aix'],['openharmony','openharmony'],['linux','linux']];
const CPU = [['arm64','arm64'],['aarch64','arm64'],['x64','x64'],['x86_64','x64'],['ia32','ia32'],['arm-','arm'],['armeabi','arm'],['arm','arm'],['ppc64','ppc64'],['riscv64','riscv64'],['s390x','s390x'],['loong64','loong64'],['loongarch64','loong64'],['mips64el','mips64el'],['wasm32','wasm32'],['universal','arm64']];
const added = [];
for (const [loc, entry] of Object.entries(pk)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = loc === '' ? '' : loc + '/';
    if (pk[`${base}node_modules/${name}`] || pk[`node_modules/${name}`]) continue;
    const n = name.toLowerCase();
    const os = OS.find(([k]) => n.includes(k))?.[1];
    const cpu = CPU.find(([k]) => n.includes(k))?.[1];
    if (!os && !cpu) { console.error('cannot classify', name); continue; }
    const e = { version: version.replace(/^[\^~]/, ''), optional: true };
    if (cpu) e.cpu = [cpu];
    if (os) e.os = [os];
    if (n.includes('musl')) e.libc = ['musl'];
    else if (n.includes('gnu') && os === 'linux') e.libc = ['glibc'];
    pk[`node_modules/${name}`] = e;
    added.push(name);
  }
}
lock.packages = Object.fromEntries(Object.entries(pk).sort(([a],[b]) => a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0));
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log('added', added.length, added.join(' '));
