// Runs before `npm start` and `npm test`: on a fresh clone, installs the locked dependencies first,
// so each of the README's two commands works on its own. Plain Node: nothing installed is needed.
// A node_modules that is a link (a git worktree sharing another checkout's) is that checkout's to install:
// `npm ci` through the link would empty it for everyone using it.
const { existsSync, lstatSync, statSync } = require('node:fs');
const { execSync } = require('node:child_process');

const marker = 'node_modules/.package-lock.json';
const linked = existsSync('node_modules') && lstatSync('node_modules').isSymbolicLink();
const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000;
if (stale && linked) {
  console.log('node_modules is a link to another checkout: not installing here (run npm ci there if it is out of date).');
} else if (stale) {
  console.log('Installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
