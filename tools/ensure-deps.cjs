// Runs before `npm start` and `npm test`: on a fresh clone, installs the locked dependencies first,
// so each of the README's two commands works on its own. Plain Node: nothing installed is needed.
const { existsSync, statSync } = require('node:fs');
const { execSync } = require('node:child_process');

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000;
if (stale) {
  console.log('Installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
