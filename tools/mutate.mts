/**
 * A mutation pass: each entry breaks one behaviour on purpose, runs the tests that name it, and restores the
 * file. `npx tsx tools/mutate.mts` prints which mutations the suite catches (each test list is first run on the
 * unbroken file, and a mutation whose code is not there exactly once is skipped and fails the run). Run it after a large change;
 * a mutation that survives marks a test that does not check what it claims.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

interface Mutation { readonly name: string; readonly file: string; readonly from: string; readonly to: string; readonly tests: readonly string[] }

const MUTATIONS: readonly Mutation[] = [
  { name: 'pacing: cues no longer wait for their planned time', file: 'src/core/pacing.ts',
    from: 'this.wait(anchorReal + (cue.atMs - anchorPlan) - this.real);', to: 'this.wait(0);', tests: ['tests/core/pacing.test.ts'] },
  { name: 'position: no recognition allowance on an interruption', file: 'src/core/position.ts',
    from: 'const at = Math.max(0, elapsed - RECOGNITION_ALLOWANCE_MS);', to: 'const at = Math.max(0, elapsed);', tests: ['tests/core/position.test.ts', 'tests/conversation/resume.test.ts'] },
  { name: 'position: resume restarts the hold instead of pressing again where it was', file: 'src/core/position.ts',
    from: "return { stepIndex: step.index, atMs: at.atMs, firstCue: firstCue < 0 ? step.cues.length : firstCue, words: 'reminder', repress: true };",
    to: "return { stepIndex: step.index, atMs: 0, firstCue: 0, words: 'intro', repress: false };", tests: ['tests/conversation/resume.test.ts'] },
  { name: 'state: any position is accepted from the session', file: 'src/core/state-parse.ts',
    from: 'return isInt(raw.stepIndex, 0, steps - 1) && isInt(raw.atMs, 0, MAX_PLAN_MS) ?', to: 'return typeof raw.stepIndex === "number" ?', tests: ['tests/core/state-parse.test.ts', 'tests/fuzz/conversations.test.ts'] },
  { name: 'variants: every cue always says its first wording', file: 'src/core/variants.ts',
    from: '  return n % CUE_VARIANTS[cue.cue];', to: '  return 0;', tests: ['tests/core/repetition.test.ts'] },
  { name: 'timeline: long holds have no halfway word', file: 'src/core/timeline.ts',
    from: '  if (lengthMs >= HALFWAY_MIN_HOLD_MS) placeHalfway(cues, startMs, lengthMs);', to: '', tests: ['tests/core/timeline.test.ts', 'tests/core/pacing.test.ts'] },
  { name: 'store: the session loses to the stored state after an outage', file: 'src/core/state-merge.ts',
    from: '  for (const field of changed) {', to: '  for (const field of [] as TrackedField[]) {', tests: ['tests/conversation/memory.test.ts', 'tests/core/state-merge.test.ts'] },
  { name: 'store: saves on every turn, changed or not', file: 'src/alexa/store-session.ts',
    from: "  if (m.changed.length === 0) return { state, meta: m, result: 'unchanged' };\n", to: '', tests: ['tests/alexa/persistence-sync.test.ts'] },
  { name: 'store: after a conflict the stale view is written over the record (last writer wins)', file: 'src/alexa/store-session.ts',
    from: '      ({ state: current, meta: m } = rebase(await store.read(userId), current, m, now));\n    }', to: '      m = rebase(await store.read(userId), current, m, now).meta;\n    }', tests: ['tests/alexa/store-session.test.ts'] },
  { name: 'store: keeps calling a store that is down', file: 'src/alexa/store-session.ts',
    from: '  if (!opts.ending && m.retryAtMs !== undefined && now < m.retryAtMs) return', to: '  if (false) return', tests: ['tests/conversation/memory.test.ts'] },
  { name: 'store: the end of a session waits out the back-off (and says the place is kept)', file: 'src/alexa/store-session.ts',
    from: '  if (!opts.ending && m.retryAtMs !== undefined', to: '  if (m.retryAtMs !== undefined', tests: ['tests/alexa/store-session.test.ts', 'tests/alexa/persistence-sync.test.ts'] },
  { name: 'store: writes are not conditional on the revision', file: 'src/alexa/persistence/dynamodb-adapter.ts',
    from: "condition = '#r = :seen AND attribute_not_exists(#del)';", to: "condition = 'attribute_not_exists(#del) OR #r = :seen';", tests: ['tests/alexa/store-session.test.ts'] },
  { name: 'store: a leave-out choice both devices made goes to the later one, not to true', file: 'src/core/state-merge.ts',
    from: "leaveOut: 'safeTrue'", to: "leaveOut: 'session'", tests: ['tests/alexa/store-session.test.ts'] },
  { name: 'store: a session read before an erasure writes over the tombstone', file: 'src/alexa/store-session.ts',
    from: "if (live && (m.base?.kind === 'record' || m.base?.kind === 'none' || predates(m, found.deletedAtS))) return blocked(session, m, 'erased');", to: '', tests: ['tests/alexa/store-session.test.ts'] },
  { name: 'store: a newer version is overwritten', file: 'src/alexa/store-session.ts',
    from: "if (stored.kind === 'newer') return blocked(session, m, 'newer');", to: '', tests: ['tests/alexa/store-session.test.ts'] },
  { name: 'store: an older version is read as defaults', file: 'src/core/state-parse.ts',
    from: '= { 1: fromV1 };', to: '= {};', tests: ['tests/alexa/store-session.test.ts', 'tests/core/state-parse.test.ts'] },
  { name: 'store: attributes beside the state are dropped on a save', file: 'src/alexa/persistence/dynamodb-adapter.ts',
    from: "if (expect.kind === 'record' && expect.mapped) {", to: "if (expect.kind === ('never' as string)) {", tests: ['tests/alexa/store-session.test.ts'] },
  { name: 'store: an item with a part it cannot decode is not read at all', file: 'src/alexa/persistence/dynamodb-adapter.ts',
    from: 'const decoded = codec.unmarshallLenient(item.attributes);', to: 'const decoded = codec.unmarshallValue(item.attributes);', tests: ['tests/alexa/store-faults.test.ts'] },
  { name: 'timeline: long silences are not filled', file: 'src/core/timeline.ts',
    from: 'return fillSilences(cues, at(lengthMs), fillerOf(step));', to: 'return cues;', tests: ['tests/core/timeline.test.ts', 'tests/core/pacing.test.ts'] },
  { name: 'search: a code that only shares its number is a near match (LI4 → KI4)', file: 'src/core/content/point-search.ts',
    from: 'if (code && termCode && code[1] !== termCode[1]) continue;', to: '', tests: ['tests/conversation/questions.test.ts'] },
  { name: 'screens: no SendEvent at the end of a segment', file: 'src/core/screen.ts',
    from: "if (segment.next) events.push({ atMs: Math.round(segment.estimatedMs), send: 'segmentDone' });", to: '', tests: ['tests/conversation/screen.test.ts'] },
  { name: 'locales: German falls back to English', file: 'locales/index.json',
    from: '"de-DE": ["de"]', to: '"de-DE": ["de", "en"]', tests: ['tests/locales/no-english.test.ts', 'tests/locales/keys.test.ts'] },
  // Two others were tried and survive as equivalent mutants, being slower but saying the same: looking up only the
  // first set of the chain (i18next's fallback then answers), and plurals on the fast path (no word has both forms).
  { name: 'words: the fast path leaves a parameter empty', file: 'src/alexa/i18n.ts',
    from: '      return String(value);', to: "      return '';", tests: ['tests/locales/translate.test.ts'] },
  { name: 'bundle: the other languages are held as plain text (every en-US cold start scans them)', file: 'tools/bundle-plugins.ts',
    from: "if (set.split('-')[0] === PLAIN_LANGUAGE) plain[set] = wordsText(set);\n    else apart.push(set);", to: 'plain[set] = wordsText(set);',
    tests: ['tests/infra/bundle-plugins.test.ts', 'tests/infra/bundle.test.ts'] },
  { name: 'store: the signature leaves out the session token', file: 'src/alexa/persistence/sigv4.ts',
    from: "    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),\n", to: '', tests: ['tests/alexa/sigv4.test.ts', 'tests/alexa/store-faults.test.ts'] },
  { name: 'store: the signature hashes an empty body instead of the one sent', file: 'src/alexa/persistence/sigv4.ts',
    from: 'payloadHash: sha256Hex(request.body)', to: "payloadHash: sha256Hex('')", tests: ['tests/alexa/sigv4.test.ts'] },
  { name: 'safety: pain mid-routine keeps pacing', file: 'src/core/safety.ts',
    from: "return { state: stopForPain(state, now, at), outcome: { kind: 'pain', ...(afterPain ? { again: true } : {}), ...(stillHurts ? { stillHurts } : {}) } };",
    to: "return segment(state, now.progress.routineId, resumeEntry(now.plan, at), 'resume');", tests: ['tests/conversation/safety.test.ts', 'tests/core/reducer.test.ts'] },
  { name: 'safety: tingling mid-routine keeps pacing', file: 'src/core/safety.ts',
    from: "return { state: stopForPain(state, now, at), outcome: { kind: 'tingling', inRoutine: true } };",
    to: "return segment(state, now.progress.routineId, resumeEntry(now.plan, at), 'resume');", tests: ['tests/conversation/safety.test.ts'] },
  { name: 'safety: "I\'m pregnant" mid-routine does not leave points out', file: 'src/core/safety.ts',
    from: 'const chosen: SkillState = { ...withoutPending(state), leaveOut: true };', to: 'const chosen: SkillState = { ...withoutPending(state) };', tests: ['tests/conversation/safety.test.ts'] },
  { name: 'safety: an unsure answer includes the points', file: 'src/core/questions.ts',
    from: "if (reply === 'no') return go({ ...rest, leaveOut: false });", to: "if (reply !== 'yes') return go({ ...rest, leaveOut: false });", tests: ['tests/conversation/safety.test.ts'] },
  { name: 'consent: the leave-out choice is stored without a yes to keeping it', file: 'src/core/state-merge.ts',
    from: '  if (view.leaveOut === true && view.keepChoice !== true) delete view.leaveOut;\n', to: '', tests: ['tests/conversation/memory.test.ts', 'tests/docs/privacy.test.ts'] },
  { name: 'modes: a pending question lets navigation through', file: 'src/core/modes.ts',
    from: "  asking: new Set([...ANYWHERE, 'resume']),", to: '  asking: ALL,', tests: ['tests/conversation/questions.test.ts', 'tests/core/reducer.test.ts'] },
  { name: 'modes: after pain, any move presses again', file: 'src/core/modes.ts',
    from: "  afterPain: new Set([...ANYWHERE, 'next', 'skip', 'resume', 'lighter', 'currentPoint']),", to: '  afterPain: ALL,', tests: ['tests/fuzz/invariants.test.ts'] },
  { name: 'screens: an event for an earlier response paces the routine', file: 'src/core/reducer.ts',
    from: "event.seq === (state.progress.seq ?? 0)", to: 'true', tests: ['tests/conversation/seams.test.ts'] },
  { name: 'modes: a screen event paces a paused routine', file: 'src/core/modes.ts',
    from: "  paused: new Set([...ALL].filter((e) => e !== 'segmentDone')),", to: '  paused: ALL,', tests: ['tests/fuzz/invariants.test.ts', 'tests/conversation/seams.test.ts'] },
  { name: 'lighter: the firm cues stay in a light step', file: 'src/core/lighter.ts',
    from: 'return to ? { ...cue, cue: to } : cue;', to: 'return cue;', tests: ['tests/fuzz/invariants.test.ts', 'tests/conversation/seams.test.ts'] },
  { name: 'pain: after lighter, the same menu again', file: 'src/core/safety.ts',
    from: 'const stillHurts = isLightStep(state, at.stepIndex);', to: 'const stillHurts = false;', tests: ['tests/conversation/seams.test.ts'] },
  { name: 'health: diabetes does not lighten', file: 'src/core/safety.ts',
    from: 'const next: SkillState = lightens ? { ...state, lightAll: true } : state;', to: 'const next: SkillState = state;',
    tests: ['tests/conversation/health.test.ts', 'tests/core/reducer.test.ts'] },
  // The light session is held twice (lightAll for the session, and every step light in the routine's progress so that
  // streams queued without a session stay light): breaking one of them alone is covered by the other, so this breaks the cause.
  { name: 'health: diabetes leaves the session at firm pressure', file: 'src/core/safety.ts',
    from: 'const next: SkillState = lightens ? { ...state, lightAll: true } : state;', to: 'const next: SkillState = state;',
    tests: ['tests/conversation/health.test.ts', 'tests/conversation/audio-player.test.ts'] },
  { name: 'health: a store merge forgets the light session and the session\'s one foot', file: 'src/core/state-merge.ts',
    from: "  return { ...(out as unknown as SkillState), ...kept };", to: '  return out as unknown as SkillState;', tests: ['tests/core/state-merge.test.ts'] },
  { name: 'stats: two devices\' counts merge as last writer wins', file: 'src/core/state-merge.ts',
    from: "case 'counts': value = mergeStats(theirs as Stats | undefined, mine as Stats | undefined, base.stats); break;", to: "case 'counts': value = mine; break;",
    tests: ['tests/alexa/store-session.test.ts'] },
  { name: 'stats: a routine counted again within one session', file: 'src/core/reducer.ts',
    from: '  if (!day || t.state.counted?.includes(routineId)) return t;', to: '  if (!day) return t;', tests: ['tests/core/stats.test.ts', 'tests/conversation/history.test.ts'] },
  { name: 'setups: a returning run hears the full setups', file: 'src/core/turn.ts',
    from: "const setup = state.progress?.returning ? 'setupShort' : 'setup';", to: "const setup = 'setup' as 'setup' | 'setupShort';", tests: ['tests/conversation/returning.test.ts'] },
  { name: 'one foot: the stored place stays on the one foot\'s clock', file: 'src/core/state-merge.ts',
    from: '  if (state.progress && state.oneFoot) view.progress = bothFeetProgress(state);\n', to: '', tests: ['tests/core/practise.test.ts'] },
  { name: 'practise: a point is planned as its whole routine', file: 'src/core/plan.ts',
    from: '.filter((index) => shape.only === undefined || index === shape.only)', to: '', tests: ['tests/core/practise.test.ts'] },
  { name: 'practise: a point the user chose to leave out is practised anyway', file: 'src/core/practise.ts',
    from: '  if (state.leaveOut && isPregnancyCaution(step)) {', to: '  if (false) {', tests: ['tests/core/practise.test.ts', 'tests/conversation/practise.test.ts'] },
  { name: 'health: a disclosure mid-hold loses the place', file: 'src/core/reducer.ts',
    from: 'return { ...told, state: lightRoutine(keep(told.state)) };', to: 'return { ...told, state: withoutProgress(told.state) };',
    tests: ['tests/conversation/health.test.ts', 'tests/core/reducer.test.ts'] },
  { name: 'render: touch answers queue behind the speech', file: 'src/alexa/render.ts',
    from: ", playBehavior: 'REPLACE_ALL' };", to: ' };', tests: ['tests/conversation/seams.test.ts', 'tests/certification/checklist.test.ts'] },
  { name: 'screens: the timed sequence holds no screen lock', file: 'src/alexa/apl.ts',
    from: "{ type: 'Sequential', screenLock: true, commands }", to: "{ type: 'Sequential', commands }", tests: ['tests/conversation/seams.test.ts'] },
  { name: 'events: an APL RuntimeError is answered aloud', file: 'src/alexa/events.ts',
    from: "case 'Alexa.Presentation.APL.RuntimeError': return { type: 'deviceReport' };", to: "case 'Alexa.Presentation.APL.RuntimeError': return { type: 'unsupported' };", tests: ['tests/conversation/seams.test.ts', 'tests/certification/checklist.test.ts'] },
  { name: 'foot soak: heard to its end, it is played again next time', file: 'src/core/respond.ts',
    from: "if (segment.ending === 'untimed' && segment.next) {", to: 'if (false) {', tests: ['tests/conversation/seams.test.ts'] },
  { name: 'repeat: "what?" mid-hold reintroduces the step', file: 'src/core/moves.ts',
    from: "if (again) return segment(state, routineId, again.entry, 'repeatCue', { lastCue: again.cueIndex });", to: '', tests: ['tests/conversation/seams.test.ts'] },
  { name: 'turn: the new state is written although the response failed to render', file: 'src/skill.ts',
    from: 'return envelopeOf(response, sessionOf(parsed, parsedMeta));', to: 'return envelopeOf(response, sessionOf(result?.state ?? parsed, parsedMeta));', tests: ['tests/alexa/error-handler.test.ts'] },
  { name: 'sessionless: CanFulfill reaches the store', file: 'src/skill.ts',
    from: 'if (isSessionless(envelope)) {', to: 'if (false) {', tests: ['tests/alexa/requests.test.ts'] },
  { name: 'audio: a cue follows the words before it instead of its planned time', file: 'src/core/audio-plan.ts',
    from: 'start = Math.max(end, grid(plannedMs - length.leadMs));', to: 'start = free;', tests: ['tests/audio/audio-plan.test.ts', 'tests/audio/streams.test.ts'] },
  { name: 'audio: a stream URL past its expiry is served', file: 'src/audio/url.ts',
    from: "if (!Number.isInteger(expiresAtS) || !(nowS <= expiresAtS)) return { ok: false, reason: 'expired' };", to: '', tests: ['tests/audio/handler.test.ts'] },
  { name: 'audio: silence is one frame short', file: 'src/audio/mp3.ts',
    from: 'const silence = (n: number) => { for (let i = 0; i < n; i += 1) {', to: 'const silence = (n: number) => { for (let i = 1; i < n; i += 1) {', tests: ['tests/audio/audio-plan.test.ts', 'tests/audio/streams.test.ts'] },
  { name: 'player: the queued stream does not name the one it follows (no expectedPreviousToken)', file: 'src/alexa/audio-player.ts',
    from: '...(action.previous ? { expectedPreviousToken: tokenOf({ routineId: action.routineId, ...action.previous }) } : {}),', to: '', tests: ['tests/conversation/audio-player.test.ts'] },
  { name: 'player: a stream the user talks over is taken as paused (nothing queued after loop or shuffle)', file: 'src/core/playback.ts',
    from: "if (event.what === 'started' && current && !state.pending) return quiet({ ...state, progress: { ...progress, at, paused: false, stream: 'playing' } });", to: '',
    tests: ['tests/conversation/audio-player.test.ts', 'tests/core/playback.test.ts'] },
  { name: 'player: a replaced stream\'s late stop moves the place', file: 'src/core/playback.ts',
    from: 'if (!current && !playingBeforeQueued) return quiet(state);', to: '', tests: ['tests/conversation/audio-player.test.ts', 'tests/core/playback.test.ts'] },
  { name: 'player: resume plays from the device\'s offset instead of the last cue', file: 'src/core/audio-plan.ts',
    from: 'if (cue === undefined || atMs <= 0) return 0;', to: 'if (cue === undefined || atMs <= 0) return 0; if (atMs > 0) return Math.round(clock.anchorMs + atMs - clock.anchorPlanMs);', tests: ['tests/conversation/audio-player.test.ts'] },
  // Issue 21, the point in use and light pressure where things meet.
  { name: 'which foot: always the first foot, even past the switch', file: 'src/core/position.ts',
    from: 'return second ? `second${limb}` : `first${limb}`;', to: 'return `first${limb}`;', tests: ['tests/conversation/points.test.ts'] },
  { name: 'what does it help with: the point in use answers where it is instead', file: 'src/core/turn.ts',
    from: "const words = { where: 'location', find: 'findTip', helps: 'helps' } as const;", to: "const words = { where: 'location', find: 'findTip', helps: 'location' } as const;",
    tests: ['tests/conversation/points.test.ts'] },
  { name: 'streams: a light step plays its firm cues', file: 'src/audio/stream.ts',
    from: 'const plan = params.light ? withLightSteps(planned, [params.step]) : planned;', to: 'const plan = planned;', tests: ['tests/conversation/audio-player.test.ts'] },
  { name: 'pain near a point\'s end: the light pressure stays behind on the point left', file: 'src/core/safety.ts',
    from: 'const gentle = lightened(lightened(withoutPending(state), at.stepIndex), entry?.stepIndex ?? at.stepIndex);',
    to: 'const gentle = lightened(withoutPending(state), at.stepIndex);', tests: ['tests/core/reducer.test.ts'] },
];
function runs(tests: readonly string[]): boolean {
  try {
    execFileSync('npx', ['vitest', 'run', ...tests], { stdio: 'ignore', env: { ...process.env, FUZZ_RUNS: '300' } });
    return true;
  } catch {
    return false;
  }
}

const only = process.argv.slice(2);
let survived = 0;
let skipped = 0;
/** The file being mutated and its text, restored if the run is interrupted. */
let pending: { file: string; original: string } | undefined;
process.on('SIGINT', () => {
  if (pending) writeFileSync(pending.file, pending.original);
  process.exit(130);
});
for (const m of MUTATIONS.filter((x) => !only.length || only.some((o) => x.name.includes(o)))) {
  const original = readFileSync(m.file, 'utf8');
  // Exactly one place to break, and tests that pass before it is broken: otherwise "killed" would mean nothing.
  if (original.split(m.from).length !== 2) { skipped += 1; console.log(`SKIP    ${m.name} (its code is not there once: update tools/mutate.mts)`); continue; }
  if (!runs(m.tests)) { skipped += 1; console.log(`SKIP    ${m.name} (its tests fail before the mutation)`); continue; }
  pending = { file: m.file, original };
  writeFileSync(m.file, original.replace(m.from, m.to));
  try {
    const green = runs(m.tests);
    if (green) survived += 1;
    console.log(`${green ? 'SURVIVED' : 'killed  '} ${m.name}  [${m.tests.join(', ')}]`);
  } finally {
    writeFileSync(m.file, original);
    pending = undefined;
  }
}
process.exitCode = survived || skipped ? 1 : 0;
