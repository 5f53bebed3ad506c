/** dmn-js ships no typings; the studio uses only its Modeler's entry (see dmn-modeler.ts for the parts used). */
declare module 'dmn-js/lib/Modeler' {
  const Modeler: new (options: object) => unknown;
  export default Modeler;
}
