import { DMN_WORDS_VI } from './dmn-words.vi.js';

/** One view of a DMN file in dmn-js: the decision requirements diagram, or one decision's table or expression. */
export interface DmnView {
  type: 'drd' | 'decisionTable' | 'literalExpression' | 'boxedExpression';
  element: { id: string; name?: string };
}

interface DmnViewer {
  on(event: string, callback: () => void): void;
}

/** The parts of dmn-js's Modeler the studio uses. */
export interface DmnModeler {
  importXML(xml: string): Promise<unknown>;
  saveXML(options: { format: boolean }): Promise<{ xml?: string }>;
  getViews(): DmnView[];
  getActiveView(): DmnView | undefined;
  getActiveViewer(): DmnViewer | undefined;
  open(view: DmnView): Promise<unknown>;
  on(event: string, callback: () => void): void;
  destroy(): void;
}

/** dmn-js's translate service, in Vietnamese when the interface is (a word not listed stays as dmn-js has it). */
function translateModule(locale: string): object {
  const translate = (template: string, replacements: Record<string, string> = {}): string =>
    (locale === 'vi' ? (DMN_WORDS_VI[template] ?? template) : template).replace(
      /{([^}]+)}/g,
      (whole, key: string) => replacements[key] ?? whole,
    );
  return { translate: ['value', translate] };
}

/**
 * Loads dmn-js's Modeler (the decision requirements diagram, decision tables, literal expressions) only when a
 * decision file is opened; every view gets the translate service of the interface's language.
 */
export async function createDmnModeler(container: HTMLElement, locale: string): Promise<DmnModeler> {
  const [{ default: Modeler }] = await Promise.all([
    import('dmn-js/lib/Modeler'),
    import('dmn-js/dist/assets/diagram-js.css'),
    import('dmn-js/dist/assets/dmn-js-shared.css'),
    import('dmn-js/dist/assets/dmn-js-drd.css'),
    import('dmn-js/dist/assets/dmn-js-decision-table.css'),
    import('dmn-js/dist/assets/dmn-js-decision-table-controls.css'),
    import('dmn-js/dist/assets/dmn-js-literal-expression.css'),
    import('dmn-js/dist/assets/dmn-font/css/dmn-embedded.css'),
  ]);
  // Each view takes its own modules (dmn-js replaces `common.additionalModules` with the view's).
  const translated = { additionalModules: [translateModule(locale)] };
  return new Modeler({
    container,
    drd: translated,
    decisionTable: translated,
    literalExpression: translated,
    boxedExpression: translated,
  }) as DmnModeler;
}

/** Calls `onChange` after each edit in any view (each view has its own command stack, hooked once when shown). */
export function onEveryEdit(modeler: DmnModeler, onChange: () => void): void {
  const hooked = new WeakSet<DmnViewer>();
  const hook = () => {
    const viewer = modeler.getActiveViewer();
    if (!viewer || hooked.has(viewer)) return;
    hooked.add(viewer);
    viewer.on('commandStack.changed', onChange);
  };
  modeler.on('views.changed', hook);
  hook();
}

/** A new decision file: one FIRST decision table with one input and one output, to be edited in dmn-js. */
export function newDecisionXml(id: string, name: string): string {
  const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="${id}" name="${escaped}" namespace="http://camunda.org/schema/1.0/dmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <decision id="${id}-quyet-dinh" name="${escaped}">
    <decisionTable id="${id}-bang" hitPolicy="FIRST">
      <input id="${id}-dieu-kien-1" label="Điều kiện">
        <inputExpression id="${id}-bieu-thuc-1" typeRef="string">
          <text>dieuKien</text>
        </inputExpression>
      </input>
      <output id="${id}-ket-qua-1" label="Kết quả" name="ketQua" typeRef="string" />
      <rule id="${id}-quy-tac-1">
        <inputEntry id="${id}-quy-tac-1-dk">
          <text>-</text>
        </inputEntry>
        <outputEntry id="${id}-quy-tac-1-kq">
          <text>"mac-dinh"</text>
        </outputEntry>
      </rule>
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="${id}-so-do">
      <dmndi:DMNShape id="${id}-hinh" dmnElementRef="${id}-quyet-dinh">
        <dc:Bounds height="80" width="180" x="160" y="100" />
      </dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>
`;
}
