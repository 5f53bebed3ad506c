// The deployment module's public entry: `npm start` deploys the processes and forms through it.
export {
  deployProcessesAndForms,
  type DeployedForm,
  type DeployedProcess,
  type DeploymentSummary,
  type TakenOver,
} from './deploy-processes.js';
