#!/usr/bin/env node
/**
 * Writes the skill package that `ask deploy` uploads, in a copy (scripts/deploy-skill-package.sh calls it):
 *
 *   node scripts/prepare-skill-package.mjs <package dir> [--endpoint <arn>] [--privacy <url>] [--terms <url>] [--name-free]
 *
 * - `apis.custom.endpoint` is set to the function ARN, or removed (first deploy: the skill id is not known yet).
 * - `privacyAndCompliance.locales.<locale>.privacyPolicyUrl` and `termsOfUseUrl` are written for every locale of
 *   `publishingInformation.locales`; `{lang}` in a URL becomes the locale's language (en, de, es, fr), so each
 *   market links the policy in its own language. The URLs must be https and no placeholder; without them the
 *   locales block is left out (a development skill; certification needs them, docs/deploy.md).
 * - `_nameFreeInteraction` is removed from every model unless --name-free: Amazon opens name-free routing only to
 *   skills already live with a record of quality and engagement (docs/deploy.md, "Name-free interaction").
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const fail = (message) => { console.error(`prepare-skill-package: ${message}`); process.exit(1); };
const [dir, ...rest] = process.argv.slice(2);
if (!dir) fail('usage: prepare-skill-package.mjs <package dir> [--endpoint <arn>] [--privacy <url>] [--terms <url>] [--name-free]');
const opts = { nameFree: false };
for (let i = 0; i < rest.length; i += 1) {
  const flag = rest[i];
  if (flag === '--name-free') opts.nameFree = true;
  else if (['--endpoint', '--privacy', '--terms'].includes(flag)) opts[flag.slice(2)] = rest[++i] ?? '';
  else fail(`unknown argument ${flag}`);
}

/** A policy URL Amazon can open: https, a host, no placeholder words. */
function checkUrl(kind, url) {
  let parsed;
  try { parsed = new URL(url.replaceAll('{lang}', 'en')); } catch { fail(`${kind} URL "${url}" is not a URL`); }
  if (parsed.protocol !== 'https:') fail(`${kind} URL "${url}" must be https`);
  if (/REPLACE|PLACEHOLDER|example\.(com|org|net)/i.test(url)) fail(`${kind} URL "${url}" is a placeholder`);
}

const file = join(dir, 'skill.json');
const skill = JSON.parse(readFileSync(file, 'utf8'));
const { manifest } = skill;
if (opts.endpoint) manifest.apis.custom.endpoint = { uri: opts.endpoint };
else delete manifest.apis.custom.endpoint;

if (Boolean(opts.privacy) !== Boolean(opts.terms)) fail('give both --privacy and --terms, or neither');
if (opts.privacy) {
  checkUrl('privacy policy', opts.privacy);
  checkUrl('terms of use', opts.terms);
  manifest.privacyAndCompliance.locales = Object.fromEntries(Object.keys(manifest.publishingInformation.locales).map((locale) => {
    const lang = locale.split('-')[0];
    return [locale, { privacyPolicyUrl: opts.privacy.replaceAll('{lang}', lang), termsOfUseUrl: opts.terms.replaceAll('{lang}', lang) }];
  }));
} else {
  delete manifest.privacyAndCompliance.locales;
}
writeFileSync(file, `${JSON.stringify(skill, null, 2)}\n`);

if (!opts.nameFree) {
  const models = join(dir, 'interactionModels', 'custom');
  for (const name of readdirSync(models).filter((n) => n.endsWith('.json'))) {
    const model = JSON.parse(readFileSync(join(models, name), 'utf8'));
    delete model.interactionModel._nameFreeInteraction;
    writeFileSync(join(models, name), `${JSON.stringify(model, null, 2)}\n`);
  }
}
