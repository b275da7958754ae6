/**
 * Compact character tables for normalisation: invisible code points, combining marks,
 * homoglyphs (Cyrillic, Greek, Latin small capitals and a few symbols that NFKD leaves alone)
 * and leetspeak digits. Kept small on purpose: NFKD already folds fullwidth, mathematical
 * alphanumerics, circled and superscript letters.
 */

/** Format/invisible code points removed before matching (zero-width, joiners, fillers, selectors). */
export function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad || cp === 0x034f || cp === 0x061c || cp === 0x115f || cp === 0x1160 ||
    cp === 0x17b4 || cp === 0x17b5 || (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff || cp === 0xffa0 ||
    (cp >= 0x1bca0 && cp <= 0x1bca3) || (cp >= 0x1d173 && cp <= 0x1d17a) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** Bidirectional embedding/override/isolate controls (Trojan-Source style reordering). */
export function isBidiControl(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x061c;
}

/** Unicode tag block, used to smuggle invisible ASCII. */
export function isTagChar(cp: number): boolean {
  return cp >= 0xe0000 && cp <= 0xe007f;
}

/** Combining marks dropped after NFKD (accents used to dodge keyword matching). */
export function isCombiningMark(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f)
  );
}

const CONFUSABLE_PAIRS =
  // Cyrillic lower and upper
  'аa бb вb гr дd еe ёe іi їi јj кk лn мm нh оo пn рp сc тt уy фf хx чy шw щw ъb ьb эe юo ѕs ԁd ԛq ԝw ӏl һh ҝk үy ' +
  'АA БB ВB ГR ЕE ЁE ІI ЇI ЈJ КK МM НH ОO ПN РP СC ТT УY ФF ХX ЅS ԚQ ԜW Һh ҮY ' +
  // Greek lower and upper
  'αa βb γy δd εe ζz ηn θo ιi κk λl μu νv οo πn ρp σo ςc τt υu φf χx ψw ωw ' +
  'ΑA ΒB ΓR ΔD ΕE ΖZ ΗH ΘO ΙI ΚK ΛL ΜM ΝN ΟO ΠN ΡP ΣE ΤT ΥY ΦF ΧX ΨW ΩW ' +
  // Latin small capitals and look-alikes NFKD does not fold
  'ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz ɑa ɡg ıi ȷj ɩi ɵo';

/** Homoglyph → Latin lower-case letter. */
export const CONFUSABLES: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const pair of CONFUSABLE_PAIRS.split(' ')) {
    const chars = [...pair];
    const from = chars[0];
    const to = chars[chars.length - 1];
    if (from && to && /^[A-Za-z]$/.test(to)) map.set(from, to.toLowerCase());
  }
  return map;
})();

/** Leetspeak substitutions applied inside tokens that mix letters and digits/symbols. */
export const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', '$': 's', '!': 'i', '|': 'l',
};
