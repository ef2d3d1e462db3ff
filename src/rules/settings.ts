// The rules' severities from the configuration: `"regler": { "<regel-id>": "av" | "varning" | "fel" }` in
// sparbar.config.json (or the English off, warn, error). Every entry it cannot use is an invalid-config message at
// its line and column, with a suggestion; the entries it can use still apply.
import { CONFIG_FILE, readConfigFile, type ConfigFile, type ConfigPath } from '../config/config-file.js';
import { asSentence, parseSiteConfig } from '../config/config-schema.js';
import { MessageSink, type CheckMessage, type RuleSettings, type Severity } from '../messages/report.js';
import { ruleUrl } from '../messages/rule-url.js';
import { closest, quoteList } from '../util/suggest.js';
import { isRuleId, ruleById, RULES } from './index.js';
import invalidConfig from './invalid-config.js';
import statementWithoutContact from './statement-without-contact.js';

/** The configuration's key for the rules. */
export const RULES_KEY = 'regler';

/** Each value a rule may be set to, and what it means. */
export const SEVERITY_VALUES: Readonly<Record<string, Severity | 'off'>> = {
  av: 'off',
  varning: 'warning',
  fel: 'error',
  off: 'off',
  warn: 'warning',
  error: 'error',
};

export interface LoadedRuleSettings {
  /** The severities set, by rule id. */
  settings: RuleSettings;
  /** What was wrong in the configuration, as invalid-config messages in `file`. */
  messages: CheckMessage[];
}

/** The rule settings of the plans folder `plansDir` from its sparbar.config.json; none when there is no file. */
export function loadRuleSettings(plansDir: string): LoadedRuleSettings {
  return ruleSettingsOf(readConfigFile(plansDir));
}

/** The rule settings in a configuration file read by readConfigFile; messages name `file` (relative to the plans folder). */
export function ruleSettingsOf(config: ConfigFile | null, file = CONFIG_FILE): LoadedRuleSettings {
  const settings = new Map<string, Severity | 'off'>();
  const sink = new MessageSink();
  if (config === null) return { settings, messages: [] };
  const report = (reason: string, at: ConfigPath, where: 'key' | 'value', expected?: string[]) => {
    const { line, column } = config.locate(at, where);
    sink.report(invalidConfig, reason, { file, line, column }, expected ? { expected } : {});
  };
  if (config.error) {
    sink.report(invalidConfig, `${CONFIG_FILE}: ${config.error.message}. Rätta filen; inställningarna i den gäller inte förrän dess.`, { file, ...config.error.at });
    return { settings, messages: sink.messages };
  }
  const data = config.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report(`${CONFIG_FILE} ska vara ett JSON-objekt med nycklar, t.ex. { "${RULES_KEY}": { "action-without-due-date": "av" } }.`, [], 'value');
    return { settings, messages: sink.messages };
  }
  // The rest of the file (the site, the statement, the editor): what the build would refuse is an error here already.
  const site = parseSiteConfig(data);
  for (const problem of site.problems.filter((p) => p.path[0] !== RULES_KEY)) {
    report(`${problem.path.join('.')}: ${asSentence(problem.message)} Rätta ${problem.where === 'key' ? 'nyckeln' : 'värdet'} i ${CONFIG_FILE}; webbplatsen byggs inte förrän dess.`, problem.path, problem.where);
  }
  const statement = () => statementContactMessages(config, file, data as Record<string, unknown>, settings);
  if (!Object.hasOwn(data, RULES_KEY)) return { settings, messages: [...sink.messages, ...statement()] };
  const rules = (data as Record<string, unknown>)[RULES_KEY];
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) {
    report(`"${RULES_KEY}" ska vara nycklar med regel-id och värdet "av", "varning" eller "fel", t.ex. "${RULES_KEY}": { "action-without-due-date": "av" }.`, [RULES_KEY], 'value');
    return { settings, messages: [...sink.messages, ...statement()] };
  }
  const values = Object.keys(SEVERITY_VALUES);
  for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
    if (!isRuleId(id)) {
      const hit = closest(id, RULES.map((r) => r.id));
      report(
        `Okänd regel "${id}" i "${RULES_KEY}".${hit ? ` Menade du "${hit}"?` : ` Reglerna och deras id står i ${ruleUrl('README')}.`}`,
        [RULES_KEY, id],
        'key',
        hit ? [hit] : undefined,
      );
      continue;
    }
    const severity = typeof value === 'string' && Object.hasOwn(SEVERITY_VALUES, value) ? SEVERITY_VALUES[value]! : undefined;
    if (severity === undefined) {
      const hit = typeof value === 'string' ? closest(value, values) : undefined;
      report(
        `Regeln "${id}" har värdet ${JSON.stringify(value)}, som inte är tillåtet.${hit ? ` Menade du "${hit}"?` : ''} Tillåtna värden: ${quoteList(['av', 'varning', 'fel'])} (eller ${quoteList(['off', 'warn', 'error'])}).`,
        [RULES_KEY, id],
        'value',
        hit ? [hit] : ['av', 'varning', 'fel'],
      );
      continue;
    }
    const rule = ruleById(id);
    if (rule.blocking && severity !== 'error') {
      report(
        `Regeln "${id}" går inte att ${severity === 'off' ? 'stänga av' : 'sänka till varning'}: det den hittar lämnas utanför planen tills det är rättat, så det är alltid ett fel. Ta bort raden och rätta felen i stället.`,
        [RULES_KEY, id],
        'value',
      );
      continue;
    }
    settings.set(id, severity);
  }
  return { settings, messages: [...sink.messages, ...statement()] };
}

/**
 * statement-without-contact, with the severity the configuration sets: a configuration of the site (`webbplats` or
 * `tillgänglighet`) whose accessibility statement names none of
 * `tillgänglighet.kontakt.epost`, `telefon` or `webbformulär`, placed at the deepest of `tillgänglighet.kontakt`,
 * `tillgänglighet` and the file's start that is there. Lag (2018:1937) 16 § requires a way to report shortcomings.
 */
function statementContactMessages(config: ConfigFile, file: string, data: Record<string, unknown>, settings: RuleSettings): CheckMessage[] {
  const object = (v: unknown): Record<string, unknown> | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  // A configuration that only sets rules is not about a site: the warning is for one that configures the site.
  if (!Object.hasOwn(data, 'webbplats') && !Object.hasOwn(data, 'tillgänglighet')) return [];
  const statement = object(data['tillgänglighet']);
  const contact = object(statement?.['kontakt']);
  if (contact && ['epost', 'telefon', 'webbformulär'].some((k) => typeof contact[k] === 'string' && (contact[k] as string).trim() !== '')) return [];
  const at: ConfigPath = contact ? ['tillgänglighet', 'kontakt'] : statement ? ['tillgänglighet'] : [];
  const { line, column } = config.locate(at, 'key');
  const sink = new MessageSink(settings);
  sink.report(
    statementWithoutContact,
    'Tillgänglighetsredogörelsen saknar ett sätt att rapportera brister i tillgängligheten, och lagen om tillgänglighet till digital offentlig service kräver ett; webbplatsen byggs inte förrän det finns. ' +
      'Ange minst en av tillgänglighet.kontakt.epost, tillgänglighet.kontakt.telefon och tillgänglighet.kontakt.webbformulär, till exempel "kontakt": { "epost": "tillganglighet@kommun.se" }.',
    { file, line, column },
  );
  return sink.messages;
}
