/** The part of bpmn-moddle's API the parser uses (the package ships no typings). */
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    readonly $type: string;
    readonly $parent?: ModdleElement;
    readonly $attrs?: Record<string, string>;
    readonly id?: string;
    readonly [property: string]: unknown;
  }

  export interface ModdleWarning {
    message: string;
    element?: ModdleElement;
    property?: string;
    value?: unknown;
    error?: Error;
  }

  export interface FromXmlResult {
    rootElement: ModdleElement;
    warnings: ModdleWarning[];
    elementsById: Record<string, ModdleElement>;
  }

  export default class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<FromXmlResult>;
  }
}
