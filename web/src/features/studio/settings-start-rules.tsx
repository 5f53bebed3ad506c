import type {
  AdminUnitKind,
  FieldError,
  ProcessSettingsValues,
  SettingsChoices,
  StartRuleSettings,
} from '../../lib/contracts.js';
import { SettingsField, errorsAt } from './settings-fields.js';
import type { SettingsTexts } from './settings-texts.js';

const KINDS: AdminUnitKind[] = ['ban', 'doan-the', 'co-so'];
const ROLES: StartRuleSettings['roles'] = ['staff', 'head'];

/** "ban-tuyen-giao, van-phong" → the codes, blanks dropped. */
export const unitCodesOf = (text: string): string[] =>
  text
    .split(/[,\s]+/)
    .map((code) => code.trim())
    .filter(Boolean);

const toggled = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list.filter((other) => other !== item), item] : list.filter((other) => other !== item);

interface Props {
  s: SettingsTexts;
  values: ProcessSettingsValues;
  choices: SettingsChoices;
  /** The typed unit codes per process, kept as typed until saved. */
  unitTexts: Record<string, string>;
  errors: readonly FieldError[];
  onRule(index: number, rule: StartRuleSettings): void;
  onUnits(processId: string, text: string): void;
  onSymbols(symbols: ProcessSettingsValues['documentSymbols']): void;
}

const nameOf = (choices: SettingsChoices, processId: string) =>
  choices.processes.find((process) => process.processId === processId)?.name ?? processId;

/** Who may start each process, and the symbols of the documents the processes issue. */
export function StartRuleSections({
  s,
  values,
  choices,
  unitTexts,
  errors,
  onRule,
  onUnits,
  onSymbols,
}: Props) {
  const symbols = values.documentSymbols;
  return (
    <>
      <h2>{s.startRules}</h2>
      <p>{s.startRulesIntro}</p>
      {values.startRules.map((rule, index) => {
        const at = `/values/startRules/${index}`;
        const checkbox = (group: 'kinds' | 'roles', item: string, label: string) => (
          <label key={item} class="settings-check">
            <input
              type="checkbox"
              name={`start-${rule.processId}-${group}-${item}`}
              checked={(rule[group] as readonly string[]).includes(item)}
              onChange={(event) =>
                onRule(index, {
                  ...rule,
                  [group]: toggled(rule[group] as string[], item, event.currentTarget.checked),
                })
              }
            />
            {label}
          </label>
        );
        const groupErrors = (group: string) => errorsAt(errors, `${at}/${group}`);
        return (
          <fieldset key={rule.processId} class="settings-kind" data-start-rule={rule.processId}>
            <legend>{`${nameOf(choices, rule.processId)} (${rule.processId})`}</legend>
            {errorsAt(errors, `${at}/processId`).map((message) => (
              <span key={message} class="field__error" role="alert">
                {message}
              </span>
            ))}
            <SettingsField
              name={`start-${rule.processId}-units`}
              label={s.units}
              value={unitTexts[rule.processId] ?? ''}
              errors={groupErrors('units')}
              onInput={(text) => onUnits(rule.processId, text)}
            />
            <div role="group" aria-label={s.kinds}>
              <span>{s.kinds}</span>
              {KINDS.map((kind) => checkbox('kinds', kind, s.kindNames[kind]))}
            </div>
            <div role="group" aria-label={s.roles}>
              <span>{s.roles}</span>
              {ROLES.map((role) => checkbox('roles', role, s.roleNames[role]))}
              {groupErrors('roles').map((message) => (
                <span key={message} class="field__error" role="alert">
                  {message}
                </span>
              ))}
            </div>
          </fieldset>
        );
      })}
      <h2>{s.symbols}</h2>
      <p>{s.symbolsIntro}</p>
      <fieldset class="settings-kind" data-kind="documentSymbols">
        <SettingsField
          name="symbol-issuer"
          label={s.issuer}
          value={symbols.issuer}
          errors={errorsAt(errors, '/values/documentSymbols/issuer')}
          onInput={(text) => onSymbols({ ...symbols, issuer: text.trim() })}
        />
        {Object.entries(symbols.processes).map(([processId, symbol]) => (
          <SettingsField
            key={processId}
            name={`symbol-${processId}`}
            label={`${s.kindSymbol}: ${nameOf(choices, processId)}`}
            value={symbol}
            errors={errorsAt(errors, `/values/documentSymbols/processes/${processId}`)}
            onInput={(text) =>
              onSymbols({ ...symbols, processes: { ...symbols.processes, [processId]: text.trim() } })
            }
          />
        ))}
      </fieldset>
    </>
  );
}
