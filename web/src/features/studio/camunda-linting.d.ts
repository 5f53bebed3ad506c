/** @camunda/linting ships no typings; the studio uses only its modeler module (overlays, properties panel errors). */
declare module '@camunda/linting/modeler' {
  const lintingModule: object;
  export default lintingModule;
}
