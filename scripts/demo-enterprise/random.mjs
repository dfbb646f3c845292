// Every choice the generator makes by chance goes through here, so the whole
// enterprise is a pure function of SEED: re-running rewrites identical bytes.
export const SEED = 0x0fe2a11;

// mulberry32: tiny and good enough for demo data; not for anything secret.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// FNV-1a, to turn a purpose label into a seed.
function hash(label) {
  let h = 0x811c9dc5;
  for (const ch of label) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// One independent stream per purpose: adding a team must not reshuffle every
// user name, API consumer and lifecycle that happened to be drawn after it.
export function randomFor(purpose) {
  const next = mulberry32(SEED ^ hash(purpose));
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = items => items[Math.floor(next() * items.length)];
  const shuffle = items => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return {
    next,
    int,
    pick,
    shuffle,
    chance: p => next() < p,
    sample: (items, n) => shuffle(items).slice(0, n),
  };
}
