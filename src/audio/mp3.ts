/**
 * MP3 at the frame level, enough to join pre-rendered clips with exact silence, without decoding anything.
 *
 * The streams are MPEG-2 Layer III, mono, 24 kHz, 48 kbps: 576 samples (24 ms) and 144 bytes a frame, the rate Polly
 * writes MP3 at (SampleRate "24000", https://docs.aws.amazon.com/polly/latest/dg/API_SynthesizeSpeech.html).
 * AudioPlayer streams MP3 over HTTPS (https://developer.amazon.com/en-US/docs/alexa/custom-skills/audioplayer-interface-reference.html;
 * 16 to 384 kbps per /work/shared/docs/alexa-platform.md). SSML `<audio>` wants MPEG-2 at exactly 48 kbps; Amazon's
 * announcement of the tag named 16 kHz (https://amazon.developer.forums.answerhub.com/articles/2758/new-ssml-tag-audio.html),
 * later pages 16, 22.05 or 24 kHz (not verified here): only matters if these clips are ever reused in SSML.
 *
 * - A clip's first frame is often an Xing/Info frame (no audio: frame count, and LAME's encoder delay and padding).
 *   It is dropped when joining, or a decoder would take the whole stream's length from the first clip's; its
 *   encoder delay is read so that the clip's first sound can be placed where the plan wants it.
 * - Silence is a frame whose side information is all zero: no main data, every spectral value zero. It takes
 *   nothing from the bit reservoir (main_data_begin = 0), so it can sit between any two clips; and a clip's own
 *   first frame starts with an empty reservoir too, as an encoder's first frame always does.
 */

/** The stream's format: every clip must be this, and silence is made in it. */
export const STREAM_FORMAT = { sampleRate: 24_000, kbps: 48, channels: 1, samplesPerFrame: 576 } as const;
/** One frame, in ms: 576 / 24,000 s. */
export const FRAME_MS = (STREAM_FORMAT.samplesPerFrame / STREAM_FORMAT.sampleRate) * 1000;
/** An MP3 decoder's own delay (the synthesis filter bank), in samples; it adds to the encoder's. */
export const DECODER_DELAY_SAMPLES = 529;
/** LAME's encoder delay when a clip carries no LAME tag to say it, in samples. */
export const DEFAULT_ENCODER_DELAY_SAMPLES = 576;

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES: Readonly<Record<number, readonly number[]>> = { 3: [44_100, 48_000, 32_000], 2: [22_050, 24_000, 16_000], 0: [11_025, 12_000, 8_000] };

export interface FrameHeader {
  /** 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5. */
  readonly version: 3 | 2 | 0;
  readonly kbps: number;
  readonly sampleRate: number;
  readonly mono: boolean;
  readonly crc: boolean;
  readonly bytes: number;
  readonly samples: number;
}

/** The Layer III frame header at `at`, or undefined when there is none. */
export function frameHeader(data: Uint8Array, at: number): FrameHeader | undefined {
  if (at + 4 > data.length) return undefined;
  const b1 = data[at + 1] as number;
  const b2 = data[at + 2] as number;
  if (data[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const version = ((b1 >> 3) & 3) as 3 | 2 | 1 | 0;
  if (version === 1 || ((b1 >> 1) & 3) !== 1) return undefined; // reserved version, or not Layer III
  const kbps = (version === 3 ? BITRATES_V1 : BITRATES_V2)[b2 >> 4];
  const sampleRate = RATES[version]?.[(b2 >> 2) & 3];
  if (!kbps || !sampleRate) return undefined; // free format or a bad index
  const samples = version === 3 ? 1152 : 576;
  const bytes = Math.floor(((samples / 8) * kbps * 1000) / sampleRate) + ((b2 >> 1) & 1);
  return { version, kbps, sampleRate, mono: (data[at + 3] as number) >> 6 === 3, crc: (b1 & 1) === 0, bytes, samples };
}

export interface ParsedClip {
  /** The audio frames, back to back (no ID3 tag, no Xing/Info frame). */
  readonly frames: Uint8Array;
  readonly frameCount: number;
  readonly header: FrameHeader;
  /** Encoder delay (LAME tag, else LAME's usual 576), in samples. */
  readonly encoderDelay: number;
  /** Samples of padding at the end (LAME tag, else 0). */
  readonly padding: number;
}

export class Mp3FormatError extends Error {}

const sideInfoBytes = (h: FrameHeader) => (h.version === 3 ? (h.mono ? 17 : 32) : h.mono ? 9 : 17);

/** The Xing/Info tag of a frame: its LAME delay and padding, if the frame is one. */
function infoTag(data: Uint8Array, at: number, h: FrameHeader): { delay?: number; padding?: number } | undefined {
  const tag = at + 4 + (h.crc ? 2 : 0) + sideInfoBytes(h);
  const id = String.fromCharCode(...data.subarray(tag, tag + 4));
  if (id !== 'Xing' && id !== 'Info') return undefined;
  const flags = ((data[tag + 7] as number) | 0) & 0x0f;
  let p = tag + 8 + (flags & 1 ? 4 : 0) + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
  // LAME's extension: a 9-character encoder name ("LAME3.100", "Lavc61.19"), then at +21 delay and padding, 12 bits each.
  if (p + 24 > at + h.bytes) return {};
  p += 21;
  const d0 = data[p] as number, d1 = data[p + 1] as number, d2 = data[p + 2] as number;
  return { delay: (d0 << 4) | (d1 >> 4), padding: ((d1 & 0x0f) << 8) | d2 };
}

/** Splits an MP3 file into its audio frames; every frame must have the stream's format. */
export function parseClip(file: Uint8Array): ParsedClip {
  let at = 0;
  if (file[0] === 0x49 && file[1] === 0x44 && file[2] === 0x33 && file.length >= 10) {
    // ID3v2: a 10-byte header and a syncsafe size.
    at = 10 + (((file[6] as number) << 21) | ((file[7] as number) << 14) | ((file[8] as number) << 7) | (file[9] as number));
  }
  const chunks: Uint8Array[] = [];
  let encoderDelay = DEFAULT_ENCODER_DELAY_SAMPLES;
  let padding = 0;
  let first: FrameHeader | undefined;
  let total = 0;
  while (at < file.length) {
    const h = frameHeader(file, at);
    if (!h) {
      if (first) break; // an ID3v1 tag, or trailing bytes
      at += 1; // garbage before the first frame
      continue;
    }
    if (h.sampleRate !== STREAM_FORMAT.sampleRate || !h.mono || h.version !== 2) {
      throw new Mp3FormatError(`a clip frame is ${h.sampleRate} Hz ${h.mono ? 'mono' : 'stereo'} MPEG-${h.version === 3 ? 1 : h.version === 2 ? 2 : 2.5}; streams are 24 kHz mono MPEG-2`);
    }
    if (at + h.bytes > file.length) break; // a truncated last frame
    const info = !first && chunks.length === 0 ? infoTag(file, at, h) : undefined;
    if (info) {
      if (info.delay !== undefined) encoderDelay = info.delay;
      if (info.padding !== undefined) padding = info.padding;
    } else {
      first ??= h;
      chunks.push(file.subarray(at, at + h.bytes));
      total += h.bytes;
    }
    at += h.bytes;
  }
  if (!first) throw new Mp3FormatError('no MPEG audio frame in the clip');
  const frames = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { frames.set(c, o); o += c.length; }
  return { frames, frameCount: chunks.length, header: first, encoderDelay, padding };
}

/** One frame of digital silence in the stream's format: header, all-zero side information, nothing else. */
export function silentFrame(): Uint8Array {
  // MPEG-2 (10), Layer III (01), no CRC; 48 kbps (index 6), 24 kHz (index 1), no padding; mono.
  const bytes = Math.floor(((STREAM_FORMAT.samplesPerFrame / 8) * STREAM_FORMAT.kbps * 1000) / STREAM_FORMAT.sampleRate);
  const frame = new Uint8Array(bytes);
  frame.set([0xff, 0xf3, 0x64, 0xc0]);
  return frame;
}

const SILENCE = silentFrame();

/** Where a clip's first sound is after the start of its frames, in ms: encoder delay plus decoder delay. */
export const leadMsOf = (clip: ParsedClip): number => ((clip.encoderDelay + DECODER_DELAY_SAMPLES) / STREAM_FORMAT.sampleRate) * 1000;

/** Joins clips placed at frame-aligned times, with silent frames between them and up to `durationMs`. */
export function joinFrames(placed: readonly { readonly clip: ParsedClip; readonly startMs: number }[], durationMs: number): Uint8Array {
  const frameAt = (ms: number) => Math.round(ms / FRAME_MS);
  let size = 0;
  let frame = 0;
  for (const p of placed) {
    const start = frameAt(p.startMs);
    if (start < frame) throw new RangeError(`a clip at ${p.startMs} ms overlaps the one before it`);
    size += (start - frame) * SILENCE.length + p.clip.frames.length;
    frame = start + p.clip.frameCount;
  }
  const end = Math.max(frame, frameAt(durationMs));
  size += (end - frame) * SILENCE.length;
  const out = new Uint8Array(size);
  let o = 0;
  frame = 0;
  const silence = (n: number) => { for (let i = 0; i < n; i += 1) { out.set(SILENCE, o); o += SILENCE.length; } };
  for (const p of placed) {
    const start = frameAt(p.startMs);
    silence(start - frame);
    out.set(p.clip.frames, o);
    o += p.clip.frames.length;
    frame = start + p.clip.frameCount;
  }
  silence(end - frame);
  return out;
}
