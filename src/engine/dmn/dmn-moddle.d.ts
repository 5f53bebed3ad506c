/** The part of dmn-moddle's API the DMN parser uses (the package ships no typings). */
declare module 'dmn-moddle' {
  import type { FromXmlResult } from 'bpmn-moddle';

  export class DmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<FromXmlResult>;
  }
}
