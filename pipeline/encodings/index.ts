/** Legacy Vietnamese encodings: codecs, detection, the syllable statistic detection uses. */
export {
  canonicalEncoding,
  decodeLegacy,
  asciiPunctuation,
  encodeLegacy,
  ENCODING_NAMES,
  LEGACY_ENCODINGS,
  type Cp1258Style,
  type EncodeOptions,
  type EncodingName,
  type LegacyEncoding,
  type Tcvn3Capitals,
} from './codecs.js';
export { declaredCharset, detectEncoding, DETECTED_ENCODINGS, MIN_VALID_SHARE, rankEncodings, type Candidate } from './detect.js';
export { isVietnameseSyllable, syllableStats, type SyllableStats } from './syllable.js';
