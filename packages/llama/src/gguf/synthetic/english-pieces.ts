/**
 * Common English words, most frequent first (the synthetic models' random text favours the
 * front of this list), then words of reasoning and arithmetic tasks and the ChatML roles.
 */
export const ENGLISH_WORDS: readonly string[] = `
the of and to a in is it you that he was for on are with as I his they be at one have this
from or had by not but what some we can out other were all there when up use your how said an
each she which do their time if will way about many then them write would like so these her
long make thing see him two has look more day could go come did number sound no most people my
over know water than call first who may down side been now find any new work part take get
place made live where after back little only round man year came show every good me give our
under name very through just form great think say help low line differ turn cause much mean
before move right boy old too same tell does set three want air well also play small end put
home read hand port large spell add even land here must big high such follow act why ask men
change went light kind off need house picture try us again animal point mother world near
build self earth father head stand own page should country found answer school grow study
numbers remaining solve solution impossible likely value evaluate input output reason because
therefore total sum product minus plus times divided result calculate steps valid invalid
sure left step story true false yes
user assistant system hello please thanks sorry okay
`
  .trim()
  .split(/\s+/);

/** Characters and symbols that must never fall into byte tokens. */
const SYMBOLS = [".", ",", "!", "?", ":", ";", "'", '"', "+", "-", "*", "/", "=", "(", ")", "%"];

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** How many of the most frequent words also get a capitalized and a space-less piece. */
const FREQUENT = 40;

/**
 * The pieces of the synthetic vocabulary, spaces as plain spaces. Words come with a leading
 * space (the tokenizer puts one before every word), the frequent ones also capitalized and bare
 * (after a newline, a quote or a bracket there is no space); letters, digits and the numbers up
 * to 24 keep unknown words and arithmetic out of byte tokens.
 */
export function listEnglishPieces(): string[] {
  const pieces: string[] = [];
  for (const [rank, word] of ENGLISH_WORDS.entries()) {
    pieces.push(` ${word}`);
    if (rank < FREQUENT) pieces.push(word, ` ${capitalize(word)}`, capitalize(word));
  }
  for (const letter of `${LETTERS}${LETTERS.toUpperCase()}`) pieces.push(letter, ` ${letter}`);
  for (let number = 0; number <= 24; number += 1) pieces.push(`${number}`, ` ${number}`);
  for (const symbol of SYMBOLS) pieces.push(symbol, ` ${symbol}`);
  return pieces;
}

function capitalize(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}
