import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import type { ZeebeClient } from '../engine-client/engine-clients.js';
import { deployOrRefuse } from './studio-engine.js';

/** One version of a decision requirements graph (a deployed .dmn resource), as REST v2 describes it. */
export interface EngineDecisionGraph {
  decisionRequirementsKey: string;
  decisionRequirementsId: string;
  name: string;
  version: number;
}

/** One decision of a graph version. */
export interface EngineDecision {
  decisionDefinitionId: string;
  name: string;
  decisionRequirementsKey: string;
}

export interface DeployedDecisions {
  decisionRequirementsId: string;
  version: number;
  decisionRequirementsKey: string;
  decisions: { decisionDefinitionId: string; version: number }[];
}

/** The gRPC deployment entries of a DMN resource (the SDK's type leaves out decision requirements). */
interface DeploymentEntry {
  decision?: { dmnDecisionId: string; version: number };
  decisionRequirements?: {
    dmnDecisionRequirementsId: string;
    version: number;
    decisionRequirementsKey: string;
  };
}

const noWait = { consistency: { waitUpToMs: 0 } };
const body = <T>(value: T): never => value as never;
/** Camunda 8.8 caps a search page; more decision versions than this is far beyond this installation. */
const PAGE_LIMIT = 1000;
type Item = Partial<Record<string, unknown>>;

/**
 * The decision tables' side of the engine, only through Camunda's public API: REST v2 searches of decision
 * requirements and decisions and their XML, and gRPC DeployResource for deploying a .dmn resource.
 */
export class DecisionEngine {
  constructor(
    private readonly rest: CamundaClientLoose,
    private readonly zeebe: ZeebeClient,
  ) {}

  async graphs(): Promise<EngineDecisionGraph[]> {
    const found = await this.rest.searchDecisionRequirements(
      body({ filter: {}, page: { from: 0, limit: PAGE_LIMIT } }),
      noWait,
    );
    return (found.items as Item[]).map((item) => ({
      decisionRequirementsKey: String(item.decisionRequirementsKey ?? ''),
      decisionRequirementsId: String(item.decisionRequirementsId ?? ''),
      name:
        typeof item.decisionRequirementsName === 'string' && item.decisionRequirementsName
          ? item.decisionRequirementsName
          : String(item.decisionRequirementsId ?? ''),
      version: Number(item.version ?? 0),
    }));
  }

  async decisions(): Promise<EngineDecision[]> {
    const found = await this.rest.searchDecisionDefinitions(
      body({ filter: {}, page: { from: 0, limit: PAGE_LIMIT } }),
      noWait,
    );
    return (found.items as Item[]).map((item) => ({
      decisionDefinitionId: String(item.decisionDefinitionId ?? ''),
      name: typeof item.name === 'string' && item.name ? item.name : String(item.decisionDefinitionId ?? ''),
      decisionRequirementsKey: String(item.decisionRequirementsKey ?? ''),
    }));
  }

  async xml(decisionRequirementsKey: string): Promise<string> {
    return String(await this.rest.getDecisionRequirementsXml(body({ decisionRequirementsKey }), noWait));
  }

  /** Deploys one .dmn resource; the engine's refusal is a 400 with its reason (deployOrRefuse). */
  async deploy(name: string, xml: string): Promise<DeployedDecisions> {
    const entries = (await deployOrRefuse(this.zeebe, [
      { name, decision: Buffer.from(xml) },
    ])) as DeploymentEntry[];
    const graph = entries.find((entry) => entry.decisionRequirements)?.decisionRequirements;
    if (!graph) throw new Error(`the engine deployed no decision requirements for ${name}`);
    return {
      decisionRequirementsId: graph.dmnDecisionRequirementsId,
      version: Number(graph.version),
      decisionRequirementsKey: String(graph.decisionRequirementsKey),
      decisions: entries.flatMap((entry) =>
        entry.decision
          ? [{ decisionDefinitionId: entry.decision.dmnDecisionId, version: Number(entry.decision.version) }]
          : [],
      ),
    };
  }
}
