// STAND-IN, NOT A MIKROTIK: a small part of the RouterOS console script language (help.mikrotik.com "Scripting"), enough for pasted configuration.
import { matchesQuery, RouterTrap, type RouterModel } from './router-model.ts';

/**
 * Runs a configuration script the way pasting it into a RouterOS terminal (or `/import`) does,
 * against the stand-in's model: comment lines (`#`), line continuation (`\` at the end), menu
 * lines (`/ip firewall nat`) that set where the following commands go, and the commands
 * `add k=v …`, `set k=v …` (settings menus such as `/ip proxy`), and `remove [find where k=v …]`
 * / `remove [find where k~"regex"]`, either alone or after an inline menu
 * (`/ip firewall nat add …`). Values may be "quoted" with RouterOS escapes (\" \\ \$). The first
 * failing line stops the script with the router's message and its line number, as /import does.
 * Not supported (a trap, never silently skipped): variables, :commands, other `find` forms.
 */
export function runRouterScript(model: RouterModel, script: string): { commands: number } {
  let menu = '/';
  let commands = 0;
  const physical = script.split(/\r?\n/);
  for (let i = 0; i < physical.length; i++) {
    const lineNo = i + 1;
    let line = physical[i];
    while (line.endsWith('\\') && i + 1 < physical.length) line = line.slice(0, -1) + physical[++i].trimStart();
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    try {
      const words = tokenize(trimmed);
      let at = 0;
      if (words[0].startsWith('/')) {
        // `/ip firewall nat` (menu words until a command) or `/ip/firewall/nat`
        const path: string[] = words[0].slice(1).split('/').filter(Boolean);
        at = 1;
        while (at < words.length && !isCommand(words[at]) && !words[at].includes('=')) path.push(words[at++]);
        const target = `/${path.join('/')}`;
        if (at === words.length) {
          if (!model.hasMenu(target)) throw new RouterTrap('bad command name');
          menu = target;
          continue;
        }
        commands += runCommand(model, target, words.slice(at));
      } else commands += runCommand(model, menu, words);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new RouterTrap(`line ${lineNo}: ${message}`);
    }
  }
  return { commands };
}

const isCommand = (word: string) => ['add', 'set', 'remove', 'print'].includes(word);

function runCommand(model: RouterModel, menu: string, words: string[]): number {
  const [command, ...rest] = words;
  if (!model.hasMenu(menu)) throw new RouterTrap('bad command name');
  if (command === 'add') {
    model.add(menu, properties(rest));
    return 1;
  }
  if (command === 'set') {
    if (!model.isSettingsMenu(menu)) throw new RouterTrap('expected item number (set on a table needs [find …])');
    model.setSettings(menu, properties(rest));
    return 1;
  }
  if (command === 'remove') {
    const find = /^\[find(?: where)?((?: [a-z.-]+(?:=|~)(?:"(?:[^"\\]|\\.)*"|[^\s\]]+))*)\]$/.exec(rest.join(' '));
    if (!find) throw new RouterTrap('expected [find where …]');
    const conditions = tokenize(find[1].trim());
    const ids = model
      .print(menu)
      .filter((item) => conditions.every((condition) => holds(item, condition)))
      .map((item) => item['.id']);
    for (const id of ids) model.remove(menu, id);
    return 1;
  }
  throw new RouterTrap(`bad command name ${command ?? ''}`.trim());
}

function holds(item: Record<string, string>, condition: string): boolean {
  const regex = /^([a-z.-]+)~(.*)$/s.exec(condition);
  if (regex) return new RegExp(regex[2]).test(item[regex[1]] ?? '');
  return matchesQuery(item, [condition]);
}

function properties(words: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq <= 0) throw new RouterTrap(`expected property=value, got ${word}`);
    result[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return result;
}

/** Words split on spaces outside quotes; quotes removed and RouterOS escapes (\" \\ \$ \?) applied. */
function tokenize(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '\\' && i + 1 < line.length) {
      word += line[++i];
    } else if (c === '"') {
      quoted = !quoted;
      started = true;
    } else if (!quoted && /\s/.test(c)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += c;
      started = true;
    }
  }
  if (quoted) throw new RouterTrap('unterminated quote');
  if (started) words.push(word);
  return words;
}
