// "Check my draft": the handbook's rules applied to a draft, with no DOM. The rules
// arrive as data generated from rules.yml, data/draft-rules and the strings
// (make_it_right/draft.py: draft_data); this module mirrors make_it_right/draft.py
// step for step (structure read first, wording rules, parts, limits, reading ease),
// and web/test/draft.test.js holds both to the same findings on the whole corpus.
import { format, plural } from "./text.js";

function compile(data) {
  const regex = ({ source, flags }) => new RegExp(source, `g${flags}`);
  const all = (sources, flags) => sources.map((source) => regex({ source, flags }));
  // A line's pattern matches at the line's start, as Python's re.match does.
  const atStart = (source) => new RegExp(`^(?:${source})`, "i");
  return {
    ...data,
    wordingRe: data.wording.map((rule) => ({ ...rule, re: all(rule.patterns, rule.flags),
      unlessRe: all(rule.unless, rule.flags), besideRe: all(rule.beside, rule.flags) })),
    clausesRe: data.clauses && {
      ends: all(data.clauses.ends, data.clauses.flags),
      refer: all(data.clauses.refer, data.clauses.flags),
      referNotUs: all(data.clauses.referNotUs, data.clauses.flags),
      subject: all(data.clauses.subject, data.clauses.flags),
      actors: data.clauses.actors.map((a) => ({ kind: a.kind, re: regex(a) })),
      words: Object.fromEntries(Object.entries(data.clauses.words).map(([name, sources]) =>
        [name, all(sources, data.clauses.flags)])),
    },
    setAsideRe: Object.entries(data.setAside).map(([name, kind]) => ({ name,
      line: kind.line === null ? null : atStart(kind.line),
      fromHereOn: kind.from_here_on.map(atStart),
      startsBlock: kind.starts_block === null ? null : atStart(kind.starts_block),
      continues: kind.continues === null ? null : atStart(kind.continues),
      closing: kind.closing.map((source) => new RegExp(`^(?:${source})$`, "i")),
      tailLines: kind.tail_lines, tailChars: kind.tail_chars,
      footer: kind.footer.map((source) => new RegExp(source, "i")),
      footerCues: kind.footer_cues })),
    partRe: Object.fromEntries(Object.entries(data.parts).map(([k, v]) => [k,
      { re: all(v.patterns, v.flags), unlessRe: all(v.unless, v.flags), clauses: v.clauses,
        notInClauseWith: v.notInClauseWith, notInClause: v.notInClause,
        missingWith: v.missingWith, missingWithUnless: v.missingWithUnless, missingWithIf: v.missingWithIf,
        notBeside: v.notBeside, notBesideUnless: v.notBesideUnless }])),
    phoneRe: regex(data.phone),
    guessRe: data.guess.map((g) => ({ channel: g.channel, re: regex(g) })),
    spaceSet: new Set(data.spaces),
    breakSet: new Set(data.lineBreaks),
    gsm: new Set(data.gsm7),
    gsmExt: new Set(data.gsm7Extended),
    hyph: null,
  };
}

// Every non-empty match, as [start, end] in UTF-16 units of `text`.
function findAll(re, text) {
  const spans = [];
  for (const m of text.matchAll(re)) {
    if (m[0].length) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

// draft_structure.read_structure: which code points are not the writer's own
// words (a quoted thread, a signature, a legal notice, an avoid list), and how
// many lines of each kind were set aside.
function readStructure(R, text) {
  const chars = Array.from(text);
  const hidden = new Array(chars.length).fill(false);
  const counts = new Map(R.setAsideRe.map((k) => [k.name, 0]));
  const order = R.setAsideRe.map((k) => k.name);
  let current = null, block = null, start = 0;
  const line = (end) => {
    let a = start, b = end;
    while (a < b && R.spaceSet.has(chars[a])) a++;
    while (b > a && R.spaceSet.has(chars[b - 1])) b--;
    const words = chars.slice(a, b).join("");
    let kind = null;
    for (const k of R.setAsideRe) {
      if (k.fromHereOn.some((re) => re.test(words))) {
        if (current === null || order.indexOf(k.name) < order.indexOf(current)) current = k.name;
        break;
      }
    }
    if (current !== null) kind = current;
    else {
      let matched = false;
      for (const k of R.setAsideRe) {
        if (k.line && k.line.test(words)) { kind = k.name; matched = true; break; }
        if (k.startsBlock && k.startsBlock.test(words)) { kind = block = k.name; matched = true; break; }
        if (block === k.name && k.continues && k.continues.test(words)) { kind = k.name; matched = true; break; }
      }
      if (!matched) block = null;
    }
    if (kind !== null && words) {
      counts.set(kind, counts.get(kind) + 1);
      for (let i = start; i < end; i++) hidden[i] = true;
    }
  };
  chars.forEach((ch, i) => { if (R.breakSet.has(ch)) { line(i); start = i + 1; } });
  line(chars.length);
  for (const [name, spans] of readTail(R, chars, hidden)) {
    for (const [a, b] of spans) {
      counts.set(name, counts.get(name) + 1);
      for (let i = a; i < b; i++) hidden[i] = true;
    }
  }
  return { hidden, counts: [...counts].filter(([, n]) => n) };
}

// draft_structure._tail: a signature and a legal notice at the end with no
// marker line, as [kind, its non-blank lines].
function readTail(R, chars, hidden) {
  const own = [];
  let from = 0;
  chars.forEach((ch, i) => { if (R.breakSet.has(ch)) { own.push([from, i]); from = i + 1; } });
  own.push([from, chars.length]);
  const kept = own.filter(([a, b]) => !(b > a && hidden[a]));
  const words = kept.map(([a, b]) => {
    while (a < b && R.spaceSet.has(chars[a])) a++;
    while (b > a && R.spaceSet.has(chars[b - 1])) b--;
    return { text: chars.slice(a, b).join(""), length: b - a };
  });
  const found = [];
  let end = kept.length;
  let lead = words.findIndex((w) => w.length);
  if (lead < 0) lead = 0;
  for (const k of R.setAsideRe) {
    if (!k.footer.length) continue;
    for (;;) {
      let top = end;
      while (top > 0 && !words[top - 1].length) top--;
      let first = top;
      while (first > 0 && words[first - 1].length) first--;
      const paragraph = words.slice(first, top).map((w) => w.text).join(" ");
      if (first <= lead || k.footer.filter((re) => re.test(paragraph)).length < k.footerCues) break;
      found.push([k.name, kept.slice(first, top)]);
      end = first;
    }
  }
  for (const k of R.setAsideRe) {
    if (!k.closing.length) continue;
    let short = 0;
    for (let i = end - 1; i >= 0; i--) {
      if (!words[i].length) continue;
      if (short && i > lead && k.closing.some((re) => re.test(words[i].text))) {
        found.push([k.name, kept.slice(i, end).filter((_, j) => words[i + j].length)]);
        end = i;
        break;
      }
      short++;
      if (short > k.tailLines || words[i].length > k.tailChars) break;
    }
  }
  return found;
}

const ownText = (text, structure) =>
  Array.from(text).filter((ch, i) => !structure.hidden[i]).join("");

// patterns.normalize: runs of white space become one space, curly quotes straight;
// what was set aside reads as spaces. origin[i] is the code-point index (cp) and
// UTF-16 index (u16) in the original.
function normalize(R, text, hidden = []) {
  let out = "";
  const cp = [], u16 = [], breaks = new Set();
  let inSpace = false, i = 0, unit = 0;
  for (const raw of text) {
    const ch = hidden[i] && !R.breakSet.has(raw) ? " " : raw;
    if (R.spaceSet.has(ch)) {
      if (R.breakSet.has(ch)) breaks.add(inSpace ? out.length - 1 : out.length);
      if (!inSpace) { inSpace = true; out += " "; cp.push(i); u16.push(unit); }
    } else {
      inSpace = false;
      const mapped = R.quotes[ch] ?? ch;
      for (let k = 0; k < mapped.length; k++) { cp.push(i); u16.push(unit); }
      out += mapped;
    }
    i += 1;
    unit += raw.length;
  }
  cp.push(i);
  u16.push(unit);
  return { text: out, cp, u16, breaks };
}

// A span of the normalised text as spans of the original: code points and UTF-16.
function span(norm, start, end) {
  // `end - 1` may sit inside a surrogate pair; both halves map to one character.
  const lastCp = norm.cp[end - 1];
  const lastU16 = norm.u16[end - 1];
  return { start: norm.cp[start], end: lastCp + 1, from: norm.u16[start], to: nextUnit(norm, lastU16) };
}

function nextUnit(norm, unit) {
  const text = norm.original;
  const code = text.charCodeAt(unit);
  return unit + (code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length ? 2 : 1);
}

const cpLength = (text) => Array.from(text).length;

function stripSpaces(R, text) {
  const chars = Array.from(text);
  let a = 0, b = chars.length;
  while (a < b && R.spaceSet.has(chars[a])) a++;
  while (b > a && R.spaceSet.has(chars[b - 1])) b--;
  return chars.slice(a, b).join("");
}

// measure.count_words: \w+(?:['’]\w+)* with Python's Unicode \w.
const WORD = /[\p{L}\p{N}_]+(?:['\u2019][\p{L}\p{N}_]+)*/gu;
const countWords = (text) => (text.match(WORD) || []).length;

// measure.sms_size: one segment holds 160 GSM-7 or 70 UCS-2 units; a longer message
// is split into parts of 153 or 67, and a GSM-7 escape pair or a surrogate pair that
// would straddle the end of a part starts the next one (3GPP TS 23.040).
function smsSize(R, text) {
  const chars = Array.from(text);
  const gsm = chars.every((ch) => R.gsm.has(ch) || R.gsmExt.has(ch));
  const widths = gsm ? chars.map((ch) => (R.gsmExt.has(ch) ? 2 : 1)) : chars.map((ch) => ch.length);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  const units = widths.reduce((n, size) => n + size, 0);
  if (units <= single) return { units, segments: 1 };
  let segments = 1, used = 0;
  for (const size of widths) {
    if (used + size > part) { segments++; used = 0; }
    used += size;
  }
  return { units, segments };
}

// draft.paragraphs: runs of non-blank lines (CRLF is one line break).
function paragraphs(R, text) {
  let count = 0, blank = true, line = "";
  const end = () => {
    if (stripSpaces(R, line)) { count += blank ? 1 : 0; blank = false; } else blank = true;
    line = "";
  };
  for (const ch of text.replace(/\r\n/g, "\n")) {
    if (R.breakSet.has(ch)) end(); else line += ch;
  }
  end();
  return count;
}

function subjectLine(R, text) {
  const chars = Array.from(text);
  let start = 0;
  while (start < chars.length && R.spaceSet.has(chars[start])) start++;
  let end = start;
  while (end < chars.length && !R.breakSet.has(chars[end])) end++;
  const line = chars.slice(start, end).join("");
  const label = R.subjectLabel;
  if (!line.toLowerCase().startsWith(label.toLowerCase())) return null;
  return { subject: stripSpaces(R, line.slice(label.length)), after: end };
}

function guessChannel(R, text) {
  if (subjectLine(R, text)) return Object.keys(R.channels).find((c) => R.channels[c].subject);
  const structure = readStructure(R, text);
  const normal = normalize(R, text, structure.hidden).text;
  for (const g of R.guessRe) if (findAll(g.re, normal).length) return g.channel;
  const own = ownText(text, structure);
  if (paragraphs(R, own) >= R.emailParagraphs) return "email";
  return smsSize(R, stripSpaces(R, own)).segments <= 1 ? "sms" : "email";
}

function readDraft(R, text, channel) {
  if (!R.channels[channel]) throw new Error(`unknown channel '${channel}'`);
  const structure = readStructure(R, text);
  const norm = normalize(R, text, structure.hidden);
  norm.original = text;
  let subject = null, bodyStart = 0;
  if (R.channels[channel].subject) {
    const found = subjectLine(R, text);
    if (found) {
      subject = found.subject;
      bodyStart = norm.cp.findIndex((o) => o >= found.after);
      if (bodyStart < 0 || bodyStart > norm.text.length) bodyStart = norm.text.length;
    }
  }
  return { text, channel, subject, bodyStart, norm, structure, own: ownText(text, structure),
    body: norm.text.slice(bodyStart) };
}

const whole = (value) => Math.floor(value + 0.5);

const overlaps = (spans, a, b) => spans.some(([x, y]) => x < b && a < y);

// draft.matches: every match no exception overlaps; overlapping matches count once.
function matches(regexes, unless, text) {
  const spans = regexes.flatMap((re) => findAll(re, text)).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const excepted = unless.flatMap((re) => findAll(re, text));
  const kept = [];
  for (const [a, b] of spans) {
    if (overlaps(excepted, a, b)) continue;
    if (kept.length && a < kept[kept.length - 1][1]) continue;
    kept.push([a, b]);
  }
  return kept;
}

// DraftRule.spans: a rule with `beside` flags only when one of those matches too.
function patternSpans(rule, text) {
  if (rule.besideRe.length && !matches(rule.besideRe, [], text).length) return [];
  return matches(rule.re, rule.unlessRe, text);
}

// DraftRules.rule_spans: the rule's patterns, then its clause (draft_clauses).
function ruleSpans(R, rule, text, view) {
  const spans = rule.patterns.length ? patternSpans(rule, text) : [];
  if (!rule.clause || !view) return spans;
  for (const [a, b] of view.find(rule.clause)) if (!overlaps(spans, a, b)) spans.push([a, b]);
  return spans.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

// -- the sentence-level pass (make_it_right/draft_clauses.py) ---------------------

// draft_clauses.clause_ids: the clause and the sentence of each index.
function clauseIds(R, text, breaks, ends) {
  const starts = new Set(ends);
  const clauses = [], ofSentence = [];
  let clause = 0, sentence = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (i && starts.has(i)) clause += 1;
    clauses.push(clause);
    ofSentence.push(sentence);
    if (breaks.has(i) || (R.sentenceEnds.includes(text[i]) && (i + 1 === n || text[i + 1] === " "))) {
      clause += 1;
      sentence += 1;
    }
  }
  return { clauses, sentences: ofSentence };
}

const ACTOR_KINDS = ["us", "colleague", "named", "supplier", "client"];
const bySpan = (x, y) => x[0] - y[0] || x[1] - y[1];

// Python's bisect_left / bisect_right on a sorted list of numbers.
function bisectLeft(list, value) {
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] < value) lo = mid + 1; else hi = mid; }
  return lo;
}
function bisectRight(list, value) {
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] <= value) lo = mid + 1; else hi = mid; }
  return lo;
}

// draft_clauses.ClauseView: one text read clause by clause.
function clauseView(R, text, breaks) {
  const C = R.clausesRe;
  if (!C) return null;
  const carry = R.clauses.carry;
  const refers = C.refer.flatMap((re) => findAll(re, text)).map(([a]) => a).sort((x, y) => x - y);
  const notUs = new Set(C.referNotUs.flatMap((re) => findAll(re, text)).map(([a]) => a));
  const ownSubject = new Set(C.subject.flatMap((re) => findAll(re, text)).map(([a]) => a));
  const ends = C.ends.flatMap((re) => findAll(re, text)).map(([a]) => a).sort((x, y) => x - y);
  const { clauses: ids, sentences: inSentence } = clauseIds(R, text, breaks, ends);
  const found = C.actors.flatMap((a) => findAll(a.re, text).map(([s, e]) => [s, e, a.kind]))
    .sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const actors = [];
  for (const actor of found) {
    if (actors.length && actor[0] < actors[actors.length - 1][1]) continue;
    actors.push(actor);
  }
  const actorStarts = actors.map(([s]) => s);
  const actorEnds = actors.map(([, e]) => e);
  // For each actor, the nearest one at or before it that is not us (a pronoun points past "we").
  const other = [];
  actors.forEach(([, , kind], i) => other.push(kind !== "us" ? i : (other.length ? other[other.length - 1] : -1)));
  const starts = new Map();
  ids.forEach((clause, i) => { if (!starts.has(clause)) starts.set(clause, i); });
  const cache = new Map();
  const spans = (name) => {
    if (!cache.has(name)) {
      let got;
      if (ACTOR_KINDS.includes(name)) got = actors.filter((a) => a[2] === name).map(([s, e]) => [s, e]);
      else if (C.words[name]) got = C.words[name].flatMap((re) => findAll(re, text)).sort(bySpan);
      else got = matches(R.partRe[name].re, R.partRe[name].unlessRe, text);
      cache.set(name, got);
    }
    return cache.get(name);
  };
  const unitsWith = (name, within) => {
    const of = within === "clause" ? ids : inSentence;
    return new Set(spans(name).map(([a]) => of[a]));
  };
  // The nearest actor that ends at or before `index`, in the same clause; or, when that
  // clause has none and opens with a carry mark and no subject, the last one of the clause before it;
  // or, when a pronoun of `refer` stands before `index` in the clause, the sentence's last one.
  const actorBefore = (index) => {
    const k = bisectRight(actorEnds, index) - 1;
    if (k < 0) return null;
    const clause = ids[index], at = ids[actors[k][0]];
    const start = starts.get(clause);
    // A pronoun after the nearest actor is the verb's own subject ("I must say that he had no authority").
    const r = bisectLeft(refers, Math.max(start, actors[k][1]));
    if (r < refers.length && refers[r] < index) {
      const j = notUs.has(refers[r]) ? other[k] : k;
      return j >= 0 && inSentence[actors[j][0]] === inSentence[index] ? actors[j] : null;
    }
    if (at === clause) return actors[k];
    if (inSentence[start] !== inSentence[actors[k][0]]) return null;
    if (at === clause - 1 && carry.includes(text[start]) && !ownSubject.has(start)) return actors[k];
    return null;
  };
  // draft_clauses.ClauseView.comes_after: a match of one of `names` ends at or before
  // `index`, in the clause of `index`, with no other actor between it and `index`.
  const afterCache = new Map();
  const comesAfter = (names, index) => {
    const key = names.join("\n");
    if (!afterCache.has(key)) {
      const got = names.flatMap((name) => spans(name)).sort((x, y) => x[1] - y[1]);
      let latest = [-1, -1];
      afterCache.set(key, { ends: got.map(([, e]) => e),
        latest: got.map((s) => { if (bySpan(s, latest) > 0) latest = s; return latest; }) });
    }
    const { ends: E, latest: L } = afterCache.get(key);
    const k = bisectRight(E, index) - 1;
    if (k < 0) return false;
    const [start, end] = L[k];
    return ids[start] === ids[index] && bisectLeft(actorStarts, end) === bisectLeft(actorStarts, index);
  };
  const clauseStart = (c) => starts.get(c);
  // draft_clauses.ClauseView.part_spans: a part's matches, less those in a clause its
  // notInClauseWith lists or notInClause bars pick out.
  const partSpans = (name) => {
    const part = R.partRe[name];
    if (!part) return spans(name);
    const self = { clauseIds: ids, sentenceIds: inSentence, clauseStart, spans };
    const barred = new Set([
      ...part.notInClauseWith.flatMap((n) => [...unitsWith(n, "clause")]),
      ...part.notInClause.flatMap((bar) => [...barredBy(R, self, text, bar)])]);
    return spans(name).filter(([a]) => !barred.has(ids[a]));
  };
  const find = (spec) => {
    const of = spec.within === "clause" ? ids : inSentence;
    // draft_clauses.ClauseSpec.alone: with none of these anywhere, `has` is not needed.
    const alone = spec.alone.length > 0 && !spec.alone.some((name) => partSpans(name).length);
    const has = alone ? [] : spec.has.map((name) => unitsWith(name, spec.within));
    const barred = new Set(spec.not.flatMap((name) => [...unitsWith(name, spec.within)]));
    const barredClauses = new Set(spec.notInClause.flatMap((name) => [...unitsWith(name, "clause")]));
    const fromActor = spec.actor !== null && !spec.actor.includes("none");
    const out = [];
    for (const [start, end] of spec.verbs.flatMap((name) => spans(name)).sort(bySpan)) {
      const unit = of[start];
      // A verb inside an actor is part of who it is: "the lad we sent out fitted …".
      const k = bisectRight(actorStarts, start) - 1;
      if (k >= 0 && actors[k][0] < start && start < actors[k][1]) continue;
      if (barred.has(unit) || barredClauses.has(ids[start]) || !has.every((h) => h.has(unit))) continue;
      const actor = actorBefore(start);
      if (spec.actor !== null && !spec.actor.includes(actor ? actor[2] : "none")) continue;
      if (spec.after.length && !comesAfter(spec.after, actor ? actor[0] : start)) continue;
      out.push([fromActor && actor ? actor[0] : start, end]);
    }
    return out;
  };
  return { clauseIds: ids, sentenceIds: inSentence, clauseStart, spans, partSpans, unitsWith, find };
}

function wording(R, draft, view) {
  const found = [];
  const taken = new Map();
  R.wordingRe.forEach((rule, order) => {
    if (rule.channels !== null && !rule.channels.includes(draft.channel)) return;
    if (!taken.has(rule.category)) taken.set(rule.category, []);
    const spans = taken.get(rule.category);
    for (const [a, b] of ruleSpans(R, rule, draft.norm.text, view)) {
      if (overlaps(spans, a, b)) continue;
      if (rule.clause && view && spans.some(([x]) => view.sentenceIds[x] === view.sentenceIds[a])) continue;
      spans.push([a, b]);
      const s = span(draft.norm, a, b);
      found.push({ order, s, finding: { rule: rule.id, category: rule.category,
        message: rule.message, instead: rule.instead, link: rule.link, start: s.start, end: s.end } });
    }
  });
  found.sort((x, y) => x.s.start - y.s.start || x.order - y.order);
  return found.map((f) => ({ ...f.finding, _from: f.s.from, _to: f.s.to }));
}

function requiredParts(R, channel, playbook) {
  let need = [...R.channels[channel].parts];
  for (const change of R.situations[playbook || ""] || []) {
    if (change.channels === null || change.channels.includes(channel)) {
      need = need.filter((p) => !change.skip.includes(p));
      for (const p of change.add) if (!need.includes(p)) need.push(p);
    }
  }
  return need;
}

function missingParts(R, draft, playbook, view) {
  const words = R.strings.parts;
  const found = [];
  const link = R.links["missing-part"];
  if (R.channels[draft.channel].subject && !draft.subject) {
    found.push({ rule: "subject", category: "missing-part", ...words.subject, link });
  }
  for (const part of requiredParts(R, draft.channel, playbook)) {
    if (!partFound(R, draft, part, view)) {
      found.push({ rule: part, category: "missing-part", ...words[part], link });
    }
  }
  return found;
}

// draft.part_found: a vague time is not a time (the part's missingWith / notBeside).
// The clauses that have one of the bar's `has` and whose clause (or sentence, by its
// `within`) has none of its `unless`; with `carried`, also the clauses after each one
// that open with a carry mark, in its sentence, and aren't spared (draft.py barred_by).
function barredBy(R, view, text, bar) {
  const ids = bar.within === "clause" ? view.clauseIds : view.sentenceIds;
  const spared = new Set(bar.unless.flatMap((n) => view.spans(n).map(([a]) => ids[a])));
  const barred = new Set(bar.has.flatMap((n) => view.spans(n))
    .filter(([a]) => !spared.has(ids[a])).map(([a]) => view.clauseIds[a]));
  for (let clause of bar.carried ? [...barred].sort((x, y) => x - y) : []) {
    let after = view.clauseStart(clause + 1);
    while (after !== undefined && R.clauses.carry.includes(text[after])
      && view.sentenceIds[after] === view.sentenceIds[view.clauseStart(clause)]
      && !spared.has(ids[after])) {
      clause += 1;
      barred.add(clause);
      after = view.clauseStart(clause + 1);
    }
  }
  return barred;
}

function partFound(R, draft, name, view) {
  const part = R.partRe[name];
  const text = draft.norm.text;
  if (part.missingWith.length) {
    const spared = new Set(view ? part.missingWithUnless.flatMap((n) => [...view.unitsWith(n, "sentence")]) : []);
    const only = view && part.missingWithIf.length
      ? new Set(part.missingWithIf.flatMap((n) => [...view.unitsWith(n, "sentence")])) : null;
    if (categorySpans(R, draft, part.missingWith, view)
      .some(([a]) => !view || (!spared.has(view.sentenceIds[a])
        && (only === null || only.has(view.sentenceIds[a]))))) return false;
  }
  let spans = matches(part.re, part.unlessRe, text);
  if (view) {
    spans = [...view.partSpans(name),
      ...part.clauses.filter((spec) => !spec.channels || spec.channels.includes(draft.channel))
        .flatMap((spec) => view.find(spec))].sort(bySpan);
  }
  if (!part.notBeside.length) return spans.length > 0;
  const sid = sentenceIds(R, text, draft.norm.breaks);
  const flagged = new Set();
  for (const [a, b] of categorySpans(R, draft, part.notBeside, view)) {
    for (let i = sid[a]; i <= sid[b - 1]; i++) flagged.add(i);
  }
  for (const other of part.notBesideUnless) {
    const { re, unlessRe } = R.partRe[other];
    for (const [a] of matches(re, unlessRe, text)) flagged.delete(sid[a]);
  }
  return spans.some(([a, b]) => !flagged.has(sid[a]) && !flagged.has(sid[b - 1]));
}

function categorySpans(R, draft, categories, view) {
  return R.wordingRe.filter((rule) => categories.includes(rule.category) &&
    (rule.channels === null || rule.channels.includes(draft.channel)))
    .flatMap((rule) => ruleSpans(R, rule, draft.norm.text, view));
}

// draft.sentence_ids, per UTF-16 unit of the normalised text (the ends are all one unit).
function sentenceIds(R, text, breaks) {
  const ids = [];
  let current = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    ids.push(current);
    if (breaks.has(i) || (R.sentenceEnds.includes(text[i]) && (i + 1 === n || text[i + 1] === " "))) {
      current += 1;
    }
  }
  return ids;
}

function spokenWords(R, draft) {
  return countWords(draft.body.replace(R.phoneRe, readAloud));
}

// A phone number as a caller says it, as measure.read_aloud does.
function readAloud(number) {
  return (number.match(/[0-9]|[A-Za-z]+/g) || [])
    .map((t) => (/[0-9]/.test(t) ? t : "extension")).join(" ");
}

const MEASURES = {
  "subject-chars": (R, d) => cpLength(d.subject || ""),
  "body-words": (R, d) => countWords(d.body),
  "spoken-seconds": (R, d) => spokenWords(R, d) * 60 / R.wordsPerMinute,
  "phone-mentions": (R, d) => findAll(R.phoneRe, d.norm.text).length,
  "sms-segments": (R, d) => smsSize(R, stripSpaces(R, d.own)).segments,
};

function limits(R, draft) {
  const found = [];
  for (const limit of R.channels[draft.channel].limits) {
    const value = MEASURES[limit.measure](R, draft);
    const over = limit.max !== null && value > limit.max;
    const under = limit.min !== null && value < limit.min;
    if (!over && !under) continue;
    const words = R.strings.limits[limit.measure];
    const category = over ? "size" : "missing-part";
    found.push({ rule: limit.measure, category,
      message: format(words.message, { value: whole(value), limit: whole(over ? limit.max : limit.min) }),
      instead: words.instead, link: R.links[category] });
  }
  return found;
}

// -- reading ease: Flesch over pyphen's patterns (readability.py) -------------

function hyphenator(data) {
  const patterns = new Map();
  let maxlen = 0;
  for (const pattern of data.patterns.split(" ")) {
    let key = "";
    const values = [];
    for (const ch of pattern) {
      if (ch >= "0" && ch <= "9") values[cpLength(key)] = Number(ch);
      else key += ch;
    }
    const length = cpLength(key);
    const full = Array.from({ length: length + 1 }, (_, k) => values[k] || 0);
    let start = 0, end = full.length;
    while (!full[start]) start++;
    while (!full[end - 1]) end--;
    patterns.set(key, [start, full.slice(start, end)]);
    maxlen = Math.max(maxlen, length);
  }
  return { patterns, maxlen, left: data.left, right: data.right, cache: new Map() };
}

function syllables(H, word) {
  const lower = word.toLowerCase();
  let count = H.cache.get(lower);
  if (count !== undefined) return count;
  const pointed = Array.from(`.${lower}.`);
  const refs = new Array(pointed.length + 1).fill(0);
  for (let i = 0; i < pointed.length - 1; i++) {
    const stop = Math.min(i + H.maxlen, pointed.length) + 1;
    let key = "";
    for (let j = i + 1; j < stop; j++) {
      key += pointed[j - 1];
      const pattern = H.patterns.get(key);
      if (!pattern) continue;
      const [offset, values] = pattern;
      for (let k = 0; k < values.length && i + offset + k < refs.length; k++) {
        refs[i + offset + k] = Math.max(values[k], refs[i + offset + k]);
      }
    }
  }
  const right = cpLength(lower) - H.right;
  count = 1;
  refs.forEach((ref, i) => { if (ref % 2 && H.left <= i - 1 && i - 1 <= right) count++; });
  H.cache.set(lower, count);
  return count;
}

const flesch = (words, count, syl) => 206.835 - 1.015 * words / count - 84.6 * syl / words;

// Work on code points, as Python indexes the normalised text.
function sentences(R, chars, breaks, start) {
  const spans = [];
  let begin = start, i = start;
  const n = chars.length;
  while (i < n) {
    if (R.sentenceEnds.includes(chars[i])) {
      let j = i;
      while (j < n && R.sentenceEnds.includes(chars[j])) j++;
      while (j < n && R.sentenceClosers.includes(chars[j])) j++;
      if (j === n || chars[j] === " ") { spans.push([begin, j]); begin = j; }
      i = j;
      continue;
    }
    if (chars[i] === " " && breaks.has(i)) { spans.push([begin, i]); begin = i + 1; }
    i++;
  }
  spans.push([begin, n]);
  return spans.map(([s, e]) => {
    while (s < e && chars[s] === " ") s++;
    while (e > s && chars[e - 1] === " ") e--;
    return [s, e];
  }).filter(([s, e]) => e > s);
}

const LETTER = /\p{L}/u;
function letterWords(chars, start, end) {
  const found = [];
  let i = start;
  while (i < end) {
    if (!LETTER.test(chars[i])) { i++; continue; }
    let j = i + 1;
    for (;;) {
      while (j < end && LETTER.test(chars[j])) j++;
      if (j + 1 < end && chars[j] === "'" && LETTER.test(chars[j + 1])) { j++; continue; }
      break;
    }
    found.push(chars.slice(i, j).join(""));
    i = j;
  }
  return found;
}

function readingEase(R, draft) {
  // Code-point view of the normalised text, and its breaks and body start, in code points.
  const chars = Array.from(draft.norm.text);
  const toCp = [];
  let unit = 0;
  chars.forEach((ch, k) => { toCp[unit] = k; unit += ch.length; });
  toCp[unit] = chars.length;
  const breaks = new Set([...draft.norm.breaks].map((u) => toCp[u]));
  const counted = [];
  for (const [s, e] of sentences(R, chars, breaks, toCp[draft.bodyStart])) {
    const words = letterWords(chars, s, e);
    if (words.length) counted.push({ s, e, words: words.length,
      syl: words.reduce((n, w) => n + syllables(R.hyph, w), 0) });
  }
  const total = counted.reduce((n, c) => n + c.words, 0);
  if (!total) return null;
  const syl = counted.reduce((n, c) => n + c.syl, 0);
  const score = flesch(total, counted.length, syl);
  const longest = counted.reduce((a, c) => (c.words > a.words ? c : a));
  let worst = null, gain = null;
  for (const c of counted) {
    if (counted.length === 1) { worst = c; break; }
    const without = flesch(total - c.words, counted.length - 1, syl - c.syl);
    if (gain === null || without - score > gain) { worst = c; gain = without - score; }
  }
  // Back to UTF-16 positions in the normalised text.
  const toUnit = [];
  unit = 0;
  chars.forEach((ch, k) => { toUnit[k] = unit; unit += ch.length; });
  toUnit[chars.length] = unit;
  return { score, words: total, worst: [toUnit[worst.s], toUnit[worst.e]],
    longest: [toUnit[longest.s], toUnit[longest.e]], longestWords: longest.words };
}

function readability(R, draft) {
  const bar = R.readingEase;  // null: the language has no Flesch check
  const ease = bar && readingEase(R, draft);
  if (!ease) return [];
  const words = R.strings.reading_ease;
  let message, marked;
  const missed = bar.bars.filter((b) => ease.words >= b.words && ease.score < b.min);
  if (missed.length) {
    message = format(words.message, { score: whole(ease.score), min: whole(missed[missed.length - 1].min) });
    marked = ease.worst;
  } else if (bar.sentence_channels.includes(draft.channel)
             && ease.longestWords > bar.max_sentence_words) {
    message = format(words.long_sentence, { words: ease.longestWords, max: bar.max_sentence_words });
    marked = ease.longest;
  } else {
    return [];
  }
  const s = span(draft.norm, ...marked);
  return [{ rule: "reading-ease", category: "readability", message,
    instead: words.instead, link: R.links.readability, start: s.start, end: s.end,
    _from: s.from, _to: s.to }];
}

// Code points, counted without building an array (a paste may be large).
function cpCount(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff || i === 0 || text.charCodeAt(i - 1) < 0xd800 ||
        text.charCodeAt(i - 1) > 0xdbff) n++;
  }
  return n;
}

function tooLong(R, text) {
  const length = cpCount(text);
  if (length <= R.maxChars) return null;
  const words = R.strings.too_long;
  return { rule: "too-long-to-check", category: "size",
    message: format(words.message, { value: length, limit: R.maxChars }),
    instead: words.instead, link: R.links["too-long-to-check"] };
}

function check(R, text, channel, playbook) {
  const refused = tooLong(R, text);
  if (refused) return { draft: null, findings: [refused] };
  const draft = readDraft(R, text, channel || guessChannel(R, text));
  const view = clauseView(R, draft.norm.text, draft.norm.breaks);
  return {
    draft,
    findings: [...wording(R, draft, view), ...missingParts(R, draft, playbook || null, view),
      ...limits(R, draft), ...readability(R, draft)],
  };
}

// draft.set_aside_note: what was not checked, or null.
function setAsideNote(R, structure) {
  const words = R.strings.set_aside;
  const parts = structure.counts.map(([kind, n]) => plural(words.kinds[kind], n, R.language));
  if (!parts.length) return null;
  const listed = parts.length === 1 ? parts[0] :
    format(words.joined, { first: parts.slice(0, -1).join(", "), last: parts[parts.length - 1] });
  return format(words.note, { parts: listed });
}

function sizes(R, draft) {
  const sms = smsSize(R, stripSpaces(R, draft.own));
  const ease = R.readingEase && readingEase(R, draft);
  return { words: countWords(draft.body), spoken_seconds: whole(MEASURES["spoken-seconds"](R, draft)),
    subject_chars: draft.subject === null ? null : cpLength(draft.subject),
    sms_characters: sms.units, sms_segments: sms.segments,
    reading_ease: ease ? whole(ease.score) : null };
}

// The exported, pure function: findings as the command line's JSON gives them.
function checkDraft(R, text, channel, playbook) {
  return check(R, text, channel, playbook).findings.map(({ _from, _to, ...f }) => f);
}

// The checks over one set of rules; the hyphenation patterns (100 KB) are read
// when the first words are, not when the checker is made.
export function createChecker(data, hyphenation) {
  const rules = compile(data);
  let hyph = null;
  Object.defineProperty(rules, "hyph", {
    get: () => (hyph ??= hyphenator(typeof hyphenation === "function" ? hyphenation() : hyphenation)),
  });
  return {
    rules,
    check: (text, channel, playbook) => check(rules, text, channel, playbook),
    checkDraft: (text, channel, playbook) => checkDraft(rules, text, channel, playbook),
    guessChannel: (text) => guessChannel(rules, text),
    sizes: (text, channel) => sizes(rules, readDraft(rules, text, channel)),
    sizesOf: (draft) => sizes(rules, draft),
    smsSize: (text) => smsSize(rules, text),
    // One wording rule's matches in a normalised text (the rules' own examples).
    ruleMatches: (id, text) => {
      const rule = rules.wordingRe.find((r) => r.id === id);
      const norm = normalize(rules, text).text;
      return ruleSpans(rules, rule, norm, clauseView(rules, norm, new Set())).length;
    },
    setAsideNote: (text) => (tooLong(rules, text) ? null : setAsideNote(rules, readStructure(rules, text))),
    noteOf: (draft) => setAsideNote(rules, draft.structure),
  };
}
